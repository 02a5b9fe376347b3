import type { Permission } from "@/lib/auth/permissions";
import { AppError, ValidationError } from "@/lib/errors";
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

/** The largest JSON push (`/api/v1/utilization`, read whole in memory): 20 MB. */
const JSON_BODY_MAX = 20 * 1024 * 1024;

/**
 * The limit of a JSON body read whole: 20 MB, or HEADROOM_MAX_UPLOAD_BYTES when that is lower; the message
 * names the limit that applies.
 */
export function jsonBodyLimit(maxUploadBytes: number): { max: number; message: string } {
  if (maxUploadBytes < JSON_BODY_MAX) return { max: maxUploadBytes, message: tooLargeMessage(maxUploadBytes) };
  return {
    max: JSON_BODY_MAX,
    message: `The JSON body is larger than ${sizeLabel(JSON_BODY_MAX)}, the limit of one JSON push: split it, or send the rows as text/csv.`,
  };
}

/** Refuses at once a body whose declared length is over the limit. */
export function checkDeclaredLength(request: Request, max: number, message = tooLargeMessage(max)): void {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) throw new PayloadTooLargeError(message);
}

/**
 * The request body as a byte stream that fails once more than `max` bytes arrive, so a body without
 * (or lying about) its length cannot exceed the limit either. Never buffers the body.
 */
export async function* limitedBody(
  body: ReadableStream<Uint8Array> | null,
  max: number,
  message = tooLargeMessage(max),
): AsyncGenerator<Uint8Array> {
  if (!body) throw new PayloadTooLargeError("The upload is empty: send the file as the request body.");
  let seen = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > max) throw new PayloadTooLargeError(message);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** A whole (small) body in memory, refusing more than `max` bytes: for JSON requests and register files only. */
export async function readBody(body: ReadableStream<Uint8Array> | null, max: number, message?: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of limitedBody(body, max, message)) {
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
 * event. Lets a browser show real progress of a long import over a plain POST. `work`'s signal aborts when
 * the client goes away (the request's signal, or the response stream cancelled), so the work stops and
 * rolls back instead of running on for nobody.
 */
export function ndjsonResponse(
  work: (progress: (p: { bytes: number; rows: number }) => void, signal: AbortSignal) => Promise<unknown>,
  requestSignal?: AbortSignal,
): Response {
  const encoder = new TextEncoder();
  const cancelled = new AbortController();
  const signal = requestSignal ? AbortSignal.any([requestSignal, cancelled.signal]) : cancelled.signal;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: StreamEvent) => {
        if (signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          cancelled.abort(); // the reader is gone
        }
      };
      try {
        const result = await work((p) => send({ type: "progress", bytes: p.bytes, rows: p.rows }), signal);
        send({ type: "result", result });
      } catch (error) {
        send(errorEvent(error));
      } finally {
        try {
          controller.close();
        } catch {
          // already cancelled by the client
        }
      }
    },
    cancel() {
      cancelled.abort();
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
  return ndjsonResponse(
    (onProgress, signal) => opts.run({ ctx, source: limitedBody(request.body, opts.max), fileName, onProgress, signal }),
    request.signal,
  );
}

/**
 * A feed pushed with an API key: `text/csv` streamed into `csv` (bounded by `max`), anything else read as one JSON
 * body (bounded by jsonBodyLimit) and handed to `json`. The caller's permission is checked before any byte is read;
 * 200 when loaded, 422 with the errors when rejected, a known error as its status.
 */
export async function feedPost(
  request: Request,
  opts: {
    ctx: () => Promise<Ctx>;
    permission: Permission;
    max: number;
    fallbackName: string;
    /** The JSON shape to name when the body is not JSON. */
    jsonShape: string;
    csv: (args: { ctx: Ctx; source: AsyncIterable<Uint8Array>; fileName: string; signal: AbortSignal }) => Promise<{ status: string }>;
    json: (args: { ctx: Ctx; body: unknown }) => Promise<{ status: string }>;
  },
): Promise<Response> {
  try {
    const ctx = await opts.ctx();
    requirePermission(ctx, opts.permission);
    let result: { status: string };
    if ((request.headers.get("content-type") ?? "").includes("text/csv")) {
      checkDeclaredLength(request, opts.max);
      const source = limitedBody(request.body, opts.max);
      result = await opts.csv({ ctx, source, fileName: uploadFileName(request, opts.fallbackName), signal: request.signal });
    } else {
      const limit = jsonBodyLimit(opts.max);
      checkDeclaredLength(request, limit.max, limit.message);
      let body: unknown;
      try {
        body = JSON.parse(new TextDecoder().decode(await readBody(request.body, limit.max, limit.message)));
      } catch (error) {
        if (error instanceof SyntaxError) throw new ValidationError(`The body is not valid JSON; send ${opts.jsonShape}.`);
        throw error;
      }
      result = await opts.json({ ctx, body });
    }
    return Response.json(result, { status: result.status === "failed" ? 422 : 200 });
  } catch (error) {
    return jsonError(error);
  }
}
