import { describe, expect, it } from "vitest";
import { familyColor } from "@/lib/format/colors";
import { utcDays, utcMonths } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import type { CommittedSection, PowerSection, RunwaySection, UtilizationSection } from "./overview";
import { capacityDemandLine, committedBars, familyBars, headroomLines, utilizationLine } from "./overview-points";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("overview chart points", () => {
  it("draws only the statuses counted in committed spend", () => {
    const committed: CommittedSection = {
      currency: "USD",
      total: dec("150"),
      contracts: 2,
      otherCurrencyContracts: 0,
      byStatus: [
        { status: "active", contracts: 1, amount: dec("100.5"), counted: true },
        { status: "pending", contracts: 1, amount: dec("49.5"), counted: true },
        { status: "proposed", contracts: 1, amount: dec("9"), counted: false },
      ],
    };
    expect(committedBars(committed).map((b) => [b.label, b.value])).toEqual([
      ["Active", 100.5],
      ["Pending", 49.5],
    ]);
  });

  it("colours families consistently and picks the measure", () => {
    const bars = familyBars([{ family: "B200", accelerators: 400, h100e: dec("1000") }], "h100e");
    expect(bars).toEqual([{ key: "B200", label: "B200", value: 1000, color: familyColor("B200") }]);
    expect(familyBars([{ family: "B200", accelerators: 400, h100e: dec("1000") }], "accelerators")[0]!.value).toBe(400);
  });

  it("turns utilization ratios into percentages and leaves gaps empty", () => {
    const [a, b] = utcDays({ from: d("2026-03-14"), to: d("2026-03-16") });
    const daily = [
      { day: a!, usedAh: dec(3), capacityAh: dec(4), ratio: dec("0.75") },
      { day: b!, usedAh: dec(0), capacityAh: dec(0), ratio: null },
    ];
    const points = utilizationLine({ daily } as UtilizationSection);
    expect(points).toEqual([
      { label: "14 Mar", title: "14 Mar 2026", values: { percent: 75 } },
      { label: "15 Mar", title: "15 Mar 2026", values: { percent: null } },
    ]);
  });

  it("draws the tightest sites first, keyed by position", () => {
    const months = utcMonths(d("2026-03-01"), 2);
    const point = (mw: string) => ({ headroomMw: dec(mw) }) as HeadroomPoint;
    const site = (siteName: string, a: string, b: string) => ({ siteName, monthly: [point(a), point(b)], tightest: point(a < b ? a : b) });
    const power = {
      months,
      sites: [site("Roomy", "9", "8"), site("Alpha", "0.75", "-0.25"), site("Beta", "3", "2")],
    } as unknown as PowerSection;
    const { data, series } = headroomLines(power, 2);
    expect(series.map((s) => [s.key, s.name])).toEqual([
      ["s0", "Alpha"],
      ["s1", "Beta"],
    ]);
    expect(data.map((p) => [p.label, p.values.s0, p.values.s1])).toEqual([
      ["Mar '26", 0.75, 3],
      ["Apr '26", -0.25, 2],
    ]);
  });

  it("shows capacity and demand as the month's average H100e", () => {
    const [march] = utcMonths(d("2026-03-01"), 1);
    // 744,000 H100e·h ÷ 744 h = 1,000 H100e; 372,000 ÷ 744 = 500
    const runway = {
      overall: { runway: null, series: [{ month: march!, capacity: dec(744000), demand: dec(372000), baseline: dec(0), planned: dec(0) }] },
    } as unknown as RunwaySection;
    expect(capacityDemandLine(runway)[0]!.values).toEqual({ capacity: 1000, demand: 500 });
  });
});
