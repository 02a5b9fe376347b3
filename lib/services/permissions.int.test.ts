import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import type { Db, DbHandle } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import { ForbiddenError } from "@/lib/errors";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "./context";
import { WRITE_VERBS, type WriteVerbName } from "./verbs";

// A valid input per verb, so that a refusal can only come from the permission check.
const SAMPLE_INPUTS: Record<WriteVerbName, (db: Db) => Promise<unknown>> = {
  createUser: async () => ({ email: "new@example.com", name: "New", role: "viewer" }),
  updateUser: async (db) => {
    const [u] = await db.select().from(users).where(sql`${users.email} = 'target@example.com'`);
    return { id: u!.id, version: u!.version, changes: { role: "finance" } };
  },
};

async function fingerprint(db: Db): Promise<string> {
  const rows = await queryRows<{ t: string }>(
    db,
    sql`select (select count(*) from users)::text || '/' || (select coalesce(sum(version), 0) from users)::text || '/' || (select count(*) from audit_log)::text as t`,
  );
  return rows[0]!.t;
}

describeOnEachEngine("permission matrix", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await handle.db.insert(users).values([
      { email: "target@example.com", name: "Target", role: "viewer" },
      { email: "admin@example.com", name: "Admin", role: "admin" },
    ]);
  });
  afterAll(() => handle.close());

  it("has a sample input for every write verb", () => {
    expect(Object.keys(SAMPLE_INPUTS).sort()).toEqual(Object.keys(WRITE_VERBS).sort());
  });

  for (const [name, verb] of Object.entries(WRITE_VERBS) as [WriteVerbName, (typeof WRITE_VERBS)[WriteVerbName]][]) {
    for (const role of ROLES.filter((r) => !can(r, verb.permission))) {
      it(`refuses ${name} for ${role} and changes nothing`, async () => {
        const ctx: Ctx = { db: handle.db, actor: { id: null, email: `${role}@example.com`, role, kind: "user" } };
        const before = await fingerprint(handle.db);
        const input = await SAMPLE_INPUTS[name](handle.db);
        await expect(verb.run({ ctx, input })).rejects.toBeInstanceOf(ForbiddenError);
        expect(await fingerprint(handle.db)).toBe(before);
      });
    }
    const allowed = ROLES.filter((r) => can(r, verb.permission));
    it(`allows ${name} for ${allowed.join(", ")}`, async () => {
      expect(allowed.length).toBeGreaterThan(0);
      const ctx: Ctx = { db: handle.db, actor: { id: null, email: "admin@example.com", role: allowed[0]!, kind: "user" } };
      await expect(verb.run({ ctx, input: await SAMPLE_INPUTS[name](handle.db) })).resolves.toBeDefined();
    });
  }
});
