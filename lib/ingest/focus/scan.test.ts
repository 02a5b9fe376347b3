import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CsvRecord } from "@/lib/csv/read";
import { CsvSyntaxError, CsvTokenizer } from "@/lib/csv/tokenizer";
import { FocusScanner, LineMap, MAX_RECORD_BYTES, RecordError } from "./scan";

// The scanner against the project's tokenizer (the reference reader): the same header, the same records
// on the same lines, the same extracted cells, and output bytes that read back as exactly the good records.

const char = fc.constantFrom("a", "Z", "0", ",", '"', "\r", "\n", " ", "é", "😀", "-", "\t");
const plainChar = fc.constantFrom("a", "Z", "0", " ", "é", "-", '"');
type Cell = { text: string; quoted: boolean };
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ text: fc.string({ unit: char, maxLength: 6 }), quoted: fc.constant(true) }),
  // Unquoted: no separator or newline, but possibly a quote after the first character (literal for the tokenizer).
  fc.string({ unit: plainChar, maxLength: 6 }).map((t) => ({ text: t.startsWith('"') ? `x${t}` : t, quoted: false })),
);
const WIDTH = 3;
const row = fc.record({
  cells: fc.array(cell, { minLength: WIDTH - 1, maxLength: WIDTH + 1 }),
  ending: fc.constantFrom("\n", "\r\n", "\r"),
  blank: fc.boolean(),
});
const file = fc.record({
  rows: fc.array(row, { minLength: 0, maxLength: 10 }),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  cuts: fc.array(fc.nat({ max: 300 }), { maxLength: 6 }),
  extract: fc.array(fc.boolean(), { minLength: WIDTH, maxLength: WIDTH }),
});

type File = { rows: { cells: Cell[]; ending: string; blank: boolean }[]; bom: boolean; finalNewline: boolean };

function text(f: File): string {
  let out = f.bom ? "\uFEFF" : "";
  out += "h1,h2,h3\n";
  f.rows.forEach((r, i) => {
    out += r.cells.map((c) => (c.quoted ? `"${c.text.replaceAll('"', '""')}"` : c.text)).join(",");
    const last = i === f.rows.length - 1;
    if (!last || f.finalNewline) out += r.ending;
    if (!last && r.blank) out += "\n";
  });
  return out;
}

function tokenize(input: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const t = new CsvTokenizer();
  t.push(input, records);
  t.end(records);
  return records;
}

function pieces(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

function scan(bytes: Buffer, cuts: number[] | "bytes", extract: boolean[]) {
  const seen: { fields: string[]; line: number }[] = [];
  const problems: { line: number; count: number }[] = [];
  let header: string[] = [];
  const scanner = new FocusScanner({
    onHeader: (fields) => {
      header = fields;
      return { extract };
    },
    onRecord: (fields, line) => {
      seen.push({ fields: [...fields], line });
      return true;
    },
    onProblem: (line, _column, _problem, count) => {
      problems.push({ line, count });
      return true;
    },
  });
  const out: Buffer[] = [];
  const chunks = cuts === "bytes" ? Array.from(bytes, (b) => Buffer.of(b)) : pieces(bytes, cuts);
  for (const piece of chunks) scanner.push(Buffer.from(piece), out);
  scanner.end(out);
  return { header, seen, problems, output: Buffer.concat(out).toString("utf8"), scanner };
}

describe("FocusScanner", () => {
  it("reads what the tokenizer reads, in any chunking, and passes on bytes that read back as the good records", () => {
    fc.assert(
      fc.property(file, (f) => {
        const input = text(f);
        const reference = tokenize(input.replace(/^\uFEFF/, ""));
        const { header, seen, problems, output, scanner } = scan(Buffer.from(input, "utf8"), f.cuts, f.extract);
        expect(header).toEqual(reference[0]!.fields);
        const good = reference.slice(1).filter((r) => r.fields.length === WIDTH);
        const bad = reference.slice(1).filter((r) => r.fields.length !== WIDTH);
        expect(seen.map((s) => s.line)).toEqual(good.map((r) => r.line));
        expect(seen.map((s) => s.fields)).toEqual(good.map((r) => r.fields.map((v, i) => (f.extract[i] ? v : ""))));
        expect(problems).toEqual(bad.map((r) => ({ line: r.line, count: r.fields.length })));
        const back = tokenize(output);
        expect(back.map((r) => r.fields)).toEqual(good.map((r) => r.fields));
        expect(good.map((_, i) => scanner.lines.lineOf(i + 1))).toEqual(good.map((r) => r.line));
        // What PostgreSQL needs besides: one line ending throughout, no quote inside an unquoted field.
        const endings = new Set(output.replace(/"(?:[^"]|"")*"/g, "").match(/\r\n|\r|\n/g) ?? []);
        expect(endings.size).toBeLessThanOrEqual(1);
        expect(/(^|[,\r\n])[^",\r\n]+"/.test(output.replace(/"(?:[^"]|"")*"/g, "Q"))).toBe(false);
        // One byte at a time (records and characters split everywhere): the same reading, byte for byte.
        const tiny = scan(Buffer.from(input, "utf8"), "bytes", f.extract);
        expect({ header: tiny.header, seen: tiny.seen, problems: tiny.problems, output: tiny.output }).toEqual({
          header,
          seen,
          problems,
          output,
        });
      }),
      { numRuns: 400 },
    );
  });

  it("names the record and the column of a NUL byte and leaves the record out", () => {
    const problems: unknown[] = [];
    const scanner = new FocusScanner({
      onHeader: () => ({ extract: [true, true] }),
      onRecord: () => true,
      onProblem: (line, column, problem) => {
        problems.push({ line, column, problem });
        return true;
      },
    });
    const out: Buffer[] = [];
    scanner.push(Buffer.from('a,b\n1,2\n3,"x\u0000y"\n5,6\n'), out);
    scanner.end(out);
    expect(problems).toEqual([{ line: 3, column: 1, problem: "nul" }]);
    expect(Buffer.concat(out).toString()).toBe("1,2\n5,6\n");
  });

  it("throws the tokenizer's errors for a quote never closed and text after a closing quote", () => {
    const run = (input: string) => {
      const scanner = new FocusScanner({ onHeader: () => ({ extract: [] }), onRecord: () => true, onProblem: () => true });
      const out: Buffer[] = [];
      scanner.push(Buffer.from(input), out);
      scanner.end(out);
    };
    expect(() => run('a,b\n1,"open\n')).toThrow(CsvSyntaxError);
    expect(() => run('a,b\n1,"x"y\n')).toThrow(/after a closing quote in field 2/);
  });

  it("refuses a record longer than the limit as soon as the limit is passed, in time linear in its size", () => {
    const scanner = new FocusScanner({ onHeader: () => ({ extract: [true] }), onRecord: () => true, onProblem: () => true });
    const out: Buffer[] = [];
    scanner.push(Buffer.from("h\n1\n"), out);
    const chunk = Buffer.alloc(64 * 1024, "x");
    let pushed = 0;
    const error = (() => {
      try {
        while (pushed < 5 * MAX_RECORD_BYTES) {
          scanner.push(chunk, out);
          pushed += chunk.length;
        }
        scanner.end(out);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RecordError);
    expect(error).toMatchObject({ line: 3, message: "The record is longer than 1 MB, the most a record may have." });
    expect(pushed).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    // A record just under the limit arriving in tiny chunks still reads, without rescanning itself per chunk.
    const long = new FocusScanner({ onHeader: () => ({ extract: [false, true] }), onRecord: () => true, onProblem: () => true });
    const record = Buffer.from(`h1,h2\n"${"y\n".repeat(300_000)}",z\n`);
    const kept: Buffer[] = [];
    for (let i = 0; i < record.length; i += 16) long.push(record.subarray(i, i + 16), kept);
    long.end(kept);
    expect(long.records).toBe(1);
    expect(Buffer.concat(kept).length).toBe(record.length - 6);
  }, 10_000);

  it("refuses a record that is not valid UTF-8 at its line, however the bytes are cut", () => {
    const bytes = Buffer.concat([Buffer.from("a,b\n1,é\n"), Buffer.from([0x32, 0x2c, 0xff, 0x0a]), Buffer.from("3,4\n")]);
    for (const size of [1, 2, 3, bytes.length]) {
      const scanner = new FocusScanner({ onHeader: () => ({ extract: [false, false] }), onRecord: () => true, onProblem: () => true });
      const out: Buffer[] = [];
      let error: unknown;
      try {
        for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size), out);
        scanner.end(out);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RecordError);
      expect(error).toMatchObject({ line: 3, message: "The record is not valid UTF-8: export or save the file as UTF-8." });
      expect(scanner.records).toBe(1);
    }
    const latin1 = new FocusScanner({ onHeader: () => ({ extract: [true] }), onRecord: () => true, onProblem: () => true });
    expect(() => latin1.push(Buffer.from("Caf\xe9\n", "latin1"), [])).toThrow(expect.objectContaining({ line: 1 }));
  });

  it("maps record numbers to lines across records that span lines", () => {
    const map = new LineMap();
    map.note(1, 2);
    map.note(2, 3);
    map.note(3, 5); // record 2 spanned two lines
    map.note(4, 6);
    expect([1, 2, 3, 4].map((n) => map.lineOf(n))).toEqual([2, 3, 5, 6]);
    expect(map.from).toEqual([1, 3]);
  });
});
