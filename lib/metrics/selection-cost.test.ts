import { describe, expect, it } from "vitest";
import { Dec } from "./decimal";
import { emptyWorkloadCost, showbackMonth, type WorkloadCost } from "./showback";
import { selectionCost, sumSelectionCosts } from "./selection-cost";

const d = (v: number) => new Dec(v);
const n = (v: Dec) => v.toNumber();
const cost = (parts: Partial<Record<keyof WorkloadCost, number>>): WorkloadCost => ({
  ...emptyWorkloadCost(),
  ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, d(v)])),
});

describe("selectionCost", () => {
  const month = {
    byWorkload: new Map([
      ["w1", cost({ allocatedAh: 4_320, usedAh: 3_024, usedCost: 6_048, idleCost: 2_592 })],
      ["w2", cost({ allocatedAh: 720, unmeasuredCost: 1_440, directCost: 100 })],
      ["w3", cost({ allocatedAh: 2_880, usedAh: 2_016, usedCost: 4_032, idleCost: 1_728 })],
    ]),
    sharedByTeam: new Map([
      ["A", d(300)],
      ["A1", d(50)],
      ["B", d(200)],
    ]),
  };

  it("is a team's workloads' own cost and its teams' shared cost, apart", () => {
    // Team A (with sub-team A1) runs w1 and w2: own 6,048 + 2,592 + 1,440 + 100 = 10,180; shared 300 + 50 = 350.
    const c = selectionCost(month, { workloadIds: ["w1", "w2"], teamIds: ["A", "A1"] });
    expect([n(c.usedCost), n(c.idleCost), n(c.unmeasuredCost), n(c.directCost)]).toEqual([6_048, 2_592, 1_440, 100]);
    expect([n(c.own), n(c.shared), n(c.total), n(c.allocatedAh), n(c.usedAh)]).toEqual([10_180, 350, 10_530, 5_040, 3_024]);
  });

  it("gives a workload no shared cost (the pool is distributed per team) and an idle selection zero", () => {
    const c = selectionCost(month, { workloadIds: ["w3"], teamIds: [] });
    expect([n(c.own), n(c.shared), n(c.total)]).toEqual([5_760, 0, 5_760]);
    const none = selectionCost(month, { workloadIds: ["nobody"], teamIds: ["C"] });
    expect(n(none.total)).toBe(0);
  });

  it("matches showbackMonth: teams' selections plus the unallocated add up to the month's total", () => {
    // A 10-accelerator block, $14,400 in the month: A's w1 holds 6, B's w3 holds 3 (70 % use pro rata), 1 free.
    const m = showbackMonth({
      blocks: [
        {
          family: "H100",
          cost: d(14_400),
          capacityAh: d(7_200),
          usedAh: d(4_536),
          allocations: [
            { workloadId: "w1", allocatedAh: d(4_320), usedAh: null },
            { workloadId: "w3", allocatedAh: d(2_160), usedAh: null },
          ],
        },
      ],
      untied: [{ workloadId: null, amount: d(99) }],
      teamOf: new Map([
        ["w1", "A"],
        ["w3", "B"],
      ]),
      rules: new Map(),
    });
    const a = selectionCost(m, { workloadIds: ["w1"], teamIds: ["A"] });
    const b = selectionCost(m, { workloadIds: ["w3"], teamIds: ["B"] });
    // Own: 4,320 × $2 = 8,640 and 2,160 × $2 = 4,320; the free 720 AH ($1,440) shared 2:1 → 960 and 480.
    expect([n(a.own), n(a.shared), n(b.own), n(b.shared)]).toEqual([8_640, 960, 4_320, 480]);
    expect(n(a.total.plus(b.total).plus(m.unallocated))).toBe(n(m.total));
    expect(n(sumSelectionCosts([a, b]).total)).toBe(14_400);
  });
});
