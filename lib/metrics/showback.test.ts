import { describe, expect, it } from "vitest";
import { Dec } from "./decimal";
import { centsKeepingSum, distributePool, ownCost, showbackMonth, splitBlock, type PoolRule, type ShowbackBlock } from "./showback";

const d = (v: number | string) => new Dec(v);
const n = (v: Dec) => v.toNumber();

// A 10-accelerator reserved block in a 30-day month: 7,200 AH at $2.00 = $14,400.
const month = (allocations: ShowbackBlock["allocations"], usedAh: number | null = null): ShowbackBlock => ({
  family: "H100",
  cost: d(14_400),
  capacityAh: d(7_200),
  usedAh: usedAh === null ? null : d(usedAh),
  allocations,
});

describe("splitBlock", () => {
  it("splits a block shared 60/40 with 70 % use reported per workload into used and idle cost", () => {
    // A: 6 × 720 = 4,320 AH, used 3,024 (70 %) → used $6,048, idle 1,296 AH → $2,592.
    // B: 4 × 720 = 2,880 AH, used 2,016 → used $4,032, idle 864 AH → $1,728. Nothing free.
    const split = splitBlock(
      month([
        { workloadId: "A", allocatedAh: d(4_320), usedAh: d(3_024) },
        { workloadId: "B", allocatedAh: d(2_880), usedAh: d(2_016) },
      ]),
    );
    const a = split.workloads.get("A")!;
    const b = split.workloads.get("B")!;
    expect([n(a.usedAh), n(a.idleAh), n(a.usedCost), n(a.idleCost)]).toEqual([3_024, 1_296, 6_048, 2_592]);
    expect([n(b.usedAh), n(b.idleAh), n(b.usedCost), n(b.idleCost)]).toEqual([2_016, 864, 4_032, 1_728]);
    expect([n(split.freeAh), n(split.freeCost)]).toEqual([0, 0]);
  });

  it("shares the block's used hours pro rata when the feed does not say who used them", () => {
    // 60/30 allocated (4,320 + 2,160 = 6,480 AH), 720 AH free; 4,536 AH used → 70 % of the allocated hours.
    const split = splitBlock(
      month(
        [
          { workloadId: "A", allocatedAh: d(4_320), usedAh: null },
          { workloadId: "B", allocatedAh: d(2_160), usedAh: null },
        ],
        4_536,
      ),
    );
    expect(n(split.workloads.get("A")!.usedCost)).toBe(6_048);
    expect(n(split.workloads.get("B")!.usedAh)).toBe(1_512);
    expect(n(split.workloads.get("B")!.idleCost)).toBe(1_296);
    expect([n(split.freeAh), n(split.freeCost)]).toEqual([720, 1_440]);
  });

  it("counts use beyond the allocations as the free pool's, and a block without use as unmeasured", () => {
    const over = splitBlock(month([{ workloadId: "A", allocatedAh: d(3_600), usedAh: null }], 5_000));
    expect([n(over.workloads.get("A")!.usedAh), n(over.workloads.get("A")!.idleCost)]).toEqual([3_600, 0]);
    const unmeasured = splitBlock(month([{ workloadId: "A", allocatedAh: d(3_600), usedAh: null }]));
    expect(n(unmeasured.workloads.get("A")!.unmeasuredCost)).toBe(7_200);
    expect(n(unmeasured.workloads.get("A")!.usedCost)).toBe(0);
    expect(n(unmeasured.freeCost)).toBe(7_200);
  });
});

describe("showbackMonth", () => {
  // The 60/30 block with 720 AH ($1,440) free; A belongs to team T1, B to T2; platform team P.
  const blocks = [
    month(
      [
        { workloadId: "A", allocatedAh: d(4_320), usedAh: d(3_024) },
        { workloadId: "B", allocatedAh: d(2_160), usedAh: d(1_512) },
      ],
      null,
    ),
  ];
  const teamOf = new Map([
    ["A", "T1"],
    ["B", "T2"],
  ]);
  const untied = [
    { workloadId: "B", amount: d("100.005") },
    { workloadId: null, amount: d("50.25") },
  ];

  const rules = (entries: [string, PoolRule][]) => new Map(entries);
  const sums = (s: ReturnType<typeof showbackMonth>) => {
    const teams = [...s.byWorkload.values()].reduce((sum, c) => sum.plus(ownCost(c)), d(0));
    const shared = [...s.sharedByTeam.values()].reduce((sum, v) => sum.plus(v), d(0));
    return teams.plus(shared).plus(s.unallocated);
  };

  it("distributes the free pool by the family's rule and keeps Σ teams + unallocated = total", () => {
    // No rule for H100: proportional to the allocated AH in the family.
    const proportional = showbackMonth({ blocks, untied, teamOf, rules: new Map() });
    expect([n(proportional.pool.ah), n(proportional.pool.cost)]).toEqual([720, 1_440]);
    expect(n(proportional.sharedByTeam.get("T1")!)).toBe(960); // 1,440 × 4,320 / 6,480
    expect(n(proportional.sharedByTeam.get("T2")!)).toBe(480);
    expect(n(proportional.byWorkload.get("B")!.directCost)).toBe(100.005);
    expect(n(proportional.unallocated)).toBe(50.25);
    expect(n(proportional.total)).toBe(14_550.255);
    expect(proportional.pools.get("H100")!.rule).toEqual({ kind: "proportional" });

    const even = showbackMonth({ blocks, untied, teamOf, rules: rules([["H100", { kind: "even" }]]) });
    expect([n(even.sharedByTeam.get("T1")!), n(even.sharedByTeam.get("T2")!)]).toEqual([720, 720]);
    const platform = showbackMonth({ blocks, untied, teamOf, rules: rules([["H100", { kind: "team", teamId: "P" }]]) });
    expect([...platform.sharedByTeam]).toEqual([["P", d(1_440)]]);
    // A rule for another family changes nothing here.
    const other = showbackMonth({ blocks, untied, teamOf, rules: rules([["GB200", { kind: "team", teamId: "P" }]]) });
    expect(n(other.sharedByTeam.get("T1")!)).toBe(960);

    for (const s of [proportional, even, platform, other]) expect(sums(s).eq(s.total)).toBe(true);
  });

  it("gives each family's pool only to the teams holding allocations in that family, by its own rule", () => {
    // Second pool: a GB200 block of 4 accelerators × 720 h = 2,880 AH at $5.00 = $14,400. C (team T2) holds half,
    // 1,440 AH ($7,200), and used 70 % of it: 1,008 AH → used $5,040, idle 432 AH → $2,160. Free: 1,440 AH, $7,200.
    const gb200: ShowbackBlock = {
      family: "GB200",
      cost: d(14_400),
      capacityAh: d(2_880),
      usedAh: null,
      allocations: [{ workloadId: "C", allocatedAh: d(1_440), usedAh: d(1_008) }],
    };
    const both = [...blocks, gb200];
    const owners = new Map([...teamOf, ["C", "T2"]]);
    const c = showbackMonth({ blocks: both, untied, teamOf: owners, rules: new Map() }).byWorkload.get("C")!;
    expect([n(c.usedAh), n(c.idleAh), n(c.usedCost), n(c.idleCost)]).toEqual([1_008, 432, 5_040, 2_160]);

    // Proportional in both: H100's $1,440 → T1 960, T2 480; GB200's $7,200 → T2 alone (T1 holds no GB200).
    const proportional = showbackMonth({ blocks: both, untied, teamOf: owners, rules: new Map() });
    expect(n(proportional.sharedByTeam.get("T1")!)).toBe(960);
    expect(n(proportional.sharedByTeam.get("T2")!)).toBe(7_680);
    expect(n(proportional.pool.cost)).toBe(8_640);
    expect(n(proportional.pools.get("GB200")!.cost)).toBe(7_200);

    // Even on H100 (720 / 720), GB200 kept on the platform team P.
    const mixed = showbackMonth({
      blocks: both,
      untied,
      teamOf: owners,
      rules: rules([
        ["H100", { kind: "even" }],
        ["GB200", { kind: "team", teamId: "P" }],
      ]),
    });
    expect([...mixed.sharedByTeam].map(([t, v]) => [t, n(v)])).toEqual([
      ["T1", 720],
      ["T2", 720],
      ["P", 7_200],
    ]);
    // Team T2 = B's own (used 3,024 + idle 1,296 + direct 100.005) + C's own (7,200) + shared 720 = 12,340.005.
    const own = (id: string) => ownCost(mixed.byWorkload.get(id)!);
    expect(n(own("B").plus(own("C")).plus(mixed.sharedByTeam.get("T2")!))).toBe(12_340.005);
    expect(n(mixed.total)).toBe(28_950.255);
    for (const s of [proportional, mixed]) expect(sums(s).eq(s.total)).toBe(true);
  });

  it("distributePool: proportional, even, team, and nobody to take it", () => {
    const w = new Map([
      ["T1", d(3)],
      ["T2", d(1)],
      ["T0", d(0)],
    ]);
    expect([...distributePool(d(100), { kind: "proportional" }, w)].map(([t, v]) => [t, n(v)])).toEqual([
      ["T1", 75],
      ["T2", 25],
    ]);
    expect([...distributePool(d(100), { kind: "even" }, w)].map(([t, v]) => [t, n(v)])).toEqual([
      ["T1", 50],
      ["T2", 50],
    ]);
    expect([...distributePool(d(100), { kind: "team", teamId: "P" }, new Map())].map(([t, v]) => [t, n(v)])).toEqual([["P", 100]]);
    expect(distributePool(d(100), { kind: "even" }, new Map()).size).toBe(0);
  });

  it("leaves a pool nobody holds an allocation to share unallocated", () => {
    const s = showbackMonth({ blocks: [month([])], untied: [], teamOf, rules: new Map() });
    expect(s.sharedByTeam.size).toBe(0);
    expect(n(s.unallocated)).toBe(14_400);
  });

  it("splits a cost three ways exactly, the last part taking the remainder", () => {
    const s = showbackMonth({
      blocks: [
        {
          family: "H100",
          cost: d(100),
          capacityAh: d(3),
          usedAh: d(0),
          allocations: ["A", "B", "C"].map((id) => ({ workloadId: id, allocatedAh: d(1), usedAh: null })),
        },
      ],
      untied: [],
      teamOf: new Map(),
      rules: new Map([["H100", { kind: "even" }]]),
    });
    const sum = [...s.byWorkload.values()].reduce((t, c) => t.plus(ownCost(c)), d(0)).plus(s.pool.cost);
    expect(sum.eq(100)).toBe(true);
  });
});

describe("centsKeepingSum", () => {
  it("rounds rows so they add up to the rounded total", () => {
    // 33.333… × 3 = 100: rounding each gives 99.99; the largest remainders take the missing cent.
    const third = d(100).div(3);
    expect(centsKeepingSum([third, third, third], d(100)).map(n)).toEqual([33.34, 33.33, 33.33]);
    // 0.005 + 0.005 = 0.01: half-even rounding of each would give 0.00 + 0.00.
    expect(centsKeepingSum([d("0.005"), d("0.005")], d("0.01")).map(n)).toEqual([0.01, 0]);
    expect(centsKeepingSum([d("10.004"), d("-0.004")], d(10)).map(n)).toEqual([10, 0]);
  });
});
