import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { REGISTER_KIND_NAMES, REGISTER_KINDS } from "./kinds";
import { POWER_BUDGETS_TEMPLATE, RESERVATIONS_TEMPLATE, templateCsv, templateFileName } from "@/lib/csv/register-templates";

describe("register templates", () => {
  const today = new Date("2026-11-27T10:00:00Z");

  it("writes the header and one example row holding a value for every required column", () => {
    for (const kind of REGISTER_KIND_NAMES) {
      const { template } = REGISTER_KINDS[kind];
      const records: string[][] = parse(templateCsv(template, today));
      expect(records).toHaveLength(2);
      expect(records[0]).toEqual(template.columns.map((c) => c.name));
      template.columns.forEach((c, i) => {
        if (c.required) expect(records[1]![i], `${kind}.${c.name}`).not.toBe("");
      });
    }
  });

  it("ends records with CRLF and dates the examples after today", () => {
    const csv = templateCsv(RESERVATIONS_TEMPLATE, today);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")[1]).toContain(
      ",Oracle OCI,Abilene,NVIDIA GB200,OCI-UC-2025-001,1024,2027-01-01,2027-07-01,reserved,4.25,USD,planned,2027-01-01,",
    );
    expect(templateCsv(POWER_BUDGETS_TEMPLATE, today).split("\r\n")[1]).toBe("Milam County (example),2027-01-01,2028-01-01,120");
  });

  it("names the download after the kind", () => {
    expect(templateFileName("power_budgets")).toBe("power-budgets-template.csv");
    expect(templateFileName("accelerator_types")).toBe("accelerator-types-template.csv");
  });
});
