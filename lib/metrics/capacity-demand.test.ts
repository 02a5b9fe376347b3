import { describe, expect, it } from "vitest";
import { isoDay, utcMonths } from "./calendar";
import {
  averageUnitsByMonth,
  capacityDemandLine,
  capacityDemandLines,
  sumLines,
  type Band,
  type CapacityDemandLine,
} from "./capacity-demand";
import { dec } from "./decimal";
import { hoursIn } from "./period";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const months = utcMonths(d("2026-03-01"), 4); // Mar, Apr, May, Jun 2026
const historyMonths = utcMonths(d("2025-09-01"), 6); // Sep 2025 … Feb 2026

describe("capacityDemandLine", () => {
  // 100 H100e in use every month of the history: used H100e·h = 100 × hours(month), whatever the month's length.
  const history = { group: "GB200", months: historyMonths, used: historyMonths.map((m) => hoursIn(m).times(100)) };

  it("forecasts the average in use, adds the plans that lie ahead and grows both by the scenario", () => {
    const line = capacityDemandLine({
      key: "GB200",
      label: "GB200",
      months,
      // 150 until 1 Jun; from June nothing.
      blocks: [{ units: 150, startAt: d("2025-01-01"), endAt: d("2026-06-01") }],
      plans: [
        { units: 50, startAt: d("2026-04-01"), endAt: d("2026-05-01") }, // April only
        { units: 999, startAt: d("2026-02-01"), endAt: d("2026-12-01") }, // already running: in the history
      ],
      history,
      growthPct: "30",
    });
    // forecast 100, plans 0, 50, 0, 0; demand = (forecast + plans) × 1.3 = 130, 195, 130, 130; capacity 150, 150, 150, 0.
    expect(line.method).toBe("damped-holt");
    expect(line.points.map((p) => p.forecast.median.toNumber())).toEqual([100, 100, 100, 100]);
    expect(line.points.map((p) => p.planned.toNumber())).toEqual([0, 50, 0, 0]);
    expect(line.points.map((p) => p.demand.median.toNumber())).toEqual([130, 195, 130, 130]);
    expect(line.points.map((p) => p.capacity.toNumber())).toEqual([150, 150, 150, 0]);
    expect(line.points.map((p) => p.gap.toNumber())).toEqual([20, -45, 20, -130]);
    expect(isoDay(line.runway!.from)).toBe("2026-04-01");
    expect(line.past.map((p) => p.used.toNumber())).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it("has no runway while demand stays at or below capacity", () => {
    const line = capacityDemandLine({
      key: "H100",
      label: "H100",
      months,
      blocks: [{ units: 100, startAt: d("2025-01-01"), endAt: d("2027-01-01") }],
      plans: [],
      history,
      growthPct: 0,
    });
    expect(line.points.every((p) => p.gap.isZero())).toBe(true);
    expect(line.runway).toBeNull();
  });

  it("leaves out a first month of use that was reported less than half", () => {
    const used = historyMonths.map((m, i) => (i === 0 ? hoursIn(m).times(3) : hoursIn(m).times(100)));
    const line = capacityDemandLine({
      key: "x",
      label: "x",
      months,
      blocks: [],
      plans: [],
      history: { ...history, used, complete: [false, true, true, true, true, true] },
      growthPct: 0,
    });
    expect(line.historyMonths).toBe(5);
    expect(line.points[0]!.forecast.median.toNumber()).toBe(100);
  });
});

describe("sumLines", () => {
  const band = (median: number, half: number): Band => ({
    median: dec(median),
    lower80: dec(median - half / 2),
    upper80: dec(median + half / 2),
    lower95: dec(median - half),
    upper95: dec(median + half),
  });
  const line = (capacity: number, median: number, half: number): CapacityDemandLine => ({
    key: "k",
    label: "k",
    method: "damped-holt",
    historyMonths: 6,
    past: [],
    runway: null,
    points: [
      {
        month: months[0]!,
        capacity: dec(capacity),
        forecast: band(median, half),
        planned: dec(0),
        demand: band(median, half),
        gap: dec(capacity - median),
      },
    ],
  });

  it("adds capacities and medians and combines the band half-widths as independent errors", () => {
    // 95 %: √(3² + 4²) = 5 around 100 + 200; 80 %: √(1.5² + 2²) = 2.5.
    const total = sumLines("all", "All", [line(150, 100, 3), line(140, 200, 4)], months.slice(0, 1));
    const p = total.points[0]!;
    expect(p.capacity.toNumber()).toBe(290);
    expect(p.demand.median.toNumber()).toBe(300);
    expect(p.demand.upper95.toNumber()).toBe(305);
    expect(p.demand.lower80.toNumber()).toBe(297.5);
    expect(p.gap.toNumber()).toBe(-10);
    expect(isoDay(total.runway!.from)).toBe("2026-03-01");
  });
});

describe("capacityDemandLines", () => {
  it("makes one line per group with a block, plan or history, largest capacity first", () => {
    const lines = capacityDemandLines({
      months,
      labels: new Map([
        ["a", "Alpha"],
        ["b", "Beta"],
      ]),
      blocks: [{ group: "a", units: 10, startAt: d("2026-01-01"), endAt: d("2027-01-01") }],
      plans: [{ group: "b", units: 5, startAt: d("2026-03-01"), endAt: d("2026-04-01") }],
      history: [{ group: "c", months: historyMonths, used: historyMonths.map(() => 0) }],
      growthPct: 0,
    });
    expect(lines.map((l) => [l.label, l.points[0]!.capacity.toNumber(), l.points[0]!.demand.median.toNumber()])).toEqual([
      ["Alpha", 10, 0],
      ["Beta", 0, 5],
      ["c", 0, 0],
    ]);
  });
});

describe("averageUnitsByMonth", () => {
  it("weights each block by its hours inside the month", () => {
    // 100 from 16 Mar: 16 of March's 31 days → 100 × 384 ÷ 744; 60 all month → 60.
    const [avg] = averageUnitsByMonth(
      [
        { units: 100, startAt: d("2026-03-16"), endAt: d("2026-06-01") },
        { units: "60", startAt: d("2026-01-01"), endAt: d("2027-01-01") },
      ],
      [months[0]!],
    );
    expect(avg!.toFixed(6)).toBe(dec(100).times(384).div(744).plus(60).toFixed(6));
  });

  it("gives the average for every month, with decimal units, exactly", () => {
    // 2.5 H100e from 16 Mar to 16 May and 1.3 × 8 = 10.4 H100e all along.
    // March (744 h): 2.5 × 384 ÷ 744 + 10.4 = 960 ÷ 744 + 10.4 = 1.2903225806… + 10.4
    // April (720 h): 2.5 + 10.4 = 12.9; May (744 h): 2.5 × 360 ÷ 744 + 10.4 = 900 ÷ 744 + 10.4; June: 10.4
    const spans = [
      { units: "2.5", startAt: d("2026-03-16"), endAt: d("2026-05-16") },
      { units: dec("1.3").times(8), startAt: d("2026-01-01"), endAt: d("2027-01-01") },
    ];
    const avg = averageUnitsByMonth(spans, months);
    expect(avg[0]!.toString()).toBe(dec(960).div(744).plus("10.4").toString());
    expect(avg[1]!.toString()).toBe("12.9");
    expect(avg[2]!.toString()).toBe(dec(900).div(744).plus("10.4").toString());
    expect(avg[3]!.toString()).toBe("10.4");
    expect(avg.map((a, i) => a.equals(averageUnitsByMonth(spans, [months[i]!])[0]!))).toEqual([true, true, true, true]);
  });

  it("stays exact when the terms pass 2^53 (large unit counts)", () => {
    // 4,000,000,000.000001 units all of April: the product with April's 2,592,000,000 ms is far past 2^53.
    const big = "4000000000.000001";
    const avg = averageUnitsByMonth(
      [
        { units: big, startAt: d("2026-01-01"), endAt: d("2027-01-01") },
        { units: 1, startAt: d("2026-04-16"), endAt: d("2026-05-01") },
      ],
      [months[1]!],
    );
    // + 1 unit for 15 of April's 30 days = 0.5
    expect(avg[0]!.toString()).toBe("4000000000.500001");
  });

  it("counts part hours when a boundary is not on a whole hour", () => {
    // 3 units from 00:30 on 16 April: 359.5 of April's 720 h → 3 × 359.5 ÷ 720 = 1078.5 ÷ 720, one rounding; plus 2 all month.
    const avg = averageUnitsByMonth(
      [
        { units: 3, startAt: new Date("2026-04-16T00:30:00Z"), endAt: d("2026-06-01") },
        { units: "2", startAt: d("2026-01-01"), endAt: d("2027-01-01") },
      ],
      [months[1]!],
    );
    expect(avg[0]!.toString()).toBe(dec(10785).div(7200).plus(2).toString());
  });

  it("is zero for no spans and for spans outside the month", () => {
    expect(averageUnitsByMonth([], months).map((a) => a.toString())).toEqual(["0", "0", "0", "0"]);
    expect(averageUnitsByMonth([{ units: 5, startAt: d("2025-01-01"), endAt: d("2026-03-01") }], [months[0]!])[0]!.toString()).toBe("0");
  });
});
