import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { REGISTER_KINDS, REGISTER_TEMPLATES, templateCsv, templateFileName } from "./register-templates";

describe("register templates", () => {
  const today = new Date("2026-11-27T10:00:00Z");

  it("writes the header and one example row holding a value for every required column", () => {
    for (const kind of REGISTER_KINDS) {
      const records: string[][] = parse(templateCsv(kind, today));
      const columns = REGISTER_TEMPLATES[kind].columns;
      expect(records).toHaveLength(2);
      expect(records[0]).toEqual(columns.map((c) => c.name));
      columns.forEach((c, i) => {
        if (c.required) expect(records[1]![i], `${kind}.${c.name}`).not.toBe("");
      });
    }
  });

  it("ends records with CRLF and dates the examples after today", () => {
    const csv = templateCsv("reservations", today);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[1]).toContain(
      ",Oracle OCI,Abilene,NVIDIA GB200,OCI-UC-2025-001,1024,2027-01-01,2027-07-01,reserved,4.25,USD,planned,2027-01-01,",
    );
    expect(templateCsv("power_budgets", today).split("\r\n")[1]).toBe("Milam County (example),2027-01-01,2028-01-01,120");
  });

  it("names the download after the kind", () => {
    expect(templateFileName("power_budgets")).toBe("power-budgets-template.csv");
  });
});
