import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { addUtcDays } from "@/lib/metrics/calendar";
import { insertCharges, insertImport, type ChargeValues } from "@/lib/testing/charges";
import { insertCatalog, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { anomalyRule } from "@/lib/alerts/rules/anomaly";
import { findAnomalies } from "./index";
import { getAnomaliesView } from "./view";

const FIRST = new Date("2026-01-01T00:00:00Z");
const SPIKE = new Date("2026-03-09T00:00:00Z");
const AS_OF = new Date("2026-03-10T12:00:00Z");
const NEW_BLOCK = new Date("2026-03-07T00:00:00Z");

function daily(cat: Catalog, serviceName: string, skuId: string, cost: (day: Date) => string, values: ChargeValues = {}): ChargeValues[] {
  const rows: ChargeValues[] = [];
  for (let day = FIRST; day <= SPIKE; day = addUtcDays(day, 1)) {
    const c = cost(day);
    if (c === "0") continue;
    rows.push({
      providerId: cat.provider.id,
      serviceName,
      skuId,
      resourceId: `res-${skuId}`,
      chargePeriodStart: day,
      chargePeriodEnd: addUtcDays(day, 1),
      billedCost: c,
      effectiveCost: c,
      ...values,
    });
  }
  return rows;
}

describeOnEachEngine("anomalies", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    cat = await insertCatalog(handle.db);
    const block = await insertReservationRow(handle.db, cat, {
      startAt: NEW_BLOCK,
      endAt: new Date("2026-09-01T00:00:00Z"),
      quantity: 8,
      rate: "2.5",
      status: "active",
    });
    const importId = await insertImport(handle.db);
    const wobble = (day: Date) => (day.getUTCDate() % 3) * 2;
    await insertCharges(handle.db, importId, [
      ...daily(cat, "Object storage", "hot", (day) => (day.getTime() === SPIKE.getTime() ? "400" : String(100 + wobble(day)))),
      ...daily(cat, "Object storage", "cold", (day) => String(50 + wobble(day))),
      ...daily(cat, "GPU compute", "support", (day) => String(200 + wobble(day))),
      // The new reserved block bills its planned cost, 8 × 24 h × $2.50 = $480 a day, from its first day.
      ...daily(cat, "GPU compute", "h100-hour", (day) => (day >= NEW_BLOCK ? "480" : "0"), { reservationId: block.id }),
    ]);
  });

  afterAll(async () => {
    await handle.close();
  });

  it("finds a billed series' spike with the SKU that drives it", async () => {
    const found = await findAnomalies(roleCtx(handle.db, "viewer"), { asOf: AS_OF, days: 3 });
    const mine = found.filter((a) => a.providerId === cat.provider.id);
    expect(mine).toHaveLength(1);
    const a = mine[0]!;
    expect(a).toMatchObject({ kind: "service", serviceName: "Object storage", day: "2026-03-09", direction: "spike", basis: ["seasonal"] });
    expect(Number(a.actual)).toBe(400 + 50 + (9 % 3) * 2);
    // The 8 Mondays before: 150 + 2 × wobble = 158, 158, 154, 150, 158, 158, 154, 150 → median (154 + 158) ÷ 2.
    expect(a.expected).toBe("156.00");
    expect(a.drivers[0]).toMatchObject({ label: "hot · res-hot", kind: "seasonal" });
    // hot against its own Monday median, 103.
    expect(a.drivers[0]!.delta).toBe("297.00");
  });

  it("raises nothing for a new reserved block's first days: they are expected at its planned cost", async () => {
    const found = await findAnomalies(roleCtx(handle.db, "viewer"), { asOf: AS_OF, days: 3 });
    expect(found.filter((a) => a.providerId === cat.provider.id && a.serviceName === "GPU compute")).toEqual([]);
  });

  it("gives the page its filtered rows and the anomalous series' daily actual vs expected, the spike marked", async () => {
    const view = await getAnomaliesView(roleCtx(handle.db, "viewer"), { provider: cat.provider.id, kind: "service", series: null }, AS_OF);
    expect(view.rows.map((a) => [a.day, a.serviceName])).toEqual([["2026-03-09", "Object storage"]]);
    expect(view.to).toBe("2026-03-09");
    expect(view.chart?.key).toBe(view.rows[0]!.seriesKey);
    expect(view.chart!.points).toHaveLength(30);
    expect(view.chart!.points.filter((p) => p.flagged !== null).map((p) => p.title)).toEqual(["2026-03-09"]);
    expect(view.seriesOptions.map((o) => o.label).sort()).toEqual([
      `${cat.provider.name} · GPU compute`,
      `${cat.provider.name} · Object storage`,
    ]);
  });

  it("fires the anomaly alert rule once per series with the page's figures, within its scope only", async () => {
    const ctx = roleCtx(handle.db, "viewer");
    const rule = { id: "r", name: "Bills", severity: "warning" as const, scopeKind: "provider" as const, scopeValue: cat.provider.id };
    const findings = await anomalyRule.evaluate(ctx, { ...rule, params: { days: 3, series: "service" } }, AS_OF);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    const [a] = (await findAnomalies(ctx, { asOf: AS_OF, days: 3 })).filter((x) => x.providerId === cat.provider.id);
    expect(f!.subjectKey).toBe(`series:${a!.seriesKey}`);
    expect(f!.detail).toMatchObject({ day: "2026-03-09", actual: a!.actual, expected: "156.00" });
    expect(f!.summary).toContain("against $156.00 expected");
    expect(f!.summary).toContain("driven by hot · res-hot");
    expect(f!.scope).toMatchObject({ provider: cat.provider.id });
    // Only utilization asked for, or another provider's scope: nothing.
    expect(await anomalyRule.evaluate(ctx, { ...rule, params: { days: 3, series: "utilization" } }, AS_OF)).toEqual([]);
    const other = { ...rule, scopeValue: "00000000-0000-4000-8000-000000000000" };
    expect(await anomalyRule.evaluate(ctx, { ...other, params: { days: 3, series: "all" } }, AS_OF)).toEqual([]);
  });
});
