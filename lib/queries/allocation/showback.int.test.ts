import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { seedDemo } from "@/lib/demo";
import { Dec } from "@/lib/metrics/decimal";
import { centsKeepingSum, ownCost } from "@/lib/metrics/showback";
import { getCostsView } from "@/lib/queries/costs";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { getShowback } from "./showback";

const AS_OF = new Date("2026-11-17T09:30:00Z");
const FROM = new Date("2026-01-01T00:00:00Z");
const TO = new Date("2027-03-01T00:00:00Z");

describeOnEachEngine("showback on the demo data", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await seedDemo(handle.db, { demoPassword: "demo password 1", asOf: AS_OF });
    viewer = roleCtx(handle.db, "viewer");
  }, 180_000);
  afterAll(() => handle?.close());

  it("adds up, every month and by every pool rule, to the Costs page's total to the cent", async () => {
    const costs = await getCostsView(
      viewer,
      { from: FROM, to: TO, provider: null, family: null, site: null },
      { asOf: AS_OF, fxRates: {} },
    );
    for (const rule of [{ kind: "proportional" }, { kind: "even" }] as const) {
      const months = await getShowback(viewer, { from: FROM, to: TO, rule, asOf: AS_OF });
      expect(months).toHaveLength(costs.spend.length);
      months.forEach((m, j) => {
        const label = `${m.month.from.toISOString().slice(0, 7)} ${rule.kind}`;
        expect(m.total.toFixed(2), label).toBe(costs.spend[j]!.total.toFixed(2));
        const own = [...m.byWorkload.values()].reduce((s, c) => s.plus(ownCost(c)), new Dec(0));
        const shared = [...m.sharedByTeam.values()].reduce((s, v) => s.plus(v), new Dec(0));
        expect(own.plus(shared).plus(m.unallocated).minus(m.total).abs().lt("1e-20"), label).toBe(true);
        // Rounded for display, the rows still add up to the rounded total.
        const rows = [...[...m.byWorkload.values()].map(ownCost), ...m.sharedByTeam.values(), m.unallocated];
        const cents = centsKeepingSum(rows, m.total);
        expect(cents.reduce((s, c) => s.plus(c), new Dec(0)).toFixed(2), label).toBe(m.total.toFixed(2));
      });
      // The demo allocates most of every reserved block: workloads carry most of a past month's cost.
      const october = months.find((m) => m.month.from.toISOString().startsWith("2026-10"))!;
      const own = [...october.byWorkload.values()].reduce((s, c) => s.plus(ownCost(c)), new Dec(0));
      expect(october.total.toNumber()).toBeGreaterThan(1_000_000);
      expect(own.div(october.total).toNumber()).toBeGreaterThan(0.5);
      expect(october.pool.cost.gt(0)).toBe(true); // the free pools are not empty
    }
  });

  it("puts the whole shared pool on one team when the rule says so", async () => {
    const [m] = await getShowback(viewer, {
      from: new Date("2026-06-01T00:00:00Z"),
      to: new Date("2026-07-01T00:00:00Z"),
      rule: { kind: "team", teamId: "T" },
      asOf: AS_OF,
    });
    expect([...m!.sharedByTeam.keys()]).toEqual(["T"]);
    expect(m!.sharedByTeam.get("T")!.eq(m!.pool.cost)).toBe(true);
  });

  it("gives the charges tied to no block to the workload their allocation rule names", async () => {
    const [m] = await getShowback(viewer, {
      from: new Date("2026-10-01T00:00:00Z"),
      to: new Date("2026-11-01T00:00:00Z"),
      rule: { kind: "proportional" },
      asOf: AS_OF,
    });
    const expected = await queryRows<{ name: string; id: string; amount: string }>(
      handle.db,
      sql`select w.name, w.id::text as id, sum(b.effective_cost)::text as amount
          from billing_monthly b join imports i on i.id = b.import_id join workloads w on w.id = b.workload_id
          where i.status = 'succeeded' and b.month = '2026-10-01' and b.reservation_id is null and b.billing_currency = 'USD'
          group by 1, 2 order by 1`,
    );
    // The demo's rules (lib/demo/allocation-rules.ts) catch its storage and network charges.
    expect(expected.map((e) => e.name)).toEqual([
      "Chat inference",
      "Cluster platform and evals",
      "Frontier pre-training",
      "Post-training and fine-tunes",
    ]);
    for (const e of expected) expect(m!.byWorkload.get(e.id)!.directCost.toFixed(), e.name).toBe(new Dec(e.amount).toFixed());
    const own = [...m!.byWorkload.values()].reduce((s, c) => s.plus(ownCost(c)), new Dec(0));
    const shared = [...m!.sharedByTeam.values()].reduce((s, v) => s.plus(v), new Dec(0));
    expect(own.plus(shared).plus(m!.unallocated).eq(m!.total)).toBe(true);
  });
});
