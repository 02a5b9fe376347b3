import { describe, expect, it } from "vitest";
import { normalizeColumnName, readRegisterRows, RegisterFileError, type RegisterRow } from "./parse";
import { CONTRACTS_TEMPLATE, POWER_BUDGETS_TEMPLATE, RESERVATIONS_TEMPLATE, SITES_TEMPLATE } from "@/lib/csv/register-templates";

const TEMPLATES = {
  contracts: CONTRACTS_TEMPLATE,
  reservations: RESERVATIONS_TEMPLATE,
  sites: SITES_TEMPLATE,
  power_budgets: POWER_BUDGETS_TEMPLATE,
};
type Kind = keyof typeof TEMPLATES;

async function rows(text: string, kind: Kind = "sites"): Promise<RegisterRow[]> {
  const out: RegisterRow[] = [];
  for await (const row of readRegisterRows(TEMPLATES[kind], text)) out.push(row);
  return out;
}

async function fileErrors(text: string, kind: Kind = "sites") {
  const error = await rows(text, kind).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RegisterFileError);
  return (error as RegisterFileError).errors;
}

describe("readRegisterRows", () => {
  it("reads a BOM, CRLF, quoted commas, quotes and line breaks, keyed by template column", async () => {
    const text =
      '\ufeffname,provider,region_code,country,pue\r\n"Site, North","Say ""hi""",eu-1,NL,1.2\r\n"Two\r\nlines",AWS,us-1,US,1.1\r\n';
    expect(await rows(text)).toEqual([
      { line: 2, values: { name: "Site, North", provider: 'Say "hi"', region_code: "eu-1", country: "NL", pue: "1.2" } },
      { line: 3, values: { name: "Two\r\nlines", provider: "AWS", region_code: "us-1", country: "US", pue: "1.1" } },
    ]);
  });

  it("matches header names case-insensitively, in any order, with spaces or hyphens for underscores", async () => {
    const [row] = await rows("PUE, Country ,Region-Code,Provider,NAME\n1.3,SE,se-1,Azure,Gävle\n");
    expect(row!.values).toEqual({ name: "Gävle", provider: "Azure", region_code: "se-1", country: "SE", pue: "1.3" });
  });

  it("counts blank lines as a spreadsheet does, without yielding them", async () => {
    const out = await rows("name,provider,region_code,country,pue\n\nA,X,r,US,1.1\n,,,,\nB,X,r,US,1.1");
    expect(out.map((r) => [r.line, r.values.name])).toEqual([
      [3, "A"],
      [5, "B"],
    ]);
  });

  it("fills absent optional columns and short rows with blanks and flags values beyond the header", async () => {
    const out = await rows("site,effective_from,contracted_mw\nAbilene,2027-01-01\nAbilene,2028-01-01,5,oops\n", "power_budgets");
    expect(out[0]).toEqual({
      line: 2,
      values: { site: "Abilene", effective_from: "2027-01-01", effective_to: "", contracted_mw: "" },
      problem: undefined,
    });
    expect(out[1]!.problem).toBe("This line has values beyond the 3 named columns of the header.");
  });

  it("names unknown, duplicate and missing columns on line 1", async () => {
    expect(await fileErrors("name,Name,provider,colour,size\n")).toEqual([
      { line: 1, column: "name", message: "The column name appears more than once." },
      {
        line: 1,
        column: "colour, size",
        message: "Unknown columns colour, size. A sites file has the columns name, provider, region_code, country, pue.",
      },
      { line: 1, column: "region_code, country, pue", message: "Missing required columns region_code, country, pue." },
    ]);
  });

  it("refuses an empty file and broken quoting with the line", async () => {
    expect(await fileErrors("")).toEqual([{ line: 1, message: "The file is empty: it needs the header line and at least one row." }]);
    expect(await fileErrors('name,provider,region_code,country,pue\nA,B,r,US,1\n"C,B,r,US,1\n')).toEqual([
      { line: 3, message: "The file is not valid CSV near line 3: a quoted value is never closed." },
    ]);
  });

  it("normalizes column names", () => {
    expect(normalizeColumnName("  Start  Date ")).toBe("start_date");
    expect(normalizeColumnName("Capacity-Reservation-Id")).toBe("capacity_reservation_id");
  });
});
