import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { allocations, auditLog, teams, workloads } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveAllocationRule } from "../allocation-rules/archive";
import { createAllocationRule } from "../allocation-rules/create";
import { createDemandPlan } from "../demand-plans/create";
import { updateDemandPlan } from "../demand-plans/update";
import { archiveTeam } from "../teams/archive";
import { archiveWorkload, unarchiveWorkload } from "./archive";
import { createWorkload } from "./create";
import { updateWorkload } from "./update";
import { insertCatalog } from "@/lib/testing/commercial-fixtures";

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ValidationError)) throw new Error(`expected a validation refusal, got ${String(e)}`);
  return e;
}

describeOnEachEngine("workload verbs", (engine) => {
  let handle: DbHandle;
  let teamId: string;
  let catalog: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    const [t] = await handle.db
      .insert(teams)
      .values({ name: uniq("Product") })
      .returning();
    teamId = t!.id;
  });
  afterAll(() => handle.close());
  const finance = () => roleCtx(handle.db, "finance");
  const count = async () => (await handle.db.select({ id: workloads.id }).from(workloads)).length;
  const input = (over: Record<string, unknown> = {}) => ({
    name: uniq("Inference-Chat"),
    kind: "inference",
    teamId,
    activeFrom: "2026-01-01",
    activeTo: "",
    salePrice: "",
    currency: "",
    notes: "",
    ...over,
  });

  it("creates an internal workload and an external one with an exact sale price, audited", async () => {
    const chat = await createWorkload({ ctx: finance(), input: input() });
    expect(chat).toMatchObject({ kind: "inference", activeTo: null, salePrice: null, currency: null, version: 1 });
    const resold = await createWorkload({
      ctx: roleCtx(handle.db, "infra"),
      input: input({ name: uniq("Acme"), kind: "external", activeTo: "2027-01-01", salePrice: "3.141593", currency: "usd" }),
    });
    expect(resold).toMatchObject({ kind: "external", salePrice: "3.141593", currency: "USD", activeTo: "2027-01-01" });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, resold.id));
    expect(entry).toMatchObject({ action: "workload.create", entityType: "workload", actor: "infra@example.com" });
  });

  it("refuses an external workload without a price, a price on an internal one, a period ending first, and an unknown kind", async () => {
    const before = await count();
    const e = await refusal(createWorkload({ ctx: finance(), input: input({ kind: "external" }) }));
    expect(e.fieldErrors.salePrice?.[0]).toBe("An external workload resells capacity: enter its sale price per accelerator-hour.");
    expect(e.fieldErrors.currency?.[0]).toBe("Enter the currency of the sale price, like USD.");
    const f = await refusal(createWorkload({ ctx: finance(), input: input({ salePrice: "2", currency: "USD", activeTo: "2025-12-01" }) }));
    expect(f.fieldErrors.salePrice?.[0]).toBe("A sale price is for external workloads only; leave it blank.");
    expect(f.fieldErrors.currency?.[0]).toMatch(/leave it blank/);
    expect(f.fieldErrors.activeTo?.[0]).toBe("The active period must end after it starts.");
    const g = await refusal(createWorkload({ ctx: finance(), input: input({ kind: "batch", salePrice: "1.2345678" }) }));
    expect(g.fieldErrors.kind?.[0]).toBe("Kind must be training, inference, research, platform or external.");
    expect(await count()).toBe(before);
  });

  it("checks the merged workload on an edit: turning external needs a price; a same-named active workload is refused", async () => {
    const w = await createWorkload({ ctx: finance(), input: input() });
    const e = await refusal(updateWorkload({ ctx: finance(), input: { id: w.id, version: 1, changes: { kind: "external" } } }));
    expect(e.fieldErrors.salePrice?.[0]).toMatch(/enter its sale price/);
    const after = await updateWorkload({
      ctx: finance(),
      input: { id: w.id, version: 1, changes: { kind: "external", salePrice: "2,500.5", currency: "EUR" } },
    });
    expect(after).toMatchObject({ kind: "external", salePrice: "2500.500000", currency: "EUR", version: 2 });
    const other = await createWorkload({ ctx: finance(), input: input() });
    const clash = await refusal(
      updateWorkload({ ctx: finance(), input: { id: other.id, version: 1, changes: { name: w.name.toLowerCase() } } }),
    );
    expect(clash.fieldErrors.name?.[0]).toBe(`A workload named ${w.name} already exists.`);
  });

  it("refuses a stale edit with the changes listed", async () => {
    const w = await createWorkload({ ctx: finance(), input: input() });
    await updateWorkload({ ctx: roleCtx(handle.db, "admin"), input: { id: w.id, version: 1, changes: { activeTo: "2026-07-01" } } });
    const e = await updateWorkload({ ctx: finance(), input: { id: w.id, version: 1, changes: { notes: "x" } } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).changes).toContainEqual({ field: "activeTo", before: null, after: "2026-07-01" });
  });

  it("ties demand plans to a workload and archives a workload only once its plans are archived", async () => {
    const w = await createWorkload({ ctx: finance(), input: input({ kind: "training" }) });
    const plan = await createDemandPlan({
      ctx: roleCtx(handle.db, "infra"),
      input: {
        name: "Run",
        kind: "training",
        workloadId: w.id,
        acceleratorFamily: "H100",
        accelerators: "64",
        startDate: "2027-01-01",
        endDate: "2027-03-01",
        priority: "2",
      },
    });
    expect(plan.workloadId).toBe(w.id);
    const busy = await refusal(archiveWorkload({ ctx: finance(), input: { id: w.id, version: 1 } }));
    expect(busy.message).toBe(`${w.name} still has active demand plans (Run); move or archive them first.`);
    await updateDemandPlan({ ctx: roleCtx(handle.db, "infra"), input: { id: plan.id, version: 1, changes: { workloadId: "" } } });
    await archiveWorkload({ ctx: finance(), input: { id: w.id, version: 1 } });
    const picked = await refusal(
      updateDemandPlan({ ctx: roleCtx(handle.db, "infra"), input: { id: plan.id, version: 2, changes: { workloadId: w.id } } }),
    );
    expect(picked.fieldErrors.workloadId?.[0]).toBe(`Workload ${w.name} is archived; choose another.`);
    await unarchiveWorkload({ ctx: finance(), input: { id: w.id, version: 2 } });
    const entries = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "workload"), eq(auditLog.entityId, w.id)));
    expect(entries.map((x) => x.action)).toEqual(["workload.create", "workload.archive", "workload.unarchive"]);
  });

  it("archives a workload only once no live allocation rule sends it charges and none of its allocations runs on", async () => {
    const w = await createWorkload({ ctx: finance(), input: input() });
    const rule = await createAllocationRule({ ctx: finance(), input: { serviceName: uniq("Object storage"), workloadId: w.id } });
    const ruled = await refusal(archiveWorkload({ ctx: finance(), input: { id: w.id, version: 1 } }));
    expect(ruled.message).toBe(
      `Allocation rule #${rule.position} still sends charges to ${w.name}; point it at another workload or archive it first.`,
    );
    await archiveAllocationRule({ ctx: finance(), input: { id: rule.id, version: rule.version } });
    const block = await insertReservationRow(handle.db, catalog, { quantity: 10 });
    const [held] = await handle.db
      .insert(allocations)
      .values({ reservationId: block.id, workloadId: w.id, quantity: 4, startAt: new Date("2026-02-01T00:00:00Z") })
      .returning();
    const holding = await refusal(archiveWorkload({ ctx: finance(), input: { id: w.id, version: 1 } }));
    expect(holding.message).toBe(`${w.name} still holds capacity on ${block.name}; end those allocations first.`);
    // An allocation that has ended is history: the workload can go.
    await handle.db
      .update(allocations)
      .set({ endAt: new Date("2026-03-01T00:00:00Z") })
      .where(eq(allocations.id, held!.id));
    const archived = await archiveWorkload({ ctx: finance(), input: { id: w.id, version: 1 } });
    expect(archived.archivedAt).not.toBeNull();
  });

  it("refuses a workload under an archived team, and unarchiving one whose team is archived", async () => {
    const [t] = await handle.db
      .insert(teams)
      .values({ name: uniq("Gone") })
      .returning();
    const w = await createWorkload({ ctx: finance(), input: input({ teamId: t!.id }) });
    await archiveWorkload({ ctx: finance(), input: { id: w.id, version: 1 } });
    await archiveTeam({ ctx: finance(), input: { id: t!.id, version: 1 } });
    const e = await refusal(createWorkload({ ctx: finance(), input: input({ teamId: t!.id }) }));
    expect(e.fieldErrors.teamId?.[0]).toBe(`${t!.name} is archived; choose another team.`);
    expect((await refusal(unarchiveWorkload({ ctx: finance(), input: { id: w.id, version: 2 } }))).message).toMatch(
      /Its team .* is archived/,
    );
  });

  it("refuses a viewer everything, changing nothing", async () => {
    const w = await createWorkload({ ctx: finance(), input: input() });
    const viewer = roleCtx(handle.db, "viewer");
    const before = await count();
    await expect(createWorkload({ ctx: viewer, input: input() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateWorkload({ ctx: viewer, input: { id: w.id, version: 1, changes: { notes: "x" } } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(archiveWorkload({ ctx: viewer, input: { id: w.id, version: 1 } })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(before);
    const [now] = await handle.db.select().from(workloads).where(eq(workloads.id, w.id));
    expect(now).toMatchObject({ notes: null, version: 1, archivedAt: null });
  });
});
