import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Browser, type Page } from "@playwright/test";
import { expect, SignInPage, test } from "./fixtures";
import { buildReport, createShareLink, INVALID_LINK_HEADING, revokeNewestLink, uniqueName } from "./share-helpers";

// A share token opens its report and nothing else. Checked by direct HTTP, without a session: every page and
// route handler of the app (found on disk at test time, so a new one is covered without editing this spec), with
// the token in the path, the query, a cookie and an Authorization header; and every server action of the build,
// posted to the shared view itself. None may answer with data or change anything.

const ROOT = process.cwd();
const APP = path.join(ROOT, "app");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Target = { file: string; segments: string[]; methods: string[] };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** The HTTP methods a route handler exports (`export async function GET`, `export const POST`, `export { h as GET }`). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1]!.matchAll(/\bas\s+([A-Z]+)\b/g)) found.add(n[1]!);
  return METHODS.filter((x) => found.has(x));
}

/**
 * Every page and route handler of the app except the shared view's page and the sign-in page. The shared view's
 * own route handlers (a section's CSV, say) stay in: the link under test is created without CSV, so they refuse too.
 */
function appTargets(): Target[] {
  return walk(APP)
    .filter((f) => /[/\\](page\.tsx|route\.ts)$/.test(f))
    .map((file) => {
      const segments = path
        .relative(APP, path.dirname(file))
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s));
      const methods = file.endsWith("page.tsx") ? ["GET"] : exportedMethods(readFileSync(file, "utf8"));
      return { file: path.relative(ROOT, file), segments, methods };
    })
    .filter((t) => !(t.segments[0] === "r" && t.file.endsWith("page.tsx")) && t.segments.join("/") !== "signin");
}

/** The build's server actions, from the production manifest (or the dev server's, when run against one). */
function serverActions(): { id: string; filename: string; exportedName: string }[] {
  for (const rel of [".next/server/server-reference-manifest.json", ".next/dev/server/server-reference-manifest.json"]) {
    const file = path.join(ROOT, rel);
    if (!existsSync(file)) continue;
    type Entry = { filename?: string; exportedName?: string };
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, Entry>; edge?: Record<string, Entry> };
    const all = Object.entries({ ...manifest.node, ...manifest.edge }).map(([id, e]) => ({
      id,
      filename: e.filename ?? "",
      exportedName: e.exportedName ?? "",
    }));
    if (all.length) return all;
  }
  return [];
}

async function signedIn(browser: Browser, baseURL: string, role: "admin" | "finance"): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await new SignInPage(page).signInAs(role);
  return page;
}

/** What the shared report's creator and an admin can see; a request under the token must leave all of it as it was. */
async function snapshot(admin: Page, report: { id: string; name: string }) {
  const entries = async (query: string) => {
    await admin.goto(`/settings/audit${query}`);
    const text = (await admin.getByText(/ entries · page /).textContent()) ?? "";
    return Number(text.replace(/ entries.*$/s, "").replace(/,/g, ""));
  };
  const audit = await entries("");
  const views = await entries("?action=share_link.view");
  await admin.goto("/reports");
  const reports = (await admin.getByRole("row").allInnerTexts()).slice(1).sort();
  await admin.goto(`/reports/${report.id}`);
  const heading = await admin.getByRole("heading", { level: 1, name: report.name, exact: true }).count();
  const links = (await admin.getByRole("region", { name: "Share links" }).getByRole("row").allInnerTexts())
    .slice(1)
    .map((row) => row.split("\t").filter((_, i) => i !== 3 && i !== 4)); // without the view count and last view
  return { auditWithoutViews: audit - views, reports, heading, links };
}

test.describe("share link isolation", () => {
  test("a share token opens no other page, route handler or server action", async ({ browser, baseURL }, testInfo) => {
    test.setTimeout(240_000);
    const project = testInfo.project.name;
    const finance = await signedIn(browser, baseURL!, "finance");
    const shared = await buildReport(finance, {
      name: uniqueName("Isolation shared", project),
      note: "Shared with the board",
      sections: ["Key figures"],
    });
    const { token } = await createShareLink(finance);
    // A report nobody shared: its title must never come back to a request made with the token.
    const secret = await buildReport(finance, {
      name: uniqueName("Isolation secret", project),
      note: "Not shared",
      sections: ["Concentration"],
    });
    const admin = await signedIn(browser, baseURL!, "admin");

    // Real ids for the dynamic segments, read from the list pages an admin sees; the token where there is none.
    const targets = appTargets();
    expect(targets.length).toBeGreaterThan(40);
    const ids = new Map<string, string>([["reports", shared.id]]);
    for (const t of targets) {
      const at = t.segments.indexOf("[id]");
      if (at < 1) continue;
      const parent = t.segments.slice(0, at).join("/");
      if (ids.has(parent)) continue;
      const html = await (await admin.context().request.get(`/${parent}`)).text();
      const match = html.match(new RegExp(`href="/${parent}/([0-9a-f-]{36})"`));
      ids.set(parent, match && UUID.test(match[1]!) ? match[1]! : token);
    }
    const urlOf = (t: Target) =>
      "/" +
      t.segments
        .map((s, i) => {
          if (s === "[id]") return ids.get(t.segments.slice(0, i).join("/"))!;
          if (s === "[kind]") return "contracts";
          if (s === "[section]") return "kpis"; // a section the shared report shows; its link does not allow CSV
          if (s.startsWith("[...")) return "session";
          if (s.startsWith("[")) return token;
          return s;
        })
        .join("/");

    const before = await snapshot(admin, shared);
    expect(before.heading).toBe(1);
    expect(before.links).toHaveLength(1);
    const anonymous = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: {} });
    const leaks = [secret.name, secret.note, "@headroom.local", '"ok":true'];
    const refusals: string[] = [];
    const check = async (label: string, res: APIResponse, { nextAuth = false } = {}) => {
      const status = res.status();
      const body = await res.text();
      for (const leak of leaks) expect(body, `${label} answers with ${leak}`).not.toContain(leak);
      const location = res.headers()["location"] ?? "";
      const refused =
        [401, 403, 404, 405].includes(status) ||
        (status >= 300 && status < 400 && new URL(location, baseURL).pathname === "/signin") ||
        // NextAuth's own endpoints answer a visitor without a session: an empty session, or 400 without its CSRF token.
        (nextAuth && (status === 400 || (status === 200 && !/"user"|"email"/.test(body))));
      expect(refused, `${label} answered ${status} ${location} ${body.slice(0, 200)}`).toBe(true);
      refusals.push(`${status} ${label}`);
    };

    // Pages and route handlers, with the token offered every way a client could offer it.
    const ways: { name: string; query?: string; headers?: Record<string, string> }[] = [
      { name: "no credentials" },
      { name: "?token=", query: `token=${token}` },
      {
        name: "cookie",
        headers: {
          cookie: ["share", "share_token", "token", "next-auth.session-token", "__Secure-next-auth.session-token"]
            .map((c) => `${c}=${token}`)
            .join("; "),
        },
      },
      { name: "Bearer", headers: { authorization: `Bearer ${token}` } },
    ];
    const jobs: (() => Promise<void>)[] = [];
    for (const t of targets) {
      const url = urlOf(t);
      expect(t.methods.length, `${t.file} exports no HTTP method`).toBeGreaterThan(0);
      for (const method of t.methods) {
        for (const way of ways) {
          const target = way.query ? `${url}${url.includes("?") ? "&" : "?"}${way.query}` : url;
          jobs.push(async () => {
            const res = await anonymous.fetch(target, {
              method,
              headers: way.headers,
              maxRedirects: 0,
              data: method === "GET" ? undefined : "x",
            });
            await check(`${method} ${target} (${way.name}; ${t.file})`, res, {
              nextAuth: t.segments[0] === "api" && t.segments[1] === "auth",
            });
          });
        }
      }
    }
    await inParallel(jobs, 6);

    // Every server action of the build, posted to the shared view with the token's URL and no session, with
    // arguments that would create, rename, archive or revoke if the action did not check the caller.
    const actions = serverActions().map((a) => a.id);
    expect(actions.length, "no server-reference-manifest.json with actions under .next").toBeGreaterThan(0);
    const origin = new URL(baseURL!).origin;
    const actionHeaders = (id: string) => ({ "next-action": id, origin, accept: "text/x-component" });
    // A form argument as React encodes it: FormData 1's fields named "_1_<name>", then the root "0" that refers
    // to it (the server reads the fields in order, so the root comes last, as a browser sends it).
    const formFields = () => {
      const form = new FormData();
      const fields = {
        reportId: shared.id,
        id: shared.id,
        version: "1",
        name: `Renamed through ${token}`,
        note: "x",
        sections: "kpis",
        expiresInDays: "365",
      };
      for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
      form.append("0", '[null,"$K1"]');
      return form;
    };
    const asObject = JSON.stringify([{ id: shared.id, reportId: shared.id, version: 1 }]);
    const attempts: [string, Record<string, string>, { data?: string; multipart?: FormData }][] = [
      ["object", {}, { data: asObject }],
      ["no arguments", {}, { data: "[]" }],
      ["form", {}, { multipart: formFields() }],
      ["token as cookies", { cookie: `next-auth.session-token=${token}; share=${token}` }, { data: asObject }],
      ["token as Bearer", { authorization: `Bearer ${token}` }, { multipart: formFields() }],
    ];
    await inParallel(
      actions.flatMap((id) =>
        attempts.map(([name, headers, body]) => async () => {
          const res = await postAction(anonymous, token, { ...actionHeaders(id), ...headers }, body);
          const label = `action ${id} at /r/<token> (${name})`;
          for (const leak of leaks) expect(await res.text(), `${label} answers with ${leak}`).not.toContain(leak);
          // Each action asks for the caller first, before it reads its arguments: the same refusal for every one.
          expect(res.status(), label).toBe(200);
          expect(await res.text(), label).toMatch(/^1:\{"ok":false,"error":"Your session has ended\. Sign in again\."\}$/m);
          refusals.push(`${res.status()} ${label}`);
        }),
      ),
      6,
    );
    await anonymous.dispose();

    const after = await snapshot(admin, shared);
    expect(after).toEqual(before);
    await testInfo.attach("refusals.txt", { body: refusals.join("\n"), contentType: "text/plain" });

    // The control: the same request with the creator's session does create a link, so the requests above did
    // reach the actions and were refused for want of a session, not for being malformed.
    const create = serverActions().find((a) => a.exportedName === "createShareLinkAction" && a.filename.includes("reports"));
    expect(create, "createShareLinkAction in the manifest").toBeDefined();
    const created = await postAction(finance.context().request, token, actionHeaders(create!.id), { multipart: formFields() });
    expect(created.status()).toBe(200);
    expect(await created.text()).toMatch(/"ok":true.*"token":"[A-Za-z0-9_-]{43}"/s);
    expect((await snapshot(admin, shared)).links).toHaveLength(before.links.length + 1);

    // The token still opens its own report, and only that: the same link answers 200 with the report's title.
    const view = await finance.context().request.get(`/r/${token}`, { maxRedirects: 0 });
    expect(view.status()).toBe(200);
    const html = await view.text();
    expect(html).toContain(shared.name);
    expect(html).not.toContain(secret.name);
    await finance.context().close();
    await admin.context().close();
  });

  test("an unknown, a revoked and an expired token get the same 404 page", async ({ browser, baseURL }, testInfo) => {
    const project = testInfo.project.name;
    const finance = await signedIn(browser, baseURL!, "finance");
    const report = await buildReport(finance, {
      name: uniqueName("Invalid link", project),
      note: "Soon revoked",
      sections: ["Key figures"],
    });
    const revoked = await createShareLink(finance);
    await finance.reload();
    await expect(finance.getByRole("region", { name: "Share links" }).getByRole("row")).toHaveCount(2);
    await revokeNewestLink(finance);
    const expiring = await createShareLink(finance);

    const tokens: Record<string, string> = { unknown: "A".repeat(43), short: "nope", revoked: revoked.token };
    // Expiry is the stored date passing; only the Postgres server's database is reachable from here to move it
    // (created_at too: a link must expire after it was created).
    if (project === "postgres") {
      const { default: postgres } = await import("postgres");
      const sql = postgres(process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/headroom_e2e", { max: 1 });
      const { createHash } = await import("node:crypto");
      const hash = createHash("sha256").update(expiring.token, "utf8").digest("hex");
      const moved =
        await sql`update shared_reports set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' where token_hash = ${hash} returning id`;
      await sql.end();
      expect(moved).toHaveLength(1);
      tokens.expired = expiring.token;
    }

    const anonymous = await playwrightRequest.newContext({ baseURL });
    // The server's first 404 of this page after a start loads its modules and can order the streamed chunks
    // differently (seen on a cold production server); one request first, so the comparison is of warm pages.
    await anonymous.get(`/r/${"W".repeat(43)}`);
    const bodies: Record<string, string> = {};
    for (const [kind, token] of Object.entries(tokens)) {
      const res = await anonymous.get(`/r/${token}`, { maxRedirects: 0 });
      expect(res.status(), kind).toBe(404);
      const body = await res.text();
      expect(body, kind).toContain(INVALID_LINK_HEADING);
      expect(body, kind).not.toContain(report.name);
      expect(body, kind).not.toContain(report.note);
      // The token is in the path, so it echoes in the router's payload; apart from that, byte for byte the same page.
      bodies[kind] = body.split(token).join("<token>");
    }
    await anonymous.dispose();
    const [first, ...rest] = Object.values(bodies);
    for (const [kind, body] of Object.entries(bodies).slice(1)) expect(body, `${kind} differs from unknown`).toBe(first);
    expect(rest.length).toBeGreaterThanOrEqual(2);

    // A fresh browser without a session sees the plain page, with no way into the app.
    const fresh = await browser.newContext({ baseURL });
    const page = await fresh.newPage();
    const res = await page.goto(`/r/${revoked.token}`);
    expect(res!.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: INVALID_LINK_HEADING })).toBeVisible();
    await expect(page.getByRole("link")).toHaveCount(0);
    await fresh.close();
    await finance.context().close();
  });
});

/** Runs the jobs, `width` at a time. */
async function inParallel(jobs: (() => Promise<void>)[], width: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

function postAction(api: APIRequestContext, token: string, headers: Record<string, string>, body: { data?: string; multipart?: FormData }) {
  const contentType: Record<string, string> = body.data !== undefined ? { "content-type": "text/plain;charset=UTF-8" } : {};
  return api.post(`/r/${token}`, { headers: { ...headers, ...contentType }, maxRedirects: 0, ...body });
}
