import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { apiKeyAuth, apiKeyCtx, hashApiKey, LAST_USED_RESOLUTION_MS } from "@/lib/auth/api-keys";
import type { DbHandle } from "@/lib/db/client";
import { apiKeys, auditLog, users } from "@/lib/db/schema";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { createApiKey } from "./create";
import { revokeApiKey } from "./revoke";

const bearer = (key: string) => new Request("http://localhost/api/x", { headers: { authorization: `Bearer ${key}` } });

describeOnEachEngine("API key verbs", (engine) => {
  let handle: DbHandle;
  let admin: Ctx;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [user] = await handle.db.insert(users).values({ email: "root@example.com", name: "Root", role: "admin" }).returning();
    admin = { db: handle.db, actor: { id: user!.id, email: user!.email, role: "admin", kind: "user" } };
  });
  afterAll(() => handle.close());

  it("returns the clear key once, stores only its hash and audits neither", async () => {
    const { key, apiKey } = await createApiKey({ ctx: admin, input: { name: "Cluster push", role: "infra" } });
    expect(key).toMatch(/^hr_[\w-]{43}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 11));
    expect(apiKey).not.toHaveProperty("keyHash");
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(row?.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row?.createdBy).toBe(admin.actor.id);
    const entries = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, apiKey.id));
    expect(entries.map((e) => e.action)).toEqual(["api_key.create"]);
    expect(JSON.stringify(entries)).not.toContain(key);
    expect(JSON.stringify(entries)).not.toContain(row!.keyHash);
  });

  it("writes a key's last use at most once a minute, not on every request (a Prometheus scrape is not a write)", async () => {
    const { key, apiKey } = await createApiKey({ ctx: admin, input: { name: "Scraper", role: "viewer" } });
    const lastUsed = async () => (await handle.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id)))[0]!.lastUsedAt;
    const t0 = new Date("2026-12-06T10:00:00Z");
    await apiKeyAuth(handle.db, bearer(key), t0);
    expect(await lastUsed()).toEqual(t0);
    await apiKeyAuth(handle.db, bearer(key), new Date(t0.getTime() + LAST_USED_RESOLUTION_MS - 1));
    expect(await lastUsed()).toEqual(t0);
    const later = new Date(t0.getTime() + LAST_USED_RESOLUTION_MS + 1);
    await apiKeyAuth(handle.db, bearer(key), later);
    expect(await lastUsed()).toEqual(later);
  });

  it("lets a key act with its role until revoked, then refuses it on the next request", async () => {
    const { key, apiKey } = await createApiKey({ ctx: admin, input: { name: "Ingest", role: "infra" } });
    const ctx = await apiKeyCtx(handle.db, bearer(key));
    expect(ctx.actor).toMatchObject({ role: "infra", kind: "api_key" });
    const [used] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(used?.lastUsedAt).not.toBeNull();
    const revoked = await revokeApiKey({ ctx: admin, input: { id: apiKey.id, version: apiKey.version } });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(apiKeyCtx(handle.db, bearer(key))).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(revokeApiKey({ ctx: admin, input: { id: apiKey.id, version: 2 } })).rejects.toThrow(/already revoked/);
  });

  it("refuses key management to every role but admin", async () => {
    for (const role of ["finance", "infra", "viewer"] as const) {
      await expect(createApiKey({ ctx: roleCtx(handle.db, role), input: { name: "x", role: "viewer" } })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await handle.db.select().from(apiKeys).where(eq(apiKeys.name, "x"))).toHaveLength(0);
  });

  it("refuses a key without a name, beside the field", async () => {
    await expect(createApiKey({ ctx: admin, input: { name: " ", role: "viewer" } })).rejects.toMatchObject({
      fieldErrors: { name: ["Enter a name."] },
    });
  });
});
