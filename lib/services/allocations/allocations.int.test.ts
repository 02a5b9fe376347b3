import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { allocations, auditLog, teams, workloads } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { getBlockAllocations } from "@/lib/queries/reservations/allocations";
import { insertCatalog, insertReservationRow, roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveAllocation } from "./archive";
import { createAllocation } from "./create";
import { updateAllocation } from "./update";

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ValidationError)) throw new Error(`expected a validation refusal, got ${String(e)}`);
  return e;
}

describeOnEachEngine("allocation verbs", (engine) => {
  let handle: DbHandle;
  let blockId: string;
  const ids: Record<"a" | "b" | "ending" | "archived", string> = { a: "", b: "", ending: "", archived: "" };
  const infra = () => roleCtx(handle.db, "infra");
  const count = async () => (await handle.db.select({ id: allocations.id }).from(allocations)).length;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const catalog = await insertCatalog(handle.db);
    // 100 accelerators over [1 Feb 2026, 1 Aug 2026).
    const block = await insertReservationRow(handle.db, catalog, { quantity: 100 });
    blockId = block.id;
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("Research") })
      .returning();
    const workload = async (name: string, activeTo: string | null = null, archivedAt: Date | null = null) => {
      const [w] = await handle.db
        .insert(workloads)
        .values({ name, kind: "training", teamId: team!.id, activeFrom: "2026-01-01", activeTo, archivedAt })
        .returning();
      return w!.id;
    };
    ids.a = await workload("Pre-training A");
    ids.b = await workload("Inference B");
    ids.ending = await workload("Ends in May", "2026-05-01");
    ids.archived = await workload("Old", null, new Date());
  });
  afterAll(() => handle.close());

  const allocate = (workloadId: string, quantity: number, startAt: string, endAt = "") =>
    createAllocation({ ctx: infra(), input: { reservationId: blockId, workloadId, quantity: String(quantity), startAt, endAt } });

  it("keeps the sum within the block at every instant and names the overlap it refuses", async () => {
    const a = await allocate(ids.a, 60, "2026-02-01");
    await allocate(ids.b, 40, "2026-03-01");
    const before = await count();
    const refused = await refusal(allocate(ids.b, 10, "2026-04-01", "2026-05-01"));
    expect(refused.message).toBe(
      `This would allocate 110 of ${await blockName()}'s 100 accelerators from 1 Apr 2026 to 1 May 2026 (Pre-training A 60, Inference B 40, Inference B 10).`,
    );
    expect(refused.fieldErrors?.quantity).toEqual([refused.message]);
    expect(await count()).toBe(before);
    // In February, before B starts, 40 are free: the same 10 fit there.
    await allocate(ids.b, 10, "2026-02-01", "2026-03-01");
    // Taking A off frees its 60 from then on.
    await archiveAllocation({ ctx: infra(), input: { id: a.id, version: a.version } });
    await allocate(ids.b, 10, "2026-04-01", "2026-05-01");
  });

  it("refuses periods outside the block's term or the workload's active period, and more than the block holds", async () => {
    expect((await refusal(allocate(ids.b, 1, "2026-01-15"))).fieldErrors?.startAt?.[0]).toBe(
      "The start must fall within the block's term, 1 Feb 2026 to 1 Aug 2026.",
    );
    expect((await refusal(allocate(ids.b, 1, "2026-03-01", "2026-09-01"))).fieldErrors?.endAt?.[0]).toBe(
      "The end must be on or before the block's end, 1 Aug 2026.",
    );
    expect((await refusal(allocate(ids.ending, 1, "2026-03-01"))).message).toBe(
      "Ends in May ends on 2026-05-01; end the allocation on or before that day.",
    );
    expect((await refusal(allocate(ids.b, 101, "2026-03-01"))).message).toMatch(/has 100 accelerators\.$/);
    expect((await refusal(allocate(ids.archived, 1, "2026-03-01"))).message).toBe("Old is archived; choose another workload.");
    expect((await refusal(allocate(ids.b, 1, "2026-03-01", "2026-02-15"))).fieldErrors?.endAt?.[0]).toBe(
      "The end must be after the start.",
    );
    expect((await refusal(allocate(ids.b, 0, "2026-03-01"))).fieldErrors?.quantity?.[0]).toBe("Quantity must be at least 1.");
  });

  it("lets only allocation.write change allocations, and refuses a stale edit", async () => {
    await expect(
      createAllocation({
        ctx: roleCtx(handle.db, "viewer"),
        input: { reservationId: blockId, workloadId: ids.b, quantity: "1", startAt: "2026-03-01" },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const row = await allocate(ids.ending, 5, "2026-02-01", "2026-03-01");
    const changed = await updateAllocation({ ctx: infra(), input: { id: row.id, version: row.version, changes: { quantity: "6" } } });
    expect(changed.quantity).toBe(6);
    await expect(
      updateAllocation({ ctx: infra(), input: { id: row.id, version: row.version, changes: { quantity: "7" } } }),
    ).rejects.toBeInstanceOf(ConflictError);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["allocation.create", "allocation.update"]);
  });

  it("shows the block's allocations and its free pool now and over the term", async () => {
    const fresh = await insertReservationRow(handle.db, await insertCatalog(handle.db), { quantity: 10 });
    const mk = (workloadId: string, quantity: number, startAt: string, endAt = "") =>
      createAllocation({ ctx: infra(), input: { reservationId: fresh.id, workloadId, quantity: String(quantity), startAt, endAt } });
    await mk(ids.a, 6, "2026-02-01", "2026-05-01");
    await mk(ids.b, 3, "2026-04-01");
    const view = await getBlockAllocations(infra(), fresh.id, new Date("2026-04-10T00:00:00Z"));
    expect(view.rows.map((r) => [r.workloadName, r.quantity])).toEqual([
      ["Pre-training A", 6],
      ["Inference B", 3],
    ]);
    expect(view.now).toEqual({ allocated: 9, free: 1 });
    // Term: Feb 672 + Mar 744 + Apr 720 + May 744 + Jun 720 + Jul 744 = 4,344 h → capacity 43,440 AH.
    // A: 6 × (672 + 744 + 720) = 12,816; B: 3 × (720 + 744 + 720 + 744) = 8,784; free 43,440 − 21,600 = 21,840.
    expect(view.rows.map((r) => r.allocatedAh.toNumber())).toEqual([12_816, 8_784]);
    expect(view.term.capacityAh.toNumber()).toBe(43_440);
    expect(view.term.allocatedAh.toNumber()).toBe(21_600);
    expect(view.term.freeAh.toNumber()).toBe(21_840);
  });

  async function blockName() {
    const [r] = await handle.db.query.reservations.findMany({ where: (t, { eq: e }) => e(t.id, blockId) });
    return r!.name;
  }
});
