import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsv } from "./read";
import { csvCell, neutralize } from "./write";

const char = fc.constantFrom("a", "Z", "0", ",", '"', "\r", "\n", " ", "é", "€", "😀", "=", "-", ";", "\t", "\\");
const field = fc.string({ unit: char, maxLength: 8 });
const table = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 12 });

type Layout = { bom: boolean; newline: "\r\n" | "\n"; finalNewline: boolean; blankAfter: boolean[]; cuts: number[] };

const layout = fc.record({
  bom: fc.boolean(),
  newline: fc.constantFrom("\r\n" as const, "\n" as const),
  finalNewline: fc.boolean(),
  blankAfter: fc.array(fc.boolean(), { maxLength: 12 }),
  cuts: fc.array(fc.nat({ max: 400 }), { maxLength: 6 }),
});

function breaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function write(rows: string[][], l: Layout): { bytes: Buffer; lines: number[] } {
  let text = l.bom ? "\uFEFF" : "";
  let line = 1;
  const lines: number[] = [];
  rows.forEach((row, i) => {
    lines.push(line);
    const record = row.map((v) => csvCell(v)).join(",");
    text += record;
    line += breaks(record);
    const last = i === rows.length - 1;
    if (!last || l.finalNewline) {
      text += l.newline;
      line++;
    }
    if (!last && l.blankAfter[i]) {
      text += l.newline;
      line++;
    }
  });
  return { bytes: Buffer.from(text, "utf8"), lines };
}

async function* chunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Uint8Array> {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const p of points) {
    yield bytes.subarray(from, p);
    from = p;
  }
  yield bytes.subarray(from);
}

describe("readCsv", () => {
  it("reads back what the project's writer wrote, whatever the quoting, newlines, BOM and chunking", async () => {
    await fc.assert(
      fc.asyncProperty(table, layout, async (rows, l) => {
        const { bytes, lines } = write(rows, l);
        const read = [];
        for await (const record of readCsv(chunks(bytes, l.cuts))) read.push(record);
        expect(read.map((r) => r.fields)).toEqual(rows.map((row) => row.map(neutralize)));
        expect(read.map((r) => r.line)).toEqual(lines);
      }),
      { numRuns: 300 },
    );
  });

  it("skips blank lines and keeps a last record without a final newline", async () => {
    const read = [];
    for await (const r of readCsv([Buffer.from("\uFEFFa,b\r\n\r\n1,2\r\n\r\n3,4")])) read.push(r);
    expect(read).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 3 },
      { fields: ["3", "4"], line: 5 },
    ]);
  });

  it("fails on a quote that is never closed", async () => {
    const read = async () => {
      for await (const r of readCsv([Buffer.from('a,b\n1,"open\n')])) void r;
    };
    await expect(read()).rejects.toThrow(/quote/i);
  });

  it("refuses a record longer than the limit at its line, before the rest of the file is read", async () => {
    let pulled = 0;
    function* endless() {
      yield Buffer.from("a,b\n1,2\n3,");
      for (; pulled < 1_000; pulled++) yield Buffer.alloc(64 * 1024, "x"); // 64 MB with no line break
    }
    const read = async () => {
      for await (const r of readCsv(endless())) void r;
    };
    await expect(read()).rejects.toMatchObject({ code: "CSV_MAX_RECORD_SIZE", line: 3 });
    expect(pulled).toBeLessThanOrEqual(17); // 1 MiB, read 64 kB at a time
  });

  it("reads a record just under the limit whole, and one just over it not at all", async () => {
    const long = "y".repeat(1_000);
    const fields = async (limit: number) => {
      const got: string[][] = [];
      for await (const r of readCsv([`h\n${long}\nz\n`], { maxRecord: limit })) got.push(r.fields);
      return got;
    };
    expect(await fields(1_001)).toEqual([["h"], [long], ["z"]]);
    await expect(fields(999)).rejects.toThrow(/longer than 999 characters/);
  });
});
