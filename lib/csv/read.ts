import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse, type Options, type Parser } from "csv-parse";

// Streaming RFC 4180 reading: UTF-8 BOM dropped, CRLF or LF records, blank lines skipped, quoted
// separators, quotes and newlines kept. Each record carries the physical line it starts on.

export type CsvRecord = { fields: string[]; line: number };

/** A csv-parse stream emitting `CsvRecord`s; rows of different lengths are passed on for the caller to judge. */
export function csvRecordParser(): Parser {
  let prevRawLines = 0;
  let prevEmpty = 0;
  // csv-parse counts CR and LF separately inside quoted fields; subtract the extra count per CRLF.
  let crlfInside = 0;
  return parse({
    bom: true,
    record_delimiter: ["\r\n", "\n"],
    skip_empty_lines: true,
    relax_column_count: true,
    on_record: (fields: string[], context: { lines: number; empty_lines: number }) => {
      const rawLines = context.lines;
      const consumed = rawLines - prevRawLines - (context.empty_lines - prevEmpty);
      prevRawLines = rawLines;
      prevEmpty = context.empty_lines;
      if (consumed <= 1) return { fields, line: rawLines - crlfInside };
      let crlf = 0;
      let breaks = 0;
      for (const f of fields) {
        if (f.indexOf("\n") < 0 && f.indexOf("\r") < 0) continue;
        for (let i = 0; i < f.length; i++) {
          const c = f.charCodeAt(i);
          if (c === 13) {
            breaks++;
            if (f.charCodeAt(i + 1) === 10) {
              crlf++;
              i++;
            }
          } else if (c === 10) breaks++;
        }
      }
      crlfInside += crlf;
      return { fields, line: rawLines - crlfInside - breaks };
    },
  } as unknown as Options);
}

/** Reads CSV records from bytes or text, streaming. */
export async function* readCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | NodeJS.ReadableStream,
): AsyncGenerator<CsvRecord> {
  const parser = csvRecordParser();
  const input = source instanceof Readable ? source : Readable.from(source as Iterable<Uint8Array | string>);
  const done = pipeline(input, parser).catch((error: unknown) => {
    parser.destroy(error as Error);
  });
  try {
    for await (const record of parser) yield record as CsvRecord;
  } finally {
    input.destroy();
    await done;
  }
}

/** Line of a csv-parse error (the line it was reading), if it says. */
export function csvErrorLine(error: unknown): number | undefined {
  const lines = (error as { lines?: unknown }).lines;
  return typeof lines === "number" ? lines : undefined;
}
