import { describe, expect, it } from "vitest";
import { isoDay, utcMonths } from "./calendar";
import { capacityShares, herfindahl, hhiReading, largestDependency, lossOfOne } from "./concentration";

const providers = capacityShares([
  { key: "a", label: "Azure", h100e: "400" },
  { key: "b", label: "OCI", h100e: "300" },
  { key: "a", label: "Azure", h100e: "200" },
  { key: "c", label: "CoreWeave", h100e: "100" },
  { key: "z", label: "Nothing", h100e: "0" },
]);
const vendors = capacityShares([
  { key: "NVIDIA", label: "NVIDIA", h100e: "800" },
  { key: "AMD", label: "AMD", h100e: "200" },
]);
const sites = capacityShares(["s1", "s2", "s3", "s4"].map((key) => ({ key, label: key.toUpperCase(), h100e: "250" })));

describe("capacityShares", () => {
  it("sums each key, drops empty ones and gives shares of the total, largest first", () => {
    // Azure 400 + 200 = 600 of 1,000 → 0.6; OCI 300 → 0.3; CoreWeave 100 → 0.1
    expect(providers.map((s) => [s.label, s.h100e.toString(), s.share.toString()])).toEqual([
      ["Azure", "600", "0.6"],
      ["OCI", "300", "0.3"],
      ["CoreWeave", "100", "0.1"],
    ]);
  });

  it("orders equal shares by label and gives zero shares when there is no capacity", () => {
    expect(sites.map((s) => s.label)).toEqual(["S1", "S2", "S3", "S4"]);
    expect(capacityShares([{ key: "x", label: "X", h100e: "0" }])).toEqual([]);
  });
});

describe("herfindahl", () => {
  it("is Σ share² × 10,000", () => {
    // providers: (0.6² + 0.3² + 0.1²) × 10,000 = (0.36 + 0.09 + 0.01) × 10,000 = 4,600
    expect(herfindahl(providers).toString()).toBe("4600");
    // vendors: (0.8² + 0.2²) × 10,000 = (0.64 + 0.04) × 10,000 = 6,800
    expect(herfindahl(vendors).toString()).toBe("6800");
    // four equal sites: 4 × 0.25² × 10,000 = 4 × 0.0625 × 10,000 = 2,500
    expect(herfindahl(sites).toString()).toBe("2500");
    // one supplier: 1² × 10,000
    expect(herfindahl([{ share: 1 }]).toString()).toBe("10000");
    expect(herfindahl([]).toString()).toBe("0");
  });

  it("reads by the DOJ bands: < 1,500 unconcentrated, 1,500–2,500 moderate, > 2,500 high", () => {
    // ten equal suppliers: 10 × 0.1² × 10,000 = 1,000
    expect(hhiReading(herfindahl(Array.from({ length: 10 }, () => ({ share: "0.1" }))))).toBe("unconcentrated");
    expect(hhiReading("1499.99")).toBe("unconcentrated");
    expect(hhiReading("1500")).toBe("moderate");
    expect(hhiReading(herfindahl(sites))).toBe("moderate");
    expect(hhiReading("2500.01")).toBe("high");
    expect(hhiReading(herfindahl(providers))).toBe("high");
  });
});

describe("largestDependency", () => {
  it("is the biggest single share across provider, vendor and site", () => {
    // NVIDIA 0.8 > Azure 0.6 > each site 0.25
    const top = largestDependency({ provider: providers, vendor: vendors, site: sites });
    expect(top).toMatchObject({ dimension: "vendor", label: "NVIDIA" });
    expect(top!.share.toString()).toBe("0.8");
  });

  it("prefers the provider on a tie and is null without capacity", () => {
    const one = capacityShares([{ key: "p", label: "P", h100e: "5" }]);
    expect(largestDependency({ provider: one, vendor: one, site: one })?.dimension).toBe("provider");
    expect(largestDependency({ provider: [], vendor: [], site: [] })).toBeNull();
  });
});

describe("lossOfOne", () => {
  const months = utcMonths(new Date("2026-01-01T00:00:00Z"), 4);
  // Capacity 1,000 in each month; demand 500, 700, 900, 1,100 → runway April (1,100 > 1,000).
  const input = {
    months,
    totalNow: "1000",
    capacity: ["1000", "1000", "1000", "1000"],
    demand: ["500", "700", "900", "1100"],
    members: [
      { dimension: "provider" as const, key: "a", label: "Azure", h100eNow: "600", series: ["600", "600", "600", "600"] },
      { dimension: "provider" as const, key: "b", label: "OCI", h100eNow: "300", series: ["300", "300", "300", "300"] },
      { dimension: "provider" as const, key: "c", label: "CoreWeave", h100eNow: "100", series: ["100", "100", "100", "100"] },
      { dimension: "site" as const, key: "late", label: "Late site", h100eNow: "0", series: ["0", "0", "0", "400"] },
    ],
  };
  const result = lossOfOne(input);
  const row = (key: string) => result.rows.find((r) => r.key === key)!;

  it("gives the capacity and share left now without each member", () => {
    // 1,000 − 600 = 400 (40 %); 1,000 − 300 = 700 (70 %); 1,000 − 100 = 900 (90 %)
    expect(["a", "b", "c"].map((k) => [row(k).capacityLeft.toString(), row(k).shareLeft.toString()])).toEqual([
      ["400", "0.4"],
      ["700", "0.7"],
      ["900", "0.9"],
    ]);
    expect(row("a").lost.toString()).toBe("600");
  });

  it("moves the runway to the first month whose demand exceeds the capacity left", () => {
    expect(isoDay(result.runway!.from)).toBe("2026-04-01");
    // without Azure: 400 left, January's 500 > 400 → January
    expect(isoDay(row("a").runwayLeft!.from)).toBe("2026-01-01");
    // without OCI: 700 left; February's 700 does not exceed 700; March's 900 does → March
    expect(isoDay(row("b").runwayLeft!.from)).toBe("2026-03-01");
    // without CoreWeave: 900 left; March's 900 does not exceed it; April's 1,100 does → April, unchanged
    expect(isoDay(row("c").runwayLeft!.from)).toBe("2026-04-01");
    // a site with nothing now but 400 in April: capacity now unchanged, April 1,100 > 600 → April
    expect(row("late").capacityLeft.toString()).toBe("1000");
    expect(isoDay(row("late").runwayLeft!.from)).toBe("2026-04-01");
  });

  it("has no runway when demand never exceeds capacity", () => {
    const calm = lossOfOne({ ...input, demand: ["1", "1", "1", "1"] });
    expect(calm.runway).toBeNull();
    expect(calm.rows.find((r) => r.key === "c")!.runwayLeft).toBeNull();
    expect(calm.rows.find((r) => r.key === "a")!.runwayLeft).toBeNull();
  });
});
