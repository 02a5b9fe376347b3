import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export class PayloadTooLargeError extends AppError {
  override name = "PayloadTooLargeError";
  override readonly status = 413;
}

function sizeLabel(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[i]}`;
}

export function tooLargeMessage(max: number): string {
  return `The file is larger than the upload limit of ${sizeLabel(max)} (HEADROOM_MAX_UPLOAD_BYTES).`;
}

/** Refuses at once a body whose declared length is over the limit. */
export function checkDeclaredLength(request: Request, max: number): void {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) throw new PayloadTooLargeError(tooLargeMessage(max));
}

/**
 * The request body as a byte stream that fails once more than `max` bytes arrive, so a body without
 * (or lying about) its length cannot exceed the limit either. Never buffers the body.
 */
export async function* limitedBody(body: ReadableStream<Uint8Array> | null, max: number): AsyncGenerator<Uint8Array> {
  if (!body) throw new PayloadTooLargeError("The upload is empty: send the file as the request body.");
  let seen = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > max) throw new PayloadTooLargeError(tooLargeMessage(max));
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A whole (small) body in memory, refusing more than `max` bytes: for JSON requests and register files only. */
export async function readBody(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of limitedBody(body, max)) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

/** The file name a client sent (`?name=`), reduced to a safe display name. */
export function uploadFileName(request: Request, fallback: string): string {
  const raw = new URL(request.url).searchParams.get("name") ?? request.headers.get("x-file-name") ?? "";
  const base = raw.split(/[\\/]/).pop()?.trim() ?? "";
  // eslint-disable-next-line no-control-regex -- stripping control characters from a file name is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);
  return clean || fallback;
}

export type StreamEvent =
  | { type: "progress"; bytes: number; rows: number }
  | { type: "result"; result: unknown }
  | { type: "error"; status: number; error: string };

/**
 * A response of newline-delimited JSON events: progress while `work` runs, then one result or error
 * event. Lets a browser show real progress of a long import over a plain POST.
 */
export function ndjsonResponse(work: (progress: (p: { bytes: number; rows: number }) => void) => Promise<unknown>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: StreamEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const result = await work((p) => send({ type: "progress", bytes: p.bytes, rows: p.rows }));
        send({ type: "result", result });
      } catch (error) {
        send(errorEvent(error));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}

export function errorEvent(error: unknown): Extract<StreamEvent, { type: "error" }> {
  if (error instanceof AppError) return { type: "error", status: error.status, error: error.message };
  console.error(error);
  return { type: "error", status: 500, error: "Something went wrong." };
}

/** A JSON error response from a known error (its message) or an unknown one (logged, generic). */
export function jsonError(error: unknown): Response {
  const e = errorEvent(error);
  return Response.json({ error: e.error }, { status: e.status });
}

/**
 * A browser upload streamed into one import: refuses a missing session, a missing permission or a
 * declared length over the limit as JSON; otherwise streams progress events, then the result.
 */
export async function streamedUpload(
  request: Request,
  opts: {
    ctx: () => Promise<Ctx>;
    permission: Permission;
    max: number;
    fallbackName: string;
    run: (args: {
      ctx: Ctx;
      source: AsyncIterable<Uint8Array>;
      fileName: string;
      onProgress: (p: { bytes: number; rows: number }) => void;
      signal: AbortSignal;
    }) => Promise<unknown>;
  },
): Promise<Response> {
  let ctx: Ctx;
  try {
    ctx = await opts.ctx();
    requirePermission(ctx, opts.permission);
    checkDeclaredLength(request, opts.max);
  } catch (error) {
    return jsonError(error);
  }
  const fileName = uploadFileName(request, opts.fallbackName);
  return ndjsonResponse((onProgress) =>
    opts.run({ ctx, source: limitedBody(request.body, opts.max), fileName, onProgress, signal: request.signal }),
  );
}
