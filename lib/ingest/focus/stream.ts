import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

export type ByteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

export class SourceAbortedError extends Error {
  override name = "SourceAbortedError";
}

export class GzipError extends Error {
  override name = "GzipError";
}

const abortError = () => new SourceAbortedError("The upload was aborted before the file was complete; nothing was loaded.");

export type Tap = { bytes: number; sha256: () => string; gzip: boolean };

/**
 * Reads raw bytes (plain CSV or gzip, told apart by the magic bytes 1f 8b), hashes and counts every
 * byte, and hands each decompressed chunk to `onChunk`, awaiting it (the source is read only as fast as
 * chunks are consumed); `onChunk(null)` marks the end. When `onChunk` returns false, chunks stop but the
 * rest of the source is still read for the SHA-256. Memory: one chunk.
 */
export async function pumpBytes(
  source: ByteSource,
  onChunk: (chunk: Buffer | null) => boolean | Promise<boolean>,
  options: { signal?: AbortSignal; onBytes?: (bytes: number) => void } = {},
): Promise<Tap> {
  const { signal, onBytes } = options;
  const hash = createHash("sha256");
  let digest = "";
  const tap: Tap = { bytes: 0, gzip: false, sha256: () => digest };
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      for await (const v of abortable(source, signal)) {
        const chunk = typeof v === "string" ? Buffer.from(v, "utf8") : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
        if (chunk.length === 0) continue;
        tap.bytes += chunk.length;
        hash.update(chunk);
        onBytes?.(tap.bytes);
        yield chunk;
      }
    } finally {
      digest = hash.digest("hex");
    }
  }

  const bytes = raw();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const step = await bytes.next();
    if (step.done) break;
    head = Buffer.concat([head, step.value]);
  }
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    yield* bytes;
  }
  tap.gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  let decompressed: AsyncIterable<Buffer> = all();
  let unzipping: Promise<void> | undefined;
  if (tap.gzip) {
    const gunzip = createGunzip();
    unzipping = pipeline(Readable.from(all()), gunzip).catch((error: Error) => {
      gunzip.destroy(
        isZlibError(error) ? new GzipError(`The file starts like gzip but cannot be decompressed (${error.message}).`) : error,
      );
    });
    decompressed = gunzip;
  }

  let reading = true;
  try {
    for await (const chunk of decompressed) {
      // The whole body may have arrived long before it is decompressed and scanned: a client that gives up
      // stops the work here too, not only while its bytes are awaited.
      if (signal?.aborted) throw abortError();
      if (!reading) continue;
      if (!(await onChunk(chunk))) reading = false;
    }
    if (reading) await onChunk(null);
  } catch (error) {
    if (isZlibError(error)) throw new GzipError(`The file starts like gzip but cannot be decompressed (${(error as Error).message}).`);
    throw error;
  } finally {
    await unzipping;
  }
  if (!digest) for await (const chunk of bytes) void chunk;
  return tap;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

/**
 * The source's chunks until `signal` aborts: a pending read is abandoned at once (SourceAbortedError) and the
 * source is told to stop. Not Promise.race against one long-lived promise: every race would stay attached
 * to it, and with it every chunk read.
 */
export async function* abortable<T>(
  source: AsyncIterable<T> | Iterable<T> | NodeJS.ReadableStream,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  const iterator = Symbol.asyncIterator in source ? (source as AsyncIterable<T>)[Symbol.asyncIterator]() : syncAsAsync(source);
  const next = (): Promise<IteratorResult<T>> => {
    if (!signal) return iterator.next();
    if (signal.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortError());
      signal.addEventListener("abort", onAbort, { once: true });
      iterator.next().then(
        (step) => {
          signal.removeEventListener("abort", onAbort);
          resolve(step);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };
  let finished = false;
  try {
    for (;;) {
      const step = await next();
      if (step.done) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } finally {
    if (!finished) void iterator.return?.()?.catch?.(() => {});
  }
}

function syncAsAsync<T>(source: Iterable<T>): AsyncIterator<T> {
  const iterator = source[Symbol.iterator]();
  return {
    next: () => Promise.resolve(iterator.next()),
    return: () => Promise.resolve(iterator.return?.() ?? { done: true, value: undefined }),
  };
}
