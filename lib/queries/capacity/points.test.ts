import { describe, expect, it } from "vitest";
import { utcMonths } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import { capacityChartPoints } from "./points";

describe("capacityChartPoints", () => {
  it("puts actual use on history months and the median with its bands on forecast months, joined at the last actual", () => {
    const [jan, feb, mar] = utcMonths(new Date("2026-01-01T00:00:00Z"), 3);
    const band = (m: number) => ({
      median: dec(m),
      lower80: dec(m - 10),
      upper80: dec(m + 10),
      lower95: dec(m - 20),
      upper95: dec(m + 20.004),
    });
    const points = capacityChartPoints({
      key: "GB200",
      label: "GB200",
      method: "damped-holt",
      historyMonths: 2,
      runway: null,
      past: [
        { month: jan!, capacity: dec(100), used: dec(80) },
        { month: feb!, capacity: dec(100), used: dec("85.456") },
      ],
      points: [{ month: mar!, capacity: dec(90), forecast: band(88), planned: dec(5), demand: band(93), gap: dec(-3) }],
    });
    expect(points.map((p) => [p.label, p.capacity, p.used, p.median, p.band95])).toEqual([
      ["Jan '26", 100, 80, null, null],
      ["Feb '26", 100, 85.46, 85.46, null],
      ["Mar '26", 90, null, 93, [73, 113]],
    ]);
    expect(points[2]!.title).toBe("Mar 2026 · forecast");
  });
});
