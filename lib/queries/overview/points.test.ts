import { describe, expect, it } from "vitest";
import { familyColor, providerColor } from "@/lib/format/colors";
import { utcDays, utcMonths } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import type { CommittedSection, OverviewResult, PowerSection, RunwaySection, UtilizationSection } from "./";
import type { SpendPeriodSection } from "./spend";
import {
  committedBars,
  earliestFamilyRunway,
  familyBars,
  overviewLinks,
  periodLabel,
  providerSpendBars,
  runwayLine,
  tightestSiteLines,
  utilizationLine,
} from "./points";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("overview chart points", () => {
  it("draws only the statuses counted in committed spend", () => {
    const committed: CommittedSection = {
      currency: "USD",
      total: dec("150"),
      contracts: 2,
      converted: [],
      unconverted: [],
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
    // Sorted by the measure drawn: 500 H100 (500 H100e) before 400 B200 (1,000 H100e) when counting accelerators
    const two = [
      { family: "B200", accelerators: 400, h100e: dec("1000") },
      { family: "H100", accelerators: 500, h100e: dec("500") },
    ];
    expect(familyBars(two, "accelerators").map((b) => b.key)).toEqual(["H100", "B200"]);
    expect(familyBars(two, "h100e").map((b) => b.key)).toEqual(["B200", "H100"]);
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

  it("draws the tightest sites first, keyed by position, leaving out sites without a month", () => {
    const months = utcMonths(d("2026-03-01"), 2);
    const point = (mw: string) => ({ headroomMw: dec(mw) }) as HeadroomPoint;
    const site = (siteName: string, a: string, b: string) => ({
      siteName,
      monthly: [point(a), point(b)],
      tightest: point(dec(a).lessThan(b) ? a : b),
    });
    const power = {
      page: {
        months,
        sites: [
          site("Roomy", "9", "8"),
          site("Alpha", "0.75", "-0.25"),
          site("Beta", "3", "2"),
          { siteName: "Empty", monthly: [], tightest: null },
        ],
      },
    } as unknown as PowerSection;
    const { data, series } = tightestSiteLines(power, 2);
    expect(series.map((x) => [x.key, x.name])).toEqual([
      ["s0", "Alpha"],
      ["s1", "Beta"],
    ]);
    expect(data.map((p) => [p.label, p.values.s0, p.values.s1])).toEqual([
      ["Mar '26", 0.75, 3],
      ["Apr '26", -0.25, 2],
    ]);
  });

  it("shows capacity and median demand as the month's average H100e", () => {
    const [march] = utcMonths(d("2026-03-01"), 1);
    const runway = {
      overall: { runway: null, points: [{ month: march!, capacity: dec(1000), demand: { median: dec("500.5") } }] },
    } as unknown as RunwaySection;
    expect(runwayLine(runway)).toEqual([{ label: "Mar '26", title: "Mar 2026", values: { capacity: 1000, demand: 500.5 } }]);
  });

  it("draws a period's spend per provider in the provider's colour", () => {
    const spend = {
      byProvider: [{ providerName: "AWS", actual: dec(1), planned: dec("2.5"), total: dec("3.5") }],
    } as unknown as SpendPeriodSection;
    expect(providerSpendBars(spend)).toEqual([{ key: "AWS", label: "AWS", value: 3.5, color: providerColor("AWS") }]);
  });

  it("picks the family that runs out first, or none", () => {
    const [mar, apr] = utcMonths(d("2026-03-01"), 2);
    const fam = (family: string, runway: unknown) => ({ family, line: { runway } });
    const runway = { byFamily: [fam("H100", apr), fam("B200", mar), fam("MI300X", null)] } as unknown as RunwaySection;
    expect(earliestFamilyRunway(runway)?.family).toBe("B200");
    expect(earliestFamilyRunway({ byFamily: [fam("H100", null)] } as unknown as RunwaySection)).toBeNull();
  });

  it("links each KPI to its page with the same months and scenario", () => {
    const [mar] = utcMonths(d("2026-03-01"), 1);
    const base = {
      scenario: null,
      spend: { toDate: { period: { from: d("2026-01-01"), to: d("2026-11-01") } } },
      runway: { byFamily: [{ family: "GB200 NVL72", line: { runway: mar } }] },
    } as unknown as Pick<OverviewResult, "scenario" | "spend" | "runway">;
    expect(overviewLinks(base)).toEqual({
      committed: "/contracts",
      spendToDate: "/costs?from=2026-01&to=2026-10",
      forecast: "/costs?range=12m",
      fleet: "/capacity",
      utilization: "/utilization?range=last30d",
      power: "/power?range=12m",
      runway: "/capacity",
      runwayFamily: "/capacity?family=GB200+NVL72",
      expiring: "/reservations#expiring-heading",
    });
    const id = "0b8f3c3e-54a4-4c59-9b67-7a1a3f0e1d2c";
    const links = overviewLinks({ ...base, scenario: { id, name: "S" }, runway: { byFamily: [] } as unknown as RunwaySection });
    expect([links.spendToDate, links.forecast, links.power, links.fleet, links.runwayFamily, links.utilization]).toEqual([
      `/costs?from=2026-01&to=2026-10&scenario=${id}`,
      `/costs?range=12m&scenario=${id}`,
      `/power?range=12m&scenario=${id}`,
      `/capacity?scenario=${id}`,
      null,
      "/utilization?range=last30d",
    ]);
    expect(periodLabel({ from: d("2026-01-01"), to: d("2026-11-01") })).toBe("Jan 2026 – Oct 2026");
  });
});
