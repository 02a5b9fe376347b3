import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, teams } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { createWorkload } from "../workloads/create";
import { archiveTeam, unarchiveTeam } from "./archive";
import { createTeam } from "./create";
import { updateTeam } from "./update";

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ValidationError)) throw new Error(`expected a validation refusal, got ${String(e)}`);
  return e;
}

describeOnEachEngine("team verbs", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());
  const finance = () => roleCtx(handle.db, "finance");
  const infra = () => roleCtx(handle.db, "infra");
  const team = (name: string, parentId = "", costCentre = "") => createTeam({ ctx: finance(), input: { name, parentId, costCentre } });
  const count = async () => (await handle.db.select({ id: teams.id }).from(teams)).length;

  it("creates a team under a parent, audited", async () => {
    const org = await team(uniq("Research"), "", "CC-100");
    const child = await createTeam({ ctx: infra(), input: { name: uniq("Pre-training"), parentId: org.id, costCentre: " CC-110 " } });
    expect(child).toMatchObject({ parentId: org.id, costCentre: "CC-110", version: 1, updatedBy: "infra@example.com" });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, child.id));
    expect(entry).toMatchObject({ action: "team.create", entityType: "team", actor: "infra@example.com" });
  });

  it("refuses a second active team of the same name, ignoring case, and an unknown parent", async () => {
    const name = uniq("Platform");
    await team(name);
    const before = await count();
    const e = await refusal(team(name.toUpperCase()));
    expect(e.fieldErrors.name?.[0]).toBe(`A team named ${name} already exists.`);
    const f = await refusal(team(uniq("Orphan"), "00000000-0000-4000-8000-000000000000"));
    expect(f.fieldErrors.parentId?.[0]).toBe("This parent team does not exist.");
    expect(await count()).toBe(before);
  });

  it("refuses a fifth level, on create and on a move that carries sub-teams, naming the chain", async () => {
    const l1 = await team("Lab " + uniq("x"));
    const l2 = await team("Research " + uniq("x"), l1.id);
    const l3 = await team("Pre " + uniq("x"), l2.id);
    const l4 = await team("Data " + uniq("x"), l3.id);
    const before = await count();
    const e = await refusal(team("Evals", l4.id));
    expect(e.message).toBe(
      `Teams nest at most 4 levels deep: ${l4.name} is at level 4 (${l1.name} › ${l2.name} › ${l3.name} › ${l4.name}), so Evals would reach level 5.`,
    );
    expect(await count()).toBe(before);
    const other = await team("Product " + uniq("x"));
    const deep = await team("Apps " + uniq("x"), other.id);
    const moved = await refusal(updateTeam({ ctx: finance(), input: { id: l2.id, version: 1, changes: { parentId: deep.id } } }));
    expect(moved.fieldErrors.parentId?.[0]).toMatch(/so Research .* and the 2 levels of teams below it would reach level 5\.$/);
    const [now] = await handle.db.select().from(teams).where(eq(teams.id, l2.id));
    expect(now).toMatchObject({ parentId: l1.id, version: 1 });
  });

  it("refuses a cycle: a team moved under its own sub-team", async () => {
    const a = await team("A " + uniq("x"));
    const b = await team("B " + uniq("x"), a.id);
    const c = await team("C " + uniq("x"), b.id);
    const e = await refusal(updateTeam({ ctx: finance(), input: { id: a.id, version: 1, changes: { parentId: c.id } } }));
    expect(e.message).toBe(
      `${a.name} cannot sit under ${c.name}: ${c.name} is one of its own sub-teams (${a.name} › ${b.name} › ${c.name}), which would make a cycle.`,
    );
    const self = await refusal(updateTeam({ ctx: finance(), input: { id: a.id, version: 1, changes: { parentId: a.id } } }));
    expect(self.message).toBe(`${a.name} cannot be its own parent team.`);
    const moved = await updateTeam({ ctx: finance(), input: { id: c.id, version: 1, changes: { parentId: "" } } });
    expect(moved).toMatchObject({ parentId: null, version: 2 });
  });

  it("refuses a stale edit with the changes listed and keeps the newer values", async () => {
    const t = await team(uniq("Stale"), "", "CC-1");
    await updateTeam({ ctx: infra(), input: { id: t.id, version: 1, changes: { costCentre: "CC-2" } } });
    const e = await updateTeam({ ctx: finance(), input: { id: t.id, version: 1, changes: { costCentre: "CC-3" } } }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).changes).toContainEqual({ field: "costCentre", before: "CC-1", after: "CC-2" });
    const [now] = await handle.db.select().from(teams).where(eq(teams.id, t.id));
    expect(now).toMatchObject({ costCentre: "CC-2", version: 2 });
  });

  it("archives only a team with nothing active under it; unarchives only under an active parent, audited", async () => {
    const parent = await team(uniq("Org"));
    const child = await team(uniq("Squad"), parent.id);
    const busy = await refusal(archiveTeam({ ctx: finance(), input: { id: parent.id, version: 1 } }));
    expect(busy.message).toBe(`${parent.name} still has active sub-teams (${child.name}); move or archive them first.`);
    await createWorkload({
      ctx: finance(),
      input: { name: uniq("Job"), kind: "training", teamId: child.id, activeFrom: "2026-01-01" },
    });
    expect((await refusal(archiveTeam({ ctx: finance(), input: { id: child.id, version: 1 } }))).message).toMatch(
      /still owns active workloads/,
    );
    const lone = await team(uniq("Lone"));
    const archived = await archiveTeam({ ctx: finance(), input: { id: lone.id, version: 1 } });
    expect(archived.archivedAt).not.toBeNull();
    const reused = await team(lone.name);
    const clash = await refusal(unarchiveTeam({ ctx: finance(), input: { id: lone.id, version: 2 } }));
    expect(clash.fieldErrors.name?.[0]).toBe(`A team named ${lone.name} already exists.`);
    await archiveTeam({ ctx: finance(), input: { id: reused.id, version: 1 } });
    await unarchiveTeam({ ctx: finance(), input: { id: lone.id, version: 2 } });
    const entries = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "team"), eq(auditLog.entityId, lone.id)));
    expect(entries.map((e) => e.action)).toEqual(["team.create", "team.archive", "team.unarchive"]);
    const up = await team(uniq("Up"));
    const down = await team(uniq("Down"), up.id);
    await archiveTeam({ ctx: finance(), input: { id: down.id, version: 1 } });
    await archiveTeam({ ctx: finance(), input: { id: up.id, version: 1 } });
    expect((await refusal(unarchiveTeam({ ctx: finance(), input: { id: down.id, version: 2 } }))).message).toBe(
      `Its parent team ${up.name} is archived; unarchive it first.`,
    );
    const pick = await refusal(team(uniq("Late"), up.id));
    expect(pick.fieldErrors.parentId?.[0]).toBe(`${up.name} is archived; choose another parent team.`);
  });

  it("refuses a viewer everything, changing nothing", async () => {
    const t = await team(uniq("Kept"));
    const viewer = roleCtx(handle.db, "viewer");
    const before = await count();
    await expect(createTeam({ ctx: viewer, input: { name: uniq("No") } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateTeam({ ctx: viewer, input: { id: t.id, version: 1, changes: { name: "X" } } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(archiveTeam({ ctx: viewer, input: { id: t.id, version: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(before);
    const [now] = await handle.db.select().from(teams).where(eq(teams.id, t.id));
    expect(now).toMatchObject({ name: t.name, version: 1, archivedAt: null });
  });
});
