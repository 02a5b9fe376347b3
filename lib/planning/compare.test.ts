import { describe, expect, it } from "vitest";
import { utcMonths } from "@/lib/metrics/calendar";
import { applyScenario } from "./apply";
import { compareSummaries, runwayShiftMonths, summarizeScenario } from "./compare";
import type { ObservedUse } from "./observed";
import { scenarioOverridesSchema } from "./overrides";
import type { PlanningBlock, PlanningModel } from "./types";

const t = (s: string) => new Date(`${s}T00:00:00Z`);
const SITE = "00000000-0000-4000-8000-000000000021";
const month = (s: string) => ({ from: t(`${s}-01`), to: new Date(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 1)) });

const block = (over: Partial<PlanningBlock>): PlanningBlock => ({
  id: "h100",
  name: "H100 block",
  providerId: "p",
  providerName: "Azure",
  providerKind: "hyperscaler",
  siteId: SITE,
  siteName: "Alpha",
  acceleratorTypeId: "t1",
  typeName: "H100",
  family: "H100",
  vendor: "NVIDIA",
  quantity: 10,
  startAt: t("2026-01-01"),
  endAt: t("2026-03-01"),
  pricingModel: "reserved",
  rate: "2",
  currency: "USD",
  contractId: null,
  status: "active",
  h100eFactor: "1",
  systemW: 1000,
  bf16Tflops: "989.4",
  ...over,
});

// Jan 2026 = 744 h, Feb = 672 h, Mar = 744 h; observed Oct–Dec 2025 = 92 days = 2,208 h.
const model: PlanningModel = {
  asOf: t("2026-01-10"),
  scenario: null,
  blocks: [
    block({}),
    block({ id: "gb200", name: "GB200 block", family: "GB200", quantity: 4, h100eFactor: "2.5", systemW: 2000, pricingModel: "on_demand", rate: "5", startAt: t("2026-02-01"), endAt: t("2026-04-01") }),
    block({ id: "eur", name: "EUR block", currency: "EUR", quantity: 1, startAt: t("2030-01-01"), endAt: t("2031-01-01") }),
  ],
  sites: [{ id: SITE, name: "Alpha", providerId: "p", providerName: "Azure", pue: "1.5", budgets: [{ effectiveFrom: t("2026-01-01"), effectiveTo: null, contractedMw: "0.1" }] }],
  demandPlans: [
    { id: "d1", name: "Run", family: "GB200", h100e: "10", accelerators: 4, startAt: t("2026-03-01"), endAt: t("2026-04-01"), priority: 1, kind: "training", scenarioId: null },
    { id: "d0", name: "Already running", family: "H100", h100e: "1000", accelerators: null, startAt: t("2025-06-01"), endAt: t("2026-12-01"), priority: 1, kind: "inference", scenarioId: null },
  ],
  demandGrowthPct: "0",
  catalog: { providers: [], acceleratorTypes: [] },
  warnings: [],
};

const observed: ObservedUse = {
  period: { from: t("2025-10-01"), to: t("2026-01-01") },
  byReservation: [
    { reservationId: "h100", family: "H100", factor: "1", usedAh: "11040", capacityAh: "22080" }, // 11,040 ÷ 2,208 h = 5 H100e
    { reservationId: "gb200", family: "GB200", factor: "2.5", usedAh: "2208", capacityAh: "4416" }, // 2,208 × 2.5 ÷ 2,208 = 2.5 H100e; 50 % used
  ],
};

const MONTHS = utcMonths(t("2026-01-01"), 3);
const s = (values: { toString(): string }[]) => values.map((v) => v.toString());

describe("summarizeScenario", () => {
  const summary = summarizeScenario(model, observed, MONTHS);

  it("computes capacity and demand in H100e·h per family and the runway as the first month demand exceeds capacity", () => {
    const h100 = summary.byFamily.find((f) => f.family === "H100")!;
    expect(s(h100.capacity)).toEqual(["7440", "6720", "0"]); // 10 × 744, 10 × 672, ended
    expect(s(h100.demand)).toEqual(["3720", "3360", "3720"]); // 5 H100e × hours; the running plan is in observed use
    expect(h100.runway).toEqual(month("2026-03"));
    const gb200 = summary.byFamily.find((f) => f.family === "GB200")!;
    expect(s(gb200.capacity)).toEqual(["0", "6720", "7440"]); // 4 × 672 × 2.5, 4 × 744 × 2.5
    expect(s(gb200.demand)).toEqual(["1860", "1680", "9300"]); // 2.5 × 744, 2.5 × 672, 2.5 × 744 + 10 × 744
    expect(gb200.runway).toEqual(month("2026-01"));
    expect(s(summary.overall.capacity)).toEqual(["7440", "13440", "7440"]);
    expect(s(summary.overall.demand)).toEqual(["5580", "5040", "13020"]);
    expect(summary.overall.runway).toEqual(month("2026-03"));
  });

  it("plans spend in USD: reserved capacity × rate, on-demand capacity × observed utilization × rate", () => {
    // Jan: 7,440 AH × $2 = 14,880; Feb: 6,720 × 2 + 2,688 AH × 50 % × $5 = 13,440 + 6,720; Mar: 2,976 × 50 % × 5 = 7,440
    expect(summary.spend.monthly.map((m) => [m.reserved.toString(), m.usageBased.toString(), m.total.toString()])).toEqual([
      ["14880", "0", "14880"],
      ["13440", "6720", "20160"],
      ["0", "7440", "7440"],
    ]);
    expect(summary.spend.total.toString()).toBe("42480");
    expect(summary.spend.otherCurrencyBlocks).toBe(1);
  });

  it("finds each site's tightest headroom: budget − IT MW × PUE", () => {
    // Feb: (10 × 1,000 W + 4 × 2,000 W) = 0.018 MW × 1.5 = 0.027 MW → 0.1 − 0.027 = 0.073 MW
    const [alpha] = summary.headroom;
    expect(s(alpha!.monthly.map((p) => p.headroomMw))).toEqual(["0.085", "0.073", "0.088"]);
    expect(alpha!.tightest.month).toEqual(month("2026-02"));
    expect(alpha!.overBudgetMonths).toBe(0);
  });
});

describe("compareSummaries", () => {
  it("shows a scenario's extra block, demand growth and PUE against the baseline, row for row", () => {
    const scenario = applyScenario(
      { ...model, catalog: { providers: [{ id: "p", name: "Azure", kind: "hyperscaler" }], acceleratorTypes: [{ id: "t2", name: "GB200", family: "GB200", vendor: "NVIDIA", h100eFactor: "2.5", systemW: 2000, bf16Tflops: "2500" }] } },
      scenarioOverridesSchema.parse({
        demandGrowthPct: "100",
        pueBySite: { [SITE]: "3" },
        addReservations: [{ name: "Extra GB200", providerId: "00000000-0000-4000-8000-000000000001", siteId: SITE, acceleratorTypeId: "00000000-0000-4000-8000-000000000002", quantity: 8, startAt: "2026-01-01", endAt: "2026-04-01", pricingModel: "reserved", rate: "1" }],
      }),
    );
    // The added block names ids the catalog lacks, so it is left out with a warning; PUE and growth still apply.
    expect(scenario.warnings).toHaveLength(1);
    const a = summarizeScenario(model, observed, MONTHS);
    const b = summarizeScenario(scenario, observed, MONTHS);
    const rows = compareSummaries(a, b);
    // Growth 100 %: H100 demand 7,440 and 6,720 equal capacity in Jan and Feb (not above it), so its runway stays March;
    // overall demand in Jan is 5,580 × 2 = 11,160 > 7,440, so the overall runway moves to January. Families with equal
    // capacity (14,160 H100e·h each) are listed alphabetically.
    expect(rows.runway.map((r) => [r.label, r.a?.from.toISOString().slice(0, 7), r.b?.from.toISOString().slice(0, 7)])).toEqual([
      ["All families", "2026-03", "2026-01"],
      ["GB200", "2026-01", "2026-01"],
      ["H100", "2026-03", "2026-03"],
    ]);
    expect(rows.spend.map((r) => r.delta.toString())).toEqual(["0", "0", "0"]);
    // PUE 3: Feb 0.018 × 3 = 0.054 → 0.046 MW
    expect(rows.headroom[0]!.b!.tightest.headroomMw.toString()).toBe("0.046");
    expect(runwayShiftMonths(rows.runway[0]!.a, rows.runway[0]!.b)).toBe(-2);
    expect(runwayShiftMonths(null, rows.runway[0]!.b)).toBeNull();
  });
});
