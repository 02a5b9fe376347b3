import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { Dec } from "@/lib/metrics/decimal";
import { centsKeepingSum, ownCost } from "@/lib/metrics/showback";
import { getCostsView } from "@/lib/queries/costs";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { eq } from "drizzle-orm";
import { auditLog, teams } from "@/lib/db/schema";
import { setPoolRule } from "@/lib/services/pool-rules/set";
import { csvLine } from "@/lib/csv/write";
import { chargebackRows, CHARGEBACK_HEADER } from "./chargeback";
import { getShowback } from "./showback";
import { getShowbackView, parseShowbackRange } from "./showback-view";

const AS_OF = new Date("2026-11-17T09:30:00Z");
const FROM = new Date("2026-01-01T00:00:00Z");
const TO = new Date("2027-03-01T00:00:00Z");

describeOnEachEngine("showback on the demo data", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
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

  it("distributes each family's pool by the rule the admin set for it, still adding up", async () => {
    const admin = roleCtx(handle.db, "admin");
    const [platform] = await handle.db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Platform"));
    await expect(setPoolRule({ ctx: viewer, input: { family: "H100", kind: "even" } })).rejects.toThrow();
    await expect(setPoolRule({ ctx: roleCtx(handle.db, "finance"), input: { family: "H100", kind: "even" } })).rejects.toThrow();
    await expect(setPoolRule({ ctx: admin, input: { family: "H100", kind: "team" } })).rejects.toThrow(/team/i);
    await expect(setPoolRule({ ctx: admin, input: { family: "Nope", kind: "even" } })).rejects.toThrow(/family/i);
    await setPoolRule({ ctx: admin, input: { family: "H100", kind: "team", teamId: platform!.id } });
    await setPoolRule({ ctx: admin, input: { family: "H200", kind: "even" } });
    try {
      const months = await getShowback(viewer, { from: FROM, to: TO, asOf: AS_OF });
      const proportional = await getShowback(viewer, { from: FROM, to: TO, rule: { kind: "proportional" }, asOf: AS_OF });
      let sawH100 = false;
      months.forEach((m, j) => {
        const label = m.month.from.toISOString().slice(0, 7);
        const h100 = m.pools.get("H100");
        if (h100 && h100.cost.gt(0)) {
          sawH100 = true;
          expect([...h100.sharedByTeam.keys()], label).toEqual([platform!.id]);
          expect(h100.rule).toEqual({ kind: "team", teamId: platform!.id });
        }
        const h200 = m.pools.get("H200");
        if (h200 && h200.sharedByTeam.size > 1) {
          const values = [...h200.sharedByTeam.values()];
          // Even: every team holding H200 gets the same share, up to the last part's remainder.
          expect(
            values.every((v) => v.minus(values[0]!).abs().lt("1e-15")),
            label,
          ).toBe(true);
        }
        // Families without a rule are as proportional.
        const b200 = m.pools.get("B200");
        if (b200) expect(b200.rule.kind, label).toBe("proportional");
        expect(m.total.eq(proportional[j]!.total), label).toBe(true);
        const own = [...m.byWorkload.values()].reduce((s, c) => s.plus(ownCost(c)), new Dec(0));
        const shared = [...m.sharedByTeam.values()].reduce((s, v) => s.plus(v), new Dec(0));
        expect(own.plus(shared).plus(m.unallocated).minus(m.total).abs().lt("1e-20"), label).toBe(true);
      });
      expect(sawH100).toBe(true);
      const entries = await handle.db.select().from(auditLog).where(eq(auditLog.action, "pool_rule.set"));
      expect(entries.map((e) => e.entityId).sort()).toEqual(["H100", "H200"]);
    } finally {
      await setPoolRule({ ctx: admin, input: { family: "H100", kind: "proportional" } });
      await setPoolRule({ ctx: admin, input: { family: "H200", kind: "proportional" } });
    }
  });

  it("shows every month adding up to the Costs page's total, rolled up through the teams, and the chargeback CSV adds up", async () => {
    const view = await getShowbackView(viewer, { from: FROM, to: TO }, AS_OF);
    expect(view.months).toHaveLength(14);
    const csv = [...chargebackRows(view)].map((r) => csvLine(r).trimEnd().split(","));
    const col = (name: (typeof CHARGEBACK_HEADER)[number]) => CHARGEBACK_HEADER.indexOf(name);
    for (const m of view.months) {
      const label = m.key;
      expect(m.difference.isZero(), label).toBe(true);
      expect(m.teamsSum.plus(m.unallocated).toFixed(2), label).toBe(m.costsTotal.toFixed(2));
      expect(m.total.toFixed(2), label).toBe(m.costsTotal.toFixed(2));
      // The top-level teams' rolled rows hold every team's own cost once.
      const top = view.teams.filter((t) => t.parentId === null).reduce((s, t) => s.plus(m.teams.get(t.id)!.rolled.total), new Dec(0));
      expect(top.eq(m.teamsSum), label).toBe(true);
      // A parent's row = its own + its children's.
      for (const t of view.teams) {
        const kids = view.teams.filter((k) => k.parentId === t.id);
        const rolled = kids.reduce((s, k) => s.plus(m.teams.get(k.id)!.rolled.total), m.teams.get(t.id)!.own.total);
        expect(rolled.eq(m.teams.get(t.id)!.rolled.total), `${label} ${t.name}`).toBe(true);
      }
      // Each team's own = Σ its workloads' rounded components + its shared.
      const rows = csv.filter((r) => r[col("month")] === m.key);
      expect(rows.at(-1)![col("team")]).toBe("Unallocated");
      const sum = rows.reduce((s, r) => s.plus(r[col("total")]!), new Dec(0));
      expect(sum.toFixed(2), label).toBe(m.costsTotal.toFixed(2));
      for (const r of rows.slice(0, -1)) {
        const parts = (["used_cost", "idle_cost", "unmeasured_cost", "direct_cost", "shared_cost"] as const).reduce(
          (s, k) => s.plus(r[col(k)]!),
          new Dec(0),
        );
        expect(parts.toFixed(2), `${label} ${r[0]}`).toBe(r[col("total")]);
      }
    }
    // Past months are billed in the demo; far-future ones planned.
    expect(view.months.at(-1)!.source).toBe("planned");
    const research = view.teams.find((t) => t.name === "Research")!;
    const october = view.months.find((m) => m.key === "2026-10")!;
    expect(october.teams.get(research.id)!.rolled.total.gt(october.teams.get(research.id)!.own.total)).toBe(true);
    expect(csv.some((r) => r[col("team")] === "Pre-training" && r[col("parent_path")] === "Research")).toBe(true);
  });

  it("reads the range from the URL: the last 3 complete months and the current one by default", () => {
    const now = new Date("2026-11-17T09:30:00Z");
    const iso = (r: { from: Date; to: Date }) => [r.from.toISOString().slice(0, 10), r.to.toISOString().slice(0, 10)];
    expect(iso(parseShowbackRange({}, now))).toEqual(["2026-08-01", "2026-12-01"]);
    expect(iso(parseShowbackRange({ from: "2026-03", to: "2026-01" }, now))).toEqual(["2026-01-01", "2026-04-01"]);
    expect(iso(parseShowbackRange(new URLSearchParams("from=2026-02&to=2026-02"), now))).toEqual(["2026-02-01", "2026-03-01"]);
    expect(iso(parseShowbackRange({ from: "junk" }, now))).toEqual(["2026-08-01", "2026-12-01"]);
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
