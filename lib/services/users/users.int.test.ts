import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, users } from "@/lib/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { systemCtx } from "../system-actor";
import { createUser } from "./create";
import { updateUser } from "./update";

describeOnEachEngine("user verbs", (engine) => {
  let handle: DbHandle;
  let ctx: Ctx;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ctx = systemCtx(handle.db, "test");
  });
  afterAll(() => handle.close());

  it("creates a user with a hashed password and an audit row without the hash", async () => {
    const user = await createUser({
      ctx,
      input: { email: " Ops@Example.com ", name: "Ops", role: "infra", password: "correct horse battery" },
    });
    expect(user.email).toBe("ops@example.com");
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entry?.action).toBe("user.create");
    expect(JSON.stringify(entry?.after)).not.toContain("argon2");
  });

  it("refuses a second user with the same email in another case", async () => {
    await expect(createUser({ ctx, input: { email: "OPS@example.com", name: "Dup", role: "viewer" } })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("refuses a short password with a field message and creates nothing", async () => {
    const error = await createUser({
      ctx,
      input: { email: "short@example.com", name: "S", role: "viewer", password: "short" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.password?.[0]).toMatch(/at least 12/);
    expect(await handle.db.select().from(users).where(eq(users.email, "short@example.com"))).toHaveLength(0);
  });

  it("refuses an edit based on a stale version, shows what changed and keeps the newer value", async () => {
    const user = await createUser({ ctx, input: { email: "stale@example.com", name: "Stale", role: "viewer" } });
    await updateUser({ ctx, input: { id: user.id, version: 1, changes: { role: "finance" } } });
    await expect(updateUser({ ctx, input: { id: user.id, version: 1, changes: { role: "infra" } } })).rejects.toMatchObject({
      changes: [{ field: "role", before: "viewer", after: "finance" }],
      changedBy: "test",
    });
    await expect(updateUser({ ctx, input: { id: user.id, version: 1, changes: { disabled: true } } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.role).toBe("finance");
    expect(row?.disabled).toBe(false);
    expect(row?.version).toBe(2);
  });

  it("never demotes or disables the last active admin", async () => {
    const admin = await createUser({ ctx, input: { email: "root@example.com", name: "Root", role: "admin" } });
    await expect(updateUser({ ctx, input: { id: admin.id, version: 1, changes: { role: "viewer" } } })).rejects.toThrow(
      /at least one active admin/,
    );
    await expect(updateUser({ ctx, input: { id: admin.id, version: 1, changes: { disabled: true } } })).rejects.toThrow(
      /at least one active admin/,
    );
    const second = await createUser({ ctx, input: { email: "root2@example.com", name: "Root 2", role: "admin" } });
    const demoted = await updateUser({ ctx, input: { id: admin.id, version: 1, changes: { role: "viewer" } } });
    expect(demoted.role).toBe("viewer");
    expect(second.role).toBe("admin");
  });
});
