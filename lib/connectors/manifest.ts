import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { AppError } from "@/lib/errors";

/** An export's manifest: AWS Data Exports / CUR write `<export>-Manifest.json` (or `Manifest.json`), Azure cost exports `manifest.json`. */
export function isManifestKey(key: string): boolean {
  return /(^|\/|-)manifest\.json$/i.test(key);
}

/** The object keys of the data files a manifest lists (AWS `dataFiles` / `reportKeys` as s3:// URLs or keys, Azure `blobs[].blobName`). */
export function manifestDataKeys(text: string): string[] {
  const body = JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  if (typeof body !== "object" || body === null) throw new Error("The manifest is not a JSON object.");
  const m = body as { dataFiles?: unknown; reportKeys?: unknown; blobs?: unknown };
  const listed = Array.isArray(m.dataFiles)
    ? m.dataFiles
    : Array.isArray(m.reportKeys)
      ? m.reportKeys
      : Array.isArray(m.blobs)
        ? m.blobs.map((b) => (typeof b === "object" && b !== null ? (b as { blobName?: unknown }).blobName : undefined))
        : undefined;
  if (!listed || listed.length === 0) throw new Error("The manifest lists no data files (dataFiles, reportKeys or blobs).");
  return listed.map((entry) => {
    if (typeof entry !== "string" || entry === "") throw new Error("The manifest lists a data file without a name.");
    return entry.replace(/^s3:\/\/[^/]+\//, "").replace(/^\/+/, "");
  });
}

export async function readSmall(stream: Readable, limit = 10 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += b.length;
    if (size > limit) {
      stream.destroy();
      throw new Error("The manifest is larger than 10 MB.");
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export class ManifestFileError extends AppError {
  override name = "ManifestFileError";
  override readonly status = 422;
}

const differentHeader = (key: string) =>
  new ManifestFileError(`The export's file ${key} has a different header from its first file; nothing of the export was loaded.`);

/**
 * The data files of one export as one CSV stream: each file decompressed when gzip, the header kept from the first
 * and dropped from the others (each must repeat it exactly), so the importer loads them as one file — all or none.
 */
export async function* concatenateCsv(keys: string[], open: (key: string) => Promise<Readable>): AsyncGenerator<Buffer> {
  let header: string | undefined;
  let endsWithNewline = true;
  const emit = (b: Buffer) => {
    if (b.length) endsWithNewline = b[b.length - 1] === 0x0a;
    return b;
  };
  for (const key of keys) {
    let pending: Buffer | null = Buffer.alloc(0);
    for await (const chunk of decompressed(await open(key), key)) {
      if (pending === null) {
        yield emit(chunk);
        continue;
      }
      pending = Buffer.concat([pending, chunk]);
      const end = pending.indexOf(0x0a);
      if (end < 0) continue;
      const text = headerText(pending.subarray(0, end));
      const rest = pending.subarray(end + 1);
      pending = null;
      if (header === undefined) {
        header = text;
        yield emit(Buffer.from(`${text}\n`));
      } else if (text !== header) throw differentHeader(key);
      else if (!endsWithNewline) yield emit(Buffer.from("\n"));
      if (rest.length) yield emit(rest);
    }
    if (pending?.length) {
      const text = headerText(pending);
      if (header === undefined) {
        header = text;
        yield emit(Buffer.from(`${text}\n`));
      } else if (text !== header) throw differentHeader(key);
    }
  }
}

function headerText(line: Buffer): string {
  return line
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r$/, "");
}

async function* decompressed(stream: Readable, key: string): AsyncGenerator<Buffer> {
  const source = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const first = await source.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  async function* whole(): AsyncGenerator<Buffer> {
    yield head;
    for (let step = await source.next(); !step.done; step = await source.next()) yield Buffer.from(step.value);
  }
  if (!(head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)) {
    yield* whole();
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(whole()), gunzip).catch((error: Error) => gunzip.destroy(error));
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw new ManifestFileError(
      `The export's file ${key} cannot be decompressed (${(error as Error).message}); nothing of the export was loaded.`,
    );
  }
}
