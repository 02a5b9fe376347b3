import { describe, expect, it } from "vitest";
import { dec } from "@/lib/metrics/decimal";
import { surplusMonth } from "@/lib/metrics/surplus";
import { surplusChartPoints } from "./surplus-points";

const jan = { from: new Date(Date.UTC(2027, 0, 1)), to: new Date(Date.UTC(2027, 1, 1)) };
const family = (name: string, surplusH100e: number) => ({
  family: name,
  prices: { spot: null, onDemand: null },
  months: [
    surplusMonth({
      month: jan,
      accelerators: { held: 0, allocated: 0, need: 0 },
      h100e: { held: surplusH100e, allocated: 0, need: 0 },
      prices: { spot: null, onDemand: null },
    }),
  ],
  nextQuarter: { accelerators: 0, h100e: dec(0), ah: dec(0), valueSpot: null, valueOnDemand: null },
});

describe("surplusChartPoints", () => {
  it("stacks each family's resellable H100e per month, a shortfall as none", () => {
    const { data, series } = surplusChartPoints([family("H100", 40), family("B200", -12)]);
    expect(series.map((s) => s.key)).toEqual(["H100", "B200"]);
    expect(data).toEqual([{ label: "Jan '27", title: "Jan 2027", values: { H100: 40, B200: 0 } }]);
  });
});
