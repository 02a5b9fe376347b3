import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { sharedReports, users } from "@/lib/db/schema";
import { hashShareToken } from "@/lib/sharing/tokens";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { createReport } from "../reports/create";
import { createShareLink } from "./create";
import { resolveShareToken } from "./resolve";
import { revokeShareLink } from "./revoke";

// The clear token exists in the creator's answer and in the visitor's URL, nowhere else: nothing Headroom
// prints while creating, opening, refusing or revoking a link contains it. Expiry and revocation are read
// from the row at each request, so they take effect on the very next one.

describeOnEachEngine("share token secrecy and lifetime", (engine) => {
  let handle: DbHandle;
  let finance: Ctx;
  const scope = { sections: ["kpis"], filters: {}, scenarioId: null };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [f] = await handle.db.insert(users).values({ email: "lead@example.com", name: "Lead", role: "finance" }).returning();
    finance = { db: handle.db, actor: { id: f!.id, email: f!.email, role: "finance", kind: "user" } };
  });
  afterAll(() => handle.close());
  afterEach(() => vi.restoreAllMocks());

  async function newLink() {
    const report = await createReport({ ctx: finance, input: { name: `Secrecy ${Math.random()}`, scope } });
    return createShareLink({ ctx: finance, input: { reportId: report.id } });
  }

  /** Everything written to the console or to stdout/stderr while `run` runs. */
  async function printed(run: () => Promise<unknown>): Promise<string> {
    const out: string[] = [];
    const keep = (...args: unknown[]) =>
      void out.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" "));
    for (const m of ["log", "info", "warn", "error", "debug", "trace"] as const) vi.spyOn(console, m).mockImplementation(keep);
    const write = (chunk: unknown) => (out.push(String(chunk)), true);
    vi.spyOn(process.stdout, "write").mockImplementation(write);
    vi.spyOn(process.stderr, "write").mockImplementation(write);
    try {
      await run();
    } catch (e) {
      out.push(String(e), JSON.stringify(e));
    } finally {
      vi.restoreAllMocks();
    }
    return out.join("\n");
  }

  it("prints the clear token nowhere while creating, opening, refusing and revoking a link", async () => {
    let token = "";
    let linkId = "";
    const created = await printed(async () => {
      const r = await newLink();
      token = r.token;
      linkId = r.link.id;
    });
    expect(token).toHaveLength(43);
    const opened = await printed(() => resolveShareToken(handle.db, token));
    const revoked = await printed(() => revokeShareLink({ ctx: finance, input: { id: linkId } }));
    const refused = await printed(() => resolveShareToken(handle.db, token));
    const again = await printed(() => revokeShareLink({ ctx: finance, input: { id: linkId } }));
    for (const out of [created, opened, revoked, refused, again]) expect(out).not.toContain(token);
    // The returned link carries neither the token nor its hash.
    const { link } = await newLink();
    expect(JSON.stringify(link)).not.toMatch(/[0-9a-f]{64}/);
    expect(Object.keys(link)).not.toContain("tokenHash");
  });

  it("stores only the hash: the row is found by the token's SHA-256 and holds no other form of it", async () => {
    const { token, link } = await newLink();
    const [row] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, link.id));
    expect(row!.tokenHash).toBe(hashShareToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(Buffer.from(token, "base64url").toString("hex"));
  });

  it("stops opening a link the moment it expires, between two views", async () => {
    const { token, link } = await newLink();
    expect(await resolveShareToken(handle.db, token)).not.toBeNull();
    await handle.db
      .update(sharedReports)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(sharedReports.id, link.id));
    expect(await resolveShareToken(handle.db, token)).toBeNull();
    // Still there, unchanged but for the one counted view: nothing else marks it.
    const [row] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, link.id));
    expect(row!.viewCount).toBe(1);
    expect(row!.revokedAt).toBeNull();
  });

  it("revokes at once: a view just before opens, the next one after does not, and other links stay valid", async () => {
    const first = await newLink();
    const second = await newLink();
    expect(await resolveShareToken(handle.db, first.token)).not.toBeNull();
    await revokeShareLink({ ctx: finance, input: { id: first.link.id } });
    expect(await resolveShareToken(handle.db, first.token)).toBeNull();
    expect(await resolveShareToken(handle.db, second.token)).not.toBeNull();
  });

  it("gives the same answer for a token one character off, a hash given as the token and an empty one", async () => {
    const { token, link } = await newLink();
    const [row] = await handle.db.select().from(sharedReports).where(eq(sharedReports.id, link.id));
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const guess of [flipped, row!.tokenHash, link.id, "", token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase()]) {
      expect(await resolveShareToken(handle.db, guess)).toBeNull();
    }
    expect(await resolveShareToken(handle.db, token)).not.toBeNull();
  });
});
