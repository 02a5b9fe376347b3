import { csvLine, type CsvValue } from "./write";

/** Rows read from the database arrive asynchronously; rows computed from a loaded view are a plain (lazy) iterable. */
export type CsvRows = AsyncIterable<readonly CsvValue[]> | Iterable<readonly CsvValue[]>;

/**
 * Who the file is for. A browser download (`bom: true`) starts with the UTF-8 byte order mark, so a spreadsheet
 * opened by double-click reads "Gävle" and "—" as UTF-8 rather than the system code page; output for a script
 * (an API key) has none, as most CSV readers would keep it in the first column's name.
 */
export type CsvAudience = { bom: boolean };

/** The UTF-8 byte order mark (U+FEFF) as bytes. */
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * A streamed CSV download: the header, then each row as it is produced. Rows are pulled one batch at a
 * time as the client reads, so memory stays flat whatever the row count.
 */
export function csvResponse(fileName: string, header: readonly string[], rows: CsvRows, audience: CsvAudience): Response {
  const encoder = new TextEncoder();
  const iterator = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(withBom(encoder.encode(csvLine(header)), audience));
        return;
      }
      let chunk = "";
      while (chunk.length < 64 * 1024) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: csvHeaders(fileName) });
}

function withBom(bytes: Uint8Array, audience: CsvAudience): Uint8Array {
  if (!audience.bom) return bytes;
  const out = new Uint8Array(UTF8_BOM.length + bytes.length);
  out.set(UTF8_BOM);
  out.set(bytes, UTF8_BOM.length);
  return out;
}

function csvHeaders(fileName: string): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

/**
 * A streamed download of CSV the database wrote itself (lib/db/copy-out.ts): chunks are passed on as read,
 * pulled as the client reads; a client that goes away stops the producer (its `finally` runs).
 */
export function csvBytesResponse(fileName: string, chunks: AsyncIterable<Uint8Array>, audience: CsvAudience): Response {
  const iterator = chunks[Symbol.asyncIterator]();
  let bomPending = audience.bom;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (bomPending) {
        bomPending = false;
        controller.enqueue(UTF8_BOM.slice());
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: csvHeaders(fileName) });
}

/** Reads a query page by page (`fetchPage(offset, limit)`) and yields the rows one at a time. */
export async function* inBatches<T>(fetchPage: (offset: number, limit: number) => Promise<T[]>, size = 2000): AsyncGenerator<T> {
  for (let offset = 0; ; offset += size) {
    const page = await fetchPage(offset, size);
    yield* page;
    if (page.length < size) return;
  }
}

/** Maps an async iterable lazily. */
export async function* mapRows<T, U>(rows: AsyncIterable<T>, fn: (row: T) => U): AsyncGenerator<U> {
  for await (const row of rows) yield fn(row);
}
