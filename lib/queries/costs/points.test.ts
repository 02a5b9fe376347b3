import { describe, expect, it } from "vitest";
import { familyColor, providerColor } from "@/lib/format/colors";
import { utcMonths } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import type { SpendMonth } from "@/lib/metrics/monthly-spend";
import { groupColor, spendChart } from "./points";

const [jan, feb] = utcMonths(new Date("2026-01-01T00:00:00Z"), 2);

describe("spendChart", () => {
  it("keeps actual and planned apart per group, largest group first, one colour per provider", () => {
    const spend: SpendMonth[] = [
      {
        month: jan!,
        actual: dec(150),
        planned: dec(0),
        total: dec(150),
        byGroup: new Map([
          ["AWS", { actual: dec(100), planned: dec(0) }],
          ["CoreWeave", { actual: dec(50), planned: dec(0) }],
        ]),
      },
      {
        month: feb!,
        actual: dec(0),
        planned: dec(300),
        total: dec(300),
        byGroup: new Map([["CoreWeave", { actual: dec(0), planned: dec(300) }]]),
      },
    ];
    const { series, data } = spendChart(spend, "provider");
    // CoreWeave 350 in all > AWS 100
    expect(series.map((s) => [s.name, s.color])).toEqual([
      ["CoreWeave", providerColor("CoreWeave")],
      ["AWS", providerColor("AWS")],
    ]);
    expect(data.map((d) => d.values)).toEqual([{ "0a": 50, "1a": 100 }, { "0p": 300 }]);
  });

  it("colours families by family and other charges in grey", () => {
    expect(groupColor("H100", "family")).toBe(familyColor("H100"));
    expect(groupColor("Other charges", "family")).toBe("#94a3b8");
  });
});
