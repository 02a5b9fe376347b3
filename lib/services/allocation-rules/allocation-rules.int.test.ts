import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { allocationRules, auditLog, teams, workloads } from "@/lib/db/schema";
import { billingMonthlyDrift } from "@/lib/ingest/billing-monthly";
import { matchCharges } from "@/lib/ingest/matching";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { chargesOf, insertCharges, insertImport } from "@/lib/testing/charges";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { listAllocationRules, ruleConditions } from "@/lib/queries/allocation/rules";
import { archiveAllocationRule, unarchiveAllocationRule } from "./archive";
import { createAllocationRule } from "./create";
import { reorderAllocationRule } from "./reorder";
import { updateAllocationRule } from "./update";

const march = { chargePeriodStart: new Date("2026-03-05T00:00:00Z"), chargePeriodEnd: new Date("2026-03-06T00:00:00Z") };
const april = { chargePeriodStart: new Date("2026-04-05T00:00:00Z"), chargePeriodEnd: new Date("2026-04-06T00:00:00Z") };

describeOnEachEngine("allocation rule verbs", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let importId: number;
  const w: Record<"A" | "B" | "OLD", string> = { A: "", B: "", OLD: "" };
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    catalog = await insertCatalog(db);
    const [team] = await db.insert(teams).values({ name: "Research" }).returning();
    const rows = await db
      .insert(workloads)
      .values([
        { name: "Workload A", kind: "training", teamId: team!.id, activeFrom: "2026-01-01" },
        { name: "Workload B", kind: "inference", teamId: team!.id, activeFrom: "2026-01-01" },
        { name: "Old workload", kind: "research", teamId: team!.id, activeFrom: "2026-01-01", archivedAt: new Date() },
      ])
      .returning();
    [w.A, w.B, w.OLD] = rows.map((r) => r.id) as [string, string, string];
    importId = await insertImport(db);
    const p = catalog.provider.name;
    await insertCharges(db, importId, [
      // 1: storage in us-east-1, tagged platform: both rules below match it.
      {
        providerName: p,
        serviceName: "Object storage",
        regionId: "us-east-1",
        tags: { team: "platform" },
        effectiveCost: "10.25",
        ...march,
      },
      // 2: network, tagged platform (as user:team): only the second rule matches it.
      { providerName: p, serviceName: "Data transfer", tags: { "user:team": " platform " }, effectiveCost: "5.5", ...march },
      // 3: storage elsewhere, a month later.
      { providerName: p, serviceName: "object storage", regionId: "EU-WEST-1", resourceId: "vol-123", effectiveCost: "2.125", ...april },
      // 4: compute nobody allocates.
      { providerName: p, serviceName: "GPU compute", effectiveCost: "100", ...march },
    ]);
    await matchCharges(db, importId);
  });
  afterAll(() => handle.close());

  const admin = () => roleCtx(handle.db, "admin");
  const name = (id: string | null) => (id === w.A ? "A" : id === w.B ? "B" : id === null ? null : "?");
  const allocated = async () => (await chargesOf(handle.db, importId)).map((c) => name(c.workloadId));
  const rule = async (position: number) => {
    const [r] = await handle.db
      .select()
      .from(allocationRules)
      .where(sql`${allocationRules.position} = ${position} and ${allocationRules.archivedAt} is null`);
    return r!;
  };
  // billing_monthly stays the exact rollup, and its sums by workload and month are the charges'.
  const checkRollup = async () => {
    expect(await billingMonthlyDrift(handle.db)).toEqual([]);
    const by = (table: string, month: string) =>
      queryRows<{ k: string; amount: string }>(
        handle.db,
        sql.raw(`select ${month} || ':' || coalesce(workload_id::text, '-') as k, sum(effective_cost)::text as amount
          from ${table} c group by 1 order by 1`),
      );
    const monthly = await by("billing_monthly", "to_char(month, 'YYYY-MM')");
    const charges = await by("cost_line_items", "to_char(charge_period_start at time zone 'UTC', 'YYYY-MM')");
    expect(monthly.map((r) => [r.k, Number(r.amount)])).toEqual(charges.map((r) => [r.k, Number(r.amount)]));
  };
  const byWorkload = async () =>
    Object.fromEntries(
      (
        await queryRows<{ w: string | null; amount: string }>(
          handle.db,
          sql`select workload_id::text as w, sum(effective_cost)::text as amount from billing_monthly group by 1`,
        )
      ).map((r) => [name(r.w) ?? "-", Number(r.amount)]),
    );

  it("allocates past charges when rules are created: the first rule that matches wins, a charge it misses goes to the second", async () => {
    expect(await allocated()).toEqual([null, null, null, null]);
    const first = await createAllocationRule({
      ctx: admin(),
      input: { providerId: catalog.provider.id, serviceName: " OBJECT STORAGE ", regionId: "US-EAST-1", workloadId: w.A, notes: "" },
    });
    expect(first).toMatchObject({ position: 1, serviceName: "OBJECT STORAGE", notes: null, version: 1 });
    expect(await allocated()).toEqual(["A", null, null, null]);
    const second = await createAllocationRule({
      ctx: roleCtx(handle.db, "finance"),
      input: { tagKey: "team", tagValue: "platform", workloadId: w.B },
    });
    expect(second.position).toBe(2);
    expect(await allocated()).toEqual(["A", "B", null, null]);
    expect(await byWorkload()).toEqual({ A: 10.25, B: 5.5, "-": 102.125 });
    await checkRollup();
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, second.id));
    expect(entry).toMatchObject({ action: "allocation_rule.create", actor: "finance@example.com" });
  });

  it("re-allocates past charges when a rule moves, is edited, archived or unarchived", async () => {
    const second = await rule(2);
    const moved = await reorderAllocationRule({ ctx: admin(), input: { id: second.id, version: second.version, direction: "up" } });
    expect(moved).toMatchObject({ position: 1, version: 2 });
    expect((await rule(2)).serviceName).toBe("OBJECT STORAGE");
    expect(await allocated()).toEqual(["B", "B", null, null]);
    expect(await byWorkload()).toEqual({ B: 15.75, "-": 102.125 });
    await checkRollup();

    const storage = await rule(2);
    const edited = await updateAllocationRule({
      ctx: roleCtx(handle.db, "infra"),
      input: { id: storage.id, version: storage.version, changes: { regionId: "eu-west-1", resourceIdPrefix: "vol-" } },
    });
    expect(edited.version).toBe(2);
    expect(await allocated()).toEqual(["B", "B", "A", null]);
    await checkRollup();

    const archived = await archiveAllocationRule({ ctx: admin(), input: { id: moved.id, version: moved.version } });
    expect((await rule(1)).id).toBe(storage.id); // the rules after it move up
    expect(await allocated()).toEqual([null, null, "A", null]);
    expect(await byWorkload()).toEqual({ A: 2.125, "-": 115.75 });
    await checkRollup();

    const back = await unarchiveAllocationRule({ ctx: admin(), input: { id: archived.id, version: archived.version } });
    expect(back.position).toBe(2);
    expect(await allocated()).toEqual(["B", "B", "A", null]);
    await checkRollup();
  });

  it("inserts a rule at a given position, moving the later ones down", async () => {
    const created = await createAllocationRule({ ctx: admin(), input: { serviceName: "Data transfer", workloadId: w.A, position: 1 } });
    expect(created.position).toBe(1);
    expect(await allocated()).toEqual(["B", "A", "A", null]);
    const positions = await handle.db
      .select({ p: allocationRules.position })
      .from(allocationRules)
      .where(sql`archived_at is null`);
    expect(positions.map((r) => r.p).sort()).toEqual([1, 2, 3]);
    await archiveAllocationRule({ ctx: admin(), input: { id: created.id, version: created.version } });
    expect(await allocated()).toEqual(["B", "B", "A", null]);
    await checkRollup();
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const snapshot = async () => ({
      rules: await handle.db.select().from(allocationRules).orderBy(allocationRules.id),
      charges: await allocated(),
      audit: (await handle.db.select().from(auditLog)).length,
    });
    const before = await snapshot();
    const refused = async (input: unknown, verb = createAllocationRule) => {
      const e = await verb({ ctx: admin(), input }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(Error);
      return e as ValidationError;
    };
    expect((await refused({ workloadId: w.A, notes: "everything" })).message).toMatch(/Name at least one of provider, service/);
    const tag = await refused({ tagKey: "team", workloadId: w.A });
    expect(tag.fieldErrors.tagValue?.[0]).toMatch(/both the tag key and its value/);
    expect((await refused({ serviceName: "x", workloadId: "00000000-0000-4000-8000-000000000000" })).fieldErrors.workloadId?.[0]).toMatch(
      /does not exist/,
    );
    expect((await refused({ serviceName: "x", workloadId: w.OLD })).fieldErrors.workloadId?.[0]).toMatch(/Old workload is archived/);
    expect((await refused({ serviceName: "x" })).fieldErrors.workloadId?.[0]).toMatch(/Choose the workload/);
    const first = await rule(1);
    const last = await rule(2);
    expect((await refused({ id: first.id, version: first.version, direction: "up" }, reorderAllocationRule)).message).toMatch(
      /already the first/,
    );
    expect((await refused({ id: last.id, version: last.version, direction: "down" }, reorderAllocationRule)).message).toMatch(
      /already the last/,
    );
    expect(await refused({ id: first.id, version: first.version - 1, changes: { skuId: "x" } }, updateAllocationRule)).toBeInstanceOf(
      ConflictError,
    );
    const cleared = await refused(
      { id: first.id, version: first.version, changes: { serviceName: "", regionId: null, resourceIdPrefix: null, providerId: null } },
      updateAllocationRule,
    );
    expect(cleared.message).toMatch(/Name at least one/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses viewers (no allocation.write) and changes nothing", async () => {
    const before = await handle.db.select().from(allocationRules).orderBy(allocationRules.id);
    const viewer = roleCtx(handle.db, "viewer");
    const r = await rule(1);
    await expect(createAllocationRule({ ctx: viewer, input: { serviceName: "x", workloadId: w.A } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      updateAllocationRule({ ctx: viewer, input: { id: r.id, version: r.version, changes: { skuId: "x" } } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveAllocationRule({ ctx: viewer, input: { id: r.id, version: r.version } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reorderAllocationRule({ ctx: viewer, input: { id: r.id, version: r.version, direction: "down" } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await handle.db.select().from(allocationRules).orderBy(allocationRules.id)).toEqual(before);
  });

  it("lists the rules in order with their workload and the charges and cost each one caught", async () => {
    const rows = await listAllocationRules(roleCtx(handle.db, "viewer"));
    const live = rows.filter((r) => r.archivedAt === null);
    // The tag rule came back last when it was unarchived.
    expect(live.map((r) => [r.position, ruleConditions(r).join(" and "), r.workloadName, r.charges, r.cost])).toEqual([
      [
        1,
        `Provider ${catalog.provider.name} and Service OBJECT STORAGE and Region eu-west-1 and Resource id vol-…`,
        "Workload A",
        1,
        [{ currency: "USD", amount: "2.1250000000" }],
      ],
      [2, "Tag team=platform", "Workload B", 2, [{ currency: "USD", amount: "15.7500000000" }]],
    ]);
    expect(rows.filter((r) => r.archivedAt !== null).map((r) => r.charges)).toEqual([0]);
  });
});
