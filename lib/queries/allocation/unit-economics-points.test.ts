import { describe, expect, it } from "vitest";
import { dec } from "@/lib/metrics/decimal";
import type { UnitEconomicsMonth, UnitEconomicsWorkload } from "./unit-economics";
import { trendPoints, unitPrice, unitTableRows } from "./unit-economics-points";

const m = (iso: string, over: Partial<UnitEconomicsMonth>): UnitEconomicsMonth => ({
  month: new Date(`${iso}-01T00:00:00Z`),
  daysInMonth: 30,
  cost: dec("3000"),
  tokens: null,
  daysReported: 0,
  perMillion: null,
  fullyReported: false,
  profile: dec("0.25"),
  usedAh: dec(0),
  ...over,
});

const workload = (months: UnitEconomicsMonth[]): UnitEconomicsWorkload => ({
  id: "w",
  name: "Chat",
  kind: "inference",
  metric: "tokens_served",
  teamId: "t",
  teamName: "Team",
  archived: false,
  months,
  costUpTokensDown: null,
});

describe("unit economics points", () => {
  const w = workload([
    m("2026-08", {}),
    m("2026-09", { tokens: dec("1000000000"), daysReported: 20, perMillion: dec("3") }),
    m("2026-10", { daysInMonth: 31, tokens: dec("2000000000.5"), daysReported: 31, perMillion: dec("1.5"), fullyReported: true }),
  ]);

  it("starts at the first month with tokens and draws only fully reported months as actual", () => {
    expect(trendPoints(w).map((p) => [p.title, p.values.actual, p.values.profile])).toEqual([
      ["Sep 2026", null, 0.25],
      ["Oct 2026", 1.5, 0.25],
    ]);
    expect(trendPoints(workload([m("2026-08", {})]))).toEqual([]);
  });

  it("lists the months from the first with tokens, newest first, with exact tokens and unit prices", () => {
    expect(unitTableRows(w)).toEqual([
      ["Oct\u00a02026", "$3,000.00", "2,000,000,000.5", "31 of 31", "$1.50", "$0.250"],
      ["Sep\u00a02026", "$3,000.00", "1,000,000,000", "20 of 30", "$3.00", "$0.250"],
    ]);
    expect(unitTableRows(workload([m("2026-08", {})]))).toEqual([]);
    expect(unitPrice(dec("0.19249"))).toBe("$0.192");
    expect(unitPrice(dec(0))).toBe("$0.00");
  });
});
