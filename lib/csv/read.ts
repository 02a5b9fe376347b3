import { CsvSyntaxError, CsvTokenizer, type CsvRecord } from "./tokenizer";

// Streaming RFC 4180 reading: UTF-8 BOM dropped, CRLF or LF records, blank lines skipped, quoted
// separators, quotes and newlines kept. Each record carries the physical line it starts on.
// (Own tokenizer rather than csv-parse: csv-parse reads FOCUS files at about 16 MB/s here, this one several times faster.)

export { CsvSyntaxError, type CsvRecord };

/** Reads CSV records from bytes or text, streaming; UTF-8 is decoded across chunk boundaries. */
export async function* readCsv(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | NodeJS.ReadableStream,
): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer();
  const decoder = new TextDecoder("utf-8");
  const out: CsvRecord[] = [];
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    tokenizer.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }), out);
    yield* out.splice(0);
  }
  tokenizer.push(decoder.decode(), out);
  tokenizer.end(out);
  yield* out;
}

/** Line of a CSV syntax error, if it says. */
export function csvErrorLine(error: unknown): number | undefined {
  if (error instanceof CsvSyntaxError) return error.line;
  const lines = (error as { lines?: unknown } | null)?.lines;
  return typeof lines === "number" ? lines : undefined;
}
