import { describe, expect, it } from "vitest";
import { STAGING_COLUMNS } from "./columns";
import { clearDecimals, copyPlan, CopyRows, prepareDecimals, type CopyPlan } from "./copy-rows";
import { FocusRowMapper, type FocusError } from "./rows";
import { FocusScanner } from "./scan";

const NO_TIES = { providerId: null, contractId: null, reservationId: null, acceleratorTypeId: null, workloadId: null };

/** The file through the scanner, mapper and CopyRows as the importer wires them: COPY CSV text and the typed lines of `map`. */
function run(csv: string, fxRates: Record<string, string> = {}) {
  let mapper: FocusRowMapper | undefined;
  let restricted: FocusRowMapper | undefined;
  let plan: CopyPlan | undefined;
  let rows: CopyRows | undefined;
  const typed: string[] = [];
  const errors: FocusError[] = [];
  const scanner: FocusScanner = new FocusScanner({
    onHeader(fields, line) {
      mapper = new FocusRowMapper(fields, line, { fxRates });
      plan = copyPlan(mapper);
      rows = new CopyRows(plan, 7);
      restricted = new FocusRowMapper(fields, line, { fxRates });
      restricted.restrict(plan.read);
      return { extract: new Array<boolean>(fields.length).fill(true) };
    },
    onRecord(fields, line) {
      // The typed line from every cell, then the COPY line from the cells the importer extracts.
      typed.push(mapper!.map(fields, line, [])!);
      const some = fields.map((f, i) => (plan!.extract[i] ? f : ""));
      prepareDecimals(plan!, scanner.record, some);
      const row = restricted!.row(some, line, errors, true);
      if (row) rows!.add(scanner.record, line, NO_TIES, row);
      clearDecimals(plan!, some);
      return false;
    },
    onProblem: () => true,
  });
  scanner.push(Buffer.from(csv, "utf8"), []);
  scanner.end([]);
  return { csv: rows!.take(0)?.toString("utf8") ?? "", typed, errors, plan: plan! };
}

/** COPY's CSV: an unquoted empty field is null. */
function parseCopyCsv(text: string): (string | null)[][] {
  const out: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else v += text[i++];
      }
      value = v;
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "\n") j++;
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ",") i++;
    else {
      out.push(row);
      row = [];
      i++;
    }
  }
  return out;
}

/** COPY's text format (the typed lines of `map`). */
function parseCopyText(line: string): (string | null)[] {
  return line
    .replace(/\n$/, "")
    .split("\t")
    .map((c) => (c === "\\N" ? null : c.replace(/\\(.)/g, (_, x: string) => ({ t: "\t", n: "\n", r: "\r" })[x] ?? x)));
}

function expectSameRows(csv: string, typed: string[], plan: CopyPlan) {
  const copied = parseCopyCsv(csv);
  expect(copied).toHaveLength(typed.length);
  copied.forEach((cells, r) => {
    const want = parseCopyText(typed[r]!);
    const got = new Map(plan.columns.map((c, i) => [c, cells[i] ?? null]));
    expect(got.get("import_id")).toBe("7");
    for (const [i, column] of STAGING_COLUMNS.entries()) {
      if (!got.has(column)) {
        expect([column, want[i]]).toEqual([column, null]);
        continue;
      }
      const value = got.get(column)!;
      if (column === "extra") expect(value === null ? null : JSON.parse(value)).toEqual(want[i] === null ? null : JSON.parse(want[i]!));
      else expect([column, value]).toEqual([column, want[i]]);
    }
  });
}

const HEADER =
  "BilledCost,EffectiveCost,ListCost,PricingQuantity,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BillingCurrency,ProviderName,ServiceName,ChargeDescription,Tags,x_Note";

describe("CopyRows", () => {
  it("writes the same values as the typed lines, whatever the quoting, nulls and escapes of the file", () => {
    const { csv, typed, errors, plan } = run(
      [
        HEADER,
        `1.5,1.25,NULL,"2",2025-01-01T00:00:00Z,2025-01-01 01:00,Usage,usd,AWS,EC2,"a, b",NULL,x`,
        `"1.5",1,"",,2025-01-01,2025-01-02,Usage,USD,"AWS","NULL",a\\b\tc,"{""k"":""v \\""q\\"" ""}",""`,
        `1e3,-0.5,12.,3.000,2025-01-01,2025-01-02,Usage,USD,Null,null,"line1\nline2",{},"y ""z"""`,
        `1,1,"1E2",Null,2025-01-01,2025-01-02,Cr"edit,USD,AWS,EC2,ab"c,"{}",NULL`,
        `2,2,3,4,2025-01-01,2025-01-02,Usage,USD,Müller & Söhne,Sérvice,"ünïcode ""q""",{"a":1},"ä"`,
        `2,2,3,4,2025-01-01,2025-01-02,Usage,USD,AWS,EC2,d,NULL,"back\\slash ""q"" tab\t ctl\u0001 ü\nnew"`,
        `2,2,3,4,2025-01-01,2025-01-02,Usage,USD,AWS,EC2,d,NULL,back\\sl"ash`,
      ].join("\n"),
    );
    expect(errors.filter((e) => e.column !== "ProviderName")).toEqual([]);
    // x_Note goes into extra from the file's bytes, ListCost and PricingQuantity to COPY as the file's bytes when plain.
    expect(plan.byteExtras.map((e) => e.index)).toEqual([12]);
    expect(plan.byteDecimals).toEqual([2, 3]);
    expectSameRows(csv, typed.filter(Boolean), plan);
  });

  it("converts a foreign currency's costs, byte decimals included", () => {
    const { csv, typed, errors, plan } = run([HEADER, `10,10,10,5,2025-01-01,2025-01-02,Usage,EUR,AWS,EC2,d,NULL,NULL`].join("\n"), {
      EUR: "1.1",
    });
    expect(errors).toEqual([]);
    expectSameRows(csv, typed, plan);
    expect(csv).toContain(",11,11,11,5,");
  });

  it("keeps the conversion's own x_Headroom keys over a file column of the same name", () => {
    const { csv, typed, plan } = run(
      [`${HEADER},x_HeadroomFxRate`, `10,10,10,5,2025-01-01,2025-01-02,Usage,EUR,AWS,EC2,d,NULL,n,9`].join("\n"),
      { EUR: "1.1" },
    );
    expectSameRows(csv, typed, plan);
    expect(csv).toContain('""x_HeadroomFxRate"":""1.1""');
  });

  it("reports a bad optional decimal by its column", () => {
    const { errors } = run([HEADER, `1,1,12 USD,1,2025-01-01,2025-01-02,Usage,USD,AWS,EC2,d,NULL,NULL`].join("\n"));
    expect(errors).toMatchObject([{ line: 2, column: "ListCost" }]);
  });
});
