import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, auditLog, budgets } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { archiveBudget } from "@/lib/services/budgets/archive";
import { createBudget } from "@/lib/services/budgets/create";
import { updateBudget } from "@/lib/services/budgets/update";
import { insertCharges, insertImport } from "@/lib/testing/charges";
import { insertCatalog, insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getBudgetDetail, getBudgetsView } from "./index";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const AS_OF = new Date("2026-03-10T12:00:00Z");
const RATES = { EUR: "1.1" };

describeOnEachEngine("budgets", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  let family: string;
  const finance = () => roleCtx(handle.db, "finance");
  const budget = (input: Record<string, unknown>) =>
    createBudget({
      ctx: finance(),
      input: {
        periodKind: "month",
        amount: "12000",
        actualThresholdPct: "80",
        forecastThresholdPct: "100",
        activeFrom: "2026-01-01",
        ...input,
      },
    });
  const view = (at: string) =>
    getBudgetsView(roleCtx(handle.db, "viewer"), { at: d(at), archived: false }, { asOf: AS_OF, fxRates: RATES });

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    cat = await insertCatalog(handle.db);
    family = uniq("FAM");
    const [type] = await handle.db
      .insert(acceleratorTypes)
      .values({ name: `${family} type`, vendor: "NVIDIA", family, memoryGb: "80", bf16Tflops: "989.5", systemW: 1400, h100Equivalent: "1" })
      .returning();
    // 8 accelerators reserved Jan–Apr 2026 at $2/h, of the test's own family.
    const block = await insertReservationRow(handle.db, cat, {
      acceleratorTypeId: type!.id,
      quantity: 8,
      startAt: d("2026-01-01"),
      endAt: d("2026-05-01"),
      rate: "2",
      status: "active",
    });
    // January billed: 8 × 744 h × $2 = $11,904 under the block, and $12.34 of storage tied to no accelerator type.
    const importId = await insertImport(handle.db);
    const charge = { providerId: cat.provider.id, chargePeriodStart: d("2026-01-01"), chargePeriodEnd: d("2026-02-01") };
    await insertCharges(handle.db, importId, [
      { ...charge, acceleratorTypeId: type!.id, reservationId: block.id, billedCost: "11904", effectiveCost: "11904", listCost: "11904" },
      { ...charge, billedCost: "12.34", effectiveCost: "12.34", listCost: "12.34" },
    ]);
  });
  afterAll(() => handle?.close());

  it("sets a provider's month against the Costs page's actual, and its quarter against actual + planned remainder", async () => {
    const month = await budget({ name: uniq("Cloud monthly"), scopeKind: "provider", providerId: cat.provider.id });
    const quarter = await budget({ name: uniq("Family quarterly"), scopeKind: "family", family, periodKind: "quarter", amount: "30000" });
    const jan = (await view("2026-01")).rows.find((r) => r.id === month.id)!;
    // January is billed: actual 11,904 + 12.34 = 11,916.34, nothing planned; 99.3028…% ≥ 80 % crossed, < 100 % forecast not.
    expect([jan.status!.actual.toFixed(2), jan.status!.forecast.toFixed(2), jan.status!.remaining.toFixed(2)]).toEqual([
      "11916.34",
      "11916.34",
      "83.66",
    ]);
    expect(jan.status!.thresholds.map((t) => t.crossed)).toEqual([true, false]);
    // Q1 of the family: actual January 11,904 (the storage has no family); planned Feb 8 × 672 × 2 = 10,752 and
    // March 8 × 744 × 2 = 11,904 → forecast 34,560, 115.2 % of 30,000: the forecast threshold is crossed.
    const q1 = (await view("2026-02")).rows.find((r) => r.id === quarter.id)!;
    expect(q1.period).toEqual({ from: d("2026-01-01"), to: d("2026-04-01") });
    expect([q1.status!.actual.toFixed(2), q1.status!.forecast.toFixed(2), q1.status!.forecastPct.toFixed(1)]).toEqual([
      "11904.00",
      "34560.00",
      "115.2",
    ]);
    expect(q1.status!.thresholds.map((t) => t.crossed)).toEqual([false, true]);
  });

  it("takes a lab budget's figures from the unfiltered Costs page, and converts a budget in another currency", async () => {
    const lab = await budget({ name: uniq("Lab"), scopeKind: "lab", amount: "100000", currency: "EUR" });
    const row = (await view("2026-02")).rows.find((r) => r.id === lab.id)!;
    const { view: costs } = await getCostsFromUrl(
      roleCtx(handle.db, "viewer"),
      new URLSearchParams({ from: "2026-02", to: "2026-02" }),
      AS_OF,
      RATES,
    );
    expect(row.status!.forecast.toFixed()).toBe(costs.spend[0]!.total.toFixed());
    expect(row.amountUsd!.toFixed()).toBe("110000");
  });

  it("shows a budget's periods up to the current one, only those it is active in", async () => {
    const b = await budget({ name: uniq("History"), scopeKind: "provider", providerId: cat.provider.id, activeFrom: "2025-12-01" });
    const detail = (await getBudgetDetail(roleCtx(handle.db, "viewer"), b.id, { asOf: AS_OF, fxRates: RATES }))!;
    expect(detail.periods.map((p) => p.period.from.toISOString().slice(0, 7))).toEqual(["2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(detail.periods[1]!.status!.actual.toFixed(2)).toBe("11916.34");
  });

  it("refuses bad input naming the field, and changes nothing", async () => {
    const count = async () => (await handle.db.select({ id: budgets.id }).from(budgets)).length;
    const before = await count();
    const refusal = (input: Record<string, unknown>) =>
      budget({ name: uniq("Bad"), scopeKind: "lab", ...input }).then(
        () => null,
        (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e),
      );
    expect(await refusal({ amount: "-5" })).toMatchObject({ amount: ["Amount must be 0 or more."] });
    expect(await refusal({ amount: "0" })).toMatchObject({ amount: ["Amount must be more than 0."] });
    expect(await refusal({ scopeKind: "provider" })).toMatchObject({ providerId: ["Choose a provider for a provider budget."] });
    expect(await refusal({ scopeKind: "family", family: "NoSuchChip" })).toMatchObject({
      family: ["No accelerator type has the family NoSuchChip."],
    });
    expect(await refusal({ activeTo: "2025-06-01" })).toMatchObject({ activeTo: ["The end date must be after the start date."] });
    expect(await refusal({ forecastThresholdPct: "abc" })).toMatchObject({
      forecastThresholdPct: ["Forecast threshold must be a number."],
    });
    expect(await count()).toBe(before);
  });

  it("edits with the version, audits, and archives out of the list", async () => {
    const b = await budget({ name: uniq("Edited"), scopeKind: "lab" });
    const edited = await updateBudget({ ctx: finance(), input: { id: b.id, version: 1, changes: { amount: "15000.50" } } });
    expect(edited).toMatchObject({ amount: "15000.5000", version: 2 });
    const stale = await updateBudget({ ctx: finance(), input: { id: b.id, version: 1, changes: { amount: "1" } } }).catch(
      (e: Error) => e.message,
    );
    expect(stale).toMatch(/was changed by finance@example.com after you opened it/);
    await archiveBudget({ ctx: finance(), input: { id: b.id, version: 2 } });
    expect((await view("2026-01")).rows.some((r) => r.id === b.id)).toBe(false);
    const trail = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, b.id));
    expect(trail.map((t) => t.action).sort()).toEqual(["budget.archive", "budget.create", "budget.update"]);
  });
});
