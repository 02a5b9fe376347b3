import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { bumpDataVersion, readDataVersion } from "@/lib/db/data-version";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { CACHE_HEADER, withResponseCache } from "./responses";

const SESSION_A = "next-auth.session-token=aaa; next-auth.csrf-token=x";
const SESSION_B = "next-auth.session-token=bbb";

describeOnEachEngine("rendered-page cache", (engine) => {
  let handle: DbHandle;
  let server: Server;
  let base: string;
  let renders = 0;
  let clock = Date.UTC(2026, 11, 5, 10, 0, 0);
  let answer: (res: ServerResponse) => void = () => {};
  let versionReads = 0;
  /** A render waits until this many requests have read the version (so they are all in before it ends). */
  let holdUntilReads = 0;

  // Stands in for Next.js: a page written in two chunks after a pause, numbered by render, naming the version it saw.
  async function render(req: IncomingMessage, res: ServerResponse) {
    renders += 1;
    const n = renders;
    const version = await readDataVersion(handle.db);
    while (versionReads < holdUntilReads) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    res.setHeader("content-type", "text/html; charset=utf-8");
    answer(res);
    res.write(`<p>render ${n} of ${req.url} `);
    res.end(`at version ${version}</p>`);
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers }).then(async (r) => ({ status: r.status, via: r.headers.get(CACHE_HEADER), body: await r.text() }));

  beforeAll(async () => {
    handle = await createTestDatabase(engine, { versionTriggers: false });
    const handler = withResponseCache(render, {
      pages: ["/", "/costs"],
      // Counted once the read is done: the request then joins (or starts) the render in the same tick, so a render
      // held until six reads can no longer end while the sixth request is still reading (it would then find a hit).
      version: async () => {
        const version = await readDataVersion(handle.db);
        versionReads += 1;
        return version;
      },
      now: () => clock,
    });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await handle.close();
  });
  beforeEach(async () => {
    answer = () => {};
    await bumpDataVersion(handle.db); // each test starts on a version nothing is cached for
  });

  it("answers a signed-in page again from the cache until the data version moves", async () => {
    const first = await get("/costs?from=2026-01", { cookie: SESSION_A });
    expect(first.via).toBe("miss");
    const again = await get("/costs?from=2026-01", { cookie: SESSION_A });
    expect(again).toEqual({ status: 200, via: "hit", body: first.body });

    await handle.db.transaction((tx) => bumpDataVersion(tx));
    const after = await get("/costs?from=2026-01", { cookie: SESSION_A });
    expect(after.via).toBe("miss");
    expect(after.body).not.toBe(first.body);
    expect(after.body).toContain(`at version ${await readDataVersion(handle.db)}`);
  });

  it("keys on the session, the URL and the minute", async () => {
    const a = await get("/", { cookie: SESSION_A });
    expect((await get("/", { cookie: SESSION_B })).via).toBe("miss");
    expect((await get("/?unit=gpu", { cookie: SESSION_A })).via).toBe("miss");
    expect((await get("/", { cookie: `other=1; ${SESSION_A.split(";")[0]}` })).body).toBe(a.body); // other cookies do not matter
    clock += 60_000;
    expect((await get("/", { cookie: SESSION_A })).via).toBe("miss");
  });

  it("renders once for concurrent misses of one page and gives every caller that page", async () => {
    const before = renders;
    holdUntilReads = versionReads + 6; // the render ends only once all six are in
    const answers = await Promise.all(Array.from({ length: 6 }, () => get("/", { cookie: SESSION_B })));
    holdUntilReads = 0;
    expect(renders - before).toBe(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.map((a) => a.via).sort()).toEqual(["miss", "shared", "shared", "shared", "shared", "shared"]);
  });

  it("leaves to Next.js what is not a whole signed-in document of a cached page", async () => {
    const cases: [string, Record<string, string>][] = [
      ["/", {}], // signed out: the page redirects to sign-in
      ["/", { cookie: SESSION_A, rsc: "1" }], // a client navigation
      ["/", { cookie: SESSION_A, "next-router-prefetch": "1" }],
      ["/?_rsc=abc", { cookie: SESSION_A }],
      ["/imports", { cookie: SESSION_A }], // not a cached page
    ];
    for (const [path, headers] of cases) {
      const before = renders;
      await get(path, headers);
      const second = await get(path, headers);
      expect(renders - before, `${path} ${JSON.stringify(headers)}`).toBe(2);
      expect(second.via).toBeNull();
    }
    const post = await fetch(`${base}/`, { method: "POST", headers: { cookie: SESSION_A }, body: "x" });
    expect(post.headers.get(CACHE_HEADER)).toBeNull();
  });

  it("keeps no answer that sets a cookie or is not a 200", async () => {
    answer = (res) => res.setHeader("set-cookie", "next-auth.session-token=rotated");
    await get("/", { cookie: SESSION_A });
    expect((await get("/", { cookie: SESSION_A })).via).toBe("miss");
    answer = (res) => {
      res.statusCode = 404;
    };
    await get("/costs", { cookie: SESSION_A });
    const missing = await get("/costs", { cookie: SESSION_A });
    expect(missing).toMatchObject({ status: 404, via: "miss" });
  });
});
