import { createHash } from "node:crypto";
import type { Writable } from "node:stream";
import { createGunzip } from "node:zlib";
import { csvRecordParser, type CsvRecord } from "@/lib/csv/read";

export type ByteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

export class SourceAbortedError extends Error {
  override name = "SourceAbortedError";
}

export class GzipError extends Error {
  override name = "GzipError";
}

export type Tap = { bytes: number; sha256: () => string; gzip: boolean };

/**
 * Reads raw bytes (plain CSV or gzip, told apart by the magic bytes 1f 8b), hashes and counts every
 * byte, and hands each CSV record to `onRecord` with backpressure. When `onRecord` returns false,
 * parsing stops but the rest of the source is still read for the SHA-256. Nothing is buffered beyond
 * the stream's high-water marks.
 */
export async function pumpCsv(
  source: ByteSource,
  onRecord: (record: CsvRecord) => boolean | Promise<boolean>,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<Tap> {
  const { signal, onBytes } = options;
  const hash = createHash("sha256");
  const tap = { bytes: 0, gzip: false, sha256: () => digest };
  let digest = "";
  const parser = csvRecordParser();
  let input: Writable = parser;
  let stopParsing = false;
  let cancelled = false;

  const iterator = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  let abortListener: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    if (!signal) return;
    abortListener = () => reject(new SourceAbortedError("The upload was aborted before the file was complete."));
    if (signal.aborted) abortListener();
    else signal.addEventListener("abort", abortListener, { once: true });
  });
  aborted.catch(() => {});

  const produce = async () => {
    let head: Buffer | null = null;
    try {
      for (;;) {
        if (cancelled) return;
        const step = await Promise.race([iterator.next(), aborted]);
        if (step.done) break;
        let chunk = typeof step.value === "string" ? Buffer.from(step.value, "utf8") : Buffer.from(step.value.buffer, step.value.byteOffset, step.value.byteLength);
        if (chunk.length === 0) continue;
        tap.bytes += chunk.length;
        hash.update(chunk);
        onBytes?.(tap.bytes);
        if (stopParsing) continue;
        if (head !== null || tap.bytes === chunk.length) {
          head = head ? Buffer.concat([head, chunk]) : chunk;
          if (head.length < 2) continue;
          chunk = head;
          head = null;
          startInput(chunk[0] === 0x1f && chunk[1] === 0x8b);
        }
        if (!input.write(chunk)) await drained(input);
      }
      if (head) {
        startInput(false);
        input.write(head);
      }
      if (!stopParsing) input.end();
    } catch (error) {
      parser.destroy(error as Error);
      input.destroy();
      throw error;
    } finally {
      digest = hash.digest("hex");
      if (signal && abortListener) signal.removeEventListener("abort", abortListener);
      if (cancelled || signal?.aborted) void iterator.return?.();
    }
  };

  let started = false;
  const startInput = (gzip: boolean) => {
    if (started) return;
    started = true;
    if (!gzip) return;
    tap.gzip = true;
    const gunzip = createGunzip();
    gunzip.on("error", (error) => parser.destroy(new GzipError(`The file starts like gzip but cannot be decompressed (${error.message}).`)));
    gunzip.pipe(parser);
    input = gunzip;
  };

  const producing = produce();
  producing.catch(() => {});
  try {
    for await (const record of parser) {
      if (!(await onRecord(record as CsvRecord))) {
        stopParsing = true;
        break;
      }
    }
  } catch (error) {
    cancelled = true;
    input.destroy();
    await producing.catch(() => {});
    throw error;
  }
  if (stopParsing) input.destroy();
  await producing;
  return tap;
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}
