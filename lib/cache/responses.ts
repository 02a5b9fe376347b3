import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { Lru } from "./lru";

/**
 * The rendered-page cache of the production server (scripts/server.ts): a signed-in GET of a cached page is answered
 * with the HTML rendered for the same session, URL and encoding at the same data version and the same minute, without
 * rendering again. The figures of a page are a function of the data (versioned: every write verb bumps `data_version`
 * in its transaction), the minute (pages compute as of `pageClock`) and the user (role and name in the shell): with
 * all three in the key a cached page is exactly what a render would give, and a write is seen by the next request.
 * The version is read from the database on every request, so several app instances stay right.
 *
 * Only whole documents are cached: a client navigation (`RSC` header), a prefetch or a server action goes to Next.js.
 * Only a 200 without `Set-Cookie` is kept. Concurrent misses of one key render once; the others wait for it.
 */

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type ResponseCacheOptions = {
  /** Pathnames served from the cache (exact match); every other path goes to `handler` untouched. */
  pages: readonly string[];
  /** The current data version (read from the database on every cacheable request). */
  version: () => Promise<number>;
  /** Milliseconds since the epoch (a test's clock). */
  now?: () => number;
  /** Bytes of response bodies kept; least recently used first out. */
  maxBytes?: number;
};

type Stored = { status: number; headers: OutgoingHttpHeaders; body: Buffer };

export const RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;
export const CACHE_HEADER = "x-headroom-cache";

/** Headers of one connection's answer, not of the page. */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/** next-auth's session cookie (and its chunks, and the `__Secure-` name behind HTTPS): who is asking. */
function sessionOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const parts = cookieHeader
    .split(";")
    .map((c) => c.trim())
    .filter((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(c))
    .sort();
  return parts.length ? parts.join(";") : null;
}

/** A whole-document GET of a cached page by a signed-in user: the part of the key that is not version or minute. */
export function cacheableRequest(req: IncomingMessage, pages: ReadonlySet<string>): string | null {
  if (req.method !== "GET" || !req.url) return null;
  const h = req.headers;
  if (h.rsc !== undefined || h["next-router-prefetch"] !== undefined || h["next-action"] !== undefined) return null;
  const q = req.url.indexOf("?");
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  if (!pages.has(pathname) || (q >= 0 && /[?&]_rsc=/.test(req.url))) return null;
  const session = sessionOf(h.cookie);
  if (!session) return null;
  const who = createHash("sha256").update(session).digest("base64url");
  return `${who}|${h["accept-encoding"] ?? ""}|${req.url}`;
}

function send(res: ServerResponse, stored: Stored, how: "hit" | "shared"): void {
  res.writeHead(stored.status, { ...stored.headers, "content-length": stored.body.length, [CACHE_HEADER]: how });
  res.end(stored.body);
}

/**
 * Tees what `handler` writes into a buffer; resolves with the stored answer once the response has ended, or null when
 * it is not worth keeping (not a 200, sets a cookie, failed midway).
 */
function capture(res: ServerResponse, maxBytes: number): Promise<Stored | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let headHeaders: OutgoingHttpHeaders = {};
  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer | null => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
    if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    return Buffer.from(chunk as Uint8Array);
  };
  const keep = (chunk: unknown, encoding?: unknown) => {
    const b = toBuffer(chunk, encoding);
    if (!b || size > maxBytes) return;
    size += b.length;
    chunks.push(b);
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
    const headers = args.find((a, i) => i > 0 && a !== null && typeof a === "object" && !Array.isArray(a));
    if (headers) headHeaders = headers as OutgoingHttpHeaders;
    return writeHead(...args);
  };
  (res as { write: unknown }).write = (...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  };
  (res as { end: unknown }).end = (...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  };
  return new Promise((resolve) => {
    res.on("close", () => {
      const headers: OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries({ ...res.getHeaders(), ...headHeaders })) {
        if (v !== undefined && !HOP_HEADERS.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
      }
      const ok = res.writableFinished && res.statusCode === 200 && headers["set-cookie"] === undefined && size <= maxBytes;
      resolve(ok ? { status: 200, headers, body: Buffer.concat(chunks, size) } : null);
    });
  });
}

/** `handler` with the rendered-page cache in front of it. */
export function withResponseCache(handler: Handler, options: ResponseCacheOptions): Handler {
  const pages = new Set(options.pages);
  const now = options.now ?? Date.now;
  const maxBytes = options.maxBytes ?? RESPONSE_CACHE_BYTES;
  const store = new Lru<string, Stored>(maxBytes, (s) => s.body.length + 512);
  const pending = new Map<string, Promise<Stored | null>>();
  let latest = -1;

  return async (req, res) => {
    const who = cacheableRequest(req, pages);
    if (!who) return handler(req, res);
    const version = await options.version();
    if (version > latest) {
      // Answers of an older version can never be asked for again.
      latest = version;
      for (const key of store.keys()) if (!key.startsWith(`${version}|`)) store.delete(key);
    }
    const key = `${version}|${Math.floor(now() / 60_000)}|${who}`;
    const stored = store.get(key);
    if (stored) return send(res, stored, "hit");
    const inFlight = pending.get(key);
    if (inFlight) {
      const shared = await inFlight;
      if (shared) return send(res, shared, "shared");
      return handler(req, res);
    }
    res.setHeader(CACHE_HEADER, "miss");
    const captured = capture(res, maxBytes);
    const done = handler(req, res).then(() => captured);
    pending.set(
      key,
      done.catch(() => null),
    );
    try {
      const answer = await done;
      if (answer) {
        delete answer.headers[CACHE_HEADER];
        store.set(key, answer);
      }
    } finally {
      pending.delete(key);
    }
  };
}
