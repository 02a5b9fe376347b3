import { describe, expect, it } from "vitest";
import { allocatedUse, allocationBlock, type BlockAllocation } from "./allocated-use";
import { summarizeUtilization, type UsageBlock } from "./utilization-view";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const JUNE = { from: d("2026-06-01"), to: d("2026-07-01") }; // 720 hours
const JULY = { from: d("2026-07-01"), to: d("2026-08-01") }; // 744 hours

// A reserved 10-accelerator block at $2.00 / AH held from June to the end of July.
const block: UsageBlock = {
  id: "b",
  name: "Block",
  providerName: "P",
  siteName: "S",
  family: "H100",
  quantity: 10,
  startAt: d("2026-06-01"),
  endAt: d("2026-08-01"),
  pricingModel: "reserved",
  rate: "2",
  currency: "USD",
};
// Each allocation its own workload unless one is named.
const a = (id: string, quantity: number, from: string, to: string | null = null, workloadId = `w${id}`): BlockAllocation => ({
  id,
  blockId: "b",
  workloadId,
  quantity,
  from: d(from),
  to: to ? d(to) : null,
});

describe("allocationBlock", () => {
  it("is the block cut to the allocation's quantity and period within the block's life", () => {
    expect(allocationBlock(block, a("x", 6, "2026-05-15"))).toMatchObject({
      id: "b",
      family: "H100",
      quantity: 6,
      startAt: d("2026-06-01"),
      endAt: d("2026-08-01"),
    });
    expect(allocationBlock(block, a("x", 4, "2026-06-10", "2026-07-10"))).toMatchObject({
      quantity: 4,
      startAt: d("2026-06-10"),
      endAt: d("2026-07-10"),
    });
    expect(allocationBlock(block, a("x", 4, "2026-08-01"))).toBeNull();
    expect(allocationBlock(block, a("x", 4, "2026-05-01", "2026-06-01"))).toBeNull();
  });
});

describe("allocatedUse", () => {
  const blocks = new Map([["b", block]]);
  const measuredTo = d("2026-09-01");

  it("shares the block's used hours pro rata to the allocations, the selection's and the others'", () => {
    // Shared 6/4 all of June: 4,320 + 2,880 = 7,200 AH allocated; 5,040 AH used (70 %) → A 3,024, B 2,016.
    // July: only A (6 × 744 = 4,464 AH); 2,000 AH used → A used 2,000 (the free 4 accelerators get nothing).
    const all = [a("A", 6, "2026-06-01"), a("B", 4, "2026-06-01", "2026-07-01")];
    const usedAh = new Map([["b", { months: [JUNE.from.getTime(), JULY.from.getTime()], usedAh: ["5040", "2000"] }]]);
    const use = allocatedUse({ buckets: [JUNE, JULY], blocks, selected: all, all, usedAh, measuredTo });
    expect(use.get("A")).toEqual({ months: [JUNE.from.getTime(), JULY.from.getTime()], usedAh: ["3024", "2000"] });
    // B holds nothing in July: 0, still measured.
    expect(use.get("B")).toEqual({ months: [JUNE.from.getTime(), JULY.from.getTime()], usedAh: ["2016", "0"] });
  });

  it("gives each allocation at most its own hours (use beyond the allocations is the free pool's)", () => {
    // A holds 6 of 10 in June (4,320 AH); the block used 6,000 AH > 4,320 → A fully used, the rest is the pool's.
    const all = [a("A", 6, "2026-06-01")];
    const usedAh = new Map([["b", { months: [JUNE.from.getTime()], usedAh: ["6000"] }]]);
    expect(allocatedUse({ buckets: [JUNE], blocks, selected: all, all, usedAh, measuredTo }).get("A")!.usedAh).toEqual(["4320"]);
  });

  it("rounds a share to a millionth of an accelerator-hour and leaves out buckets the block did not report", () => {
    // 1 of 3 allocated accelerators over June (720 of 2,160 AH); 1,000 AH used → 333.333333… → 333.333333.
    const all = [a("A", 1, "2026-06-01"), a("B", 2, "2026-06-01")];
    const usedAh = new Map([["b", { months: [JUNE.from.getTime()], usedAh: ["1000"] }]]);
    const use = allocatedUse({ buckets: [JUNE, JULY], blocks, selected: [all[0]!], all, usedAh, measuredTo });
    expect(use.get("A")).toEqual({ months: [JUNE.from.getTime()], usedAh: ["333.333333"] });
    expect(use.has("B")).toBe(false);
    // A block that reported nothing: no entry at all (unmeasured, never idle).
    expect(allocatedUse({ buckets: [JUNE], blocks, selected: all, all, usedAh: new Map(), measuredTo }).size).toBe(0);
  });

  it("counts only the measured hours of a running bucket, as the pages cut capacity", () => {
    // Measured to 16 June: 15 days × 24 h; A 6 of 10 (2,160 AH), B 4 (1,440 AH); 1,800 AH used → 50 % → A 1,080.
    const all = [a("A", 6, "2026-06-01"), a("B", 4, "2026-06-01")];
    const usedAh = new Map([["b", { months: [JUNE.from.getTime()], usedAh: ["1800"] }]]);
    const use = allocatedUse({ buckets: [JUNE], blocks, selected: [all[0]!], all, usedAh, measuredTo: d("2026-06-16") });
    expect(use.get("A")!.usedAh).toEqual(["1080"]);
  });

  it("takes a workload's use from what the feed reported for it, as the showback does, each allocation at most its hours", () => {
    // June, block used 5,040 AH. A (workload wA) 6 of 10 = 4,320 AH; B (wB) 4 = 2,880 AH. The feed named the workloads:
    // wA 4,000 AH, wB 1,040 AH → A 4,000 and B 1,040 (pro rata would have said 3,024 and 2,016).
    const all = [a("A", 6, "2026-06-01"), a("B", 4, "2026-06-01")];
    const usedAh = new Map([["b", { months: [JUNE.from.getTime()], usedAh: ["5040"] }]]);
    const reported = new Map([
      [
        `b|${JUNE.from.getTime()}`,
        new Map([
          ["wA", "4000"],
          ["wB", "1040"],
        ]),
      ],
    ]);
    const use = allocatedUse({ buckets: [JUNE], blocks, selected: all, all, usedAh, measuredTo, reported });
    expect([use.get("A")!.usedAh, use.get("B")!.usedAh]).toEqual([["4000"], ["1040"]]);

    // One workload, two allocations: A1 3 accelerators all June (2,160 AH), A2 3 from 16 June (3 × 15 × 24 = 1,080 AH);
    // it reported 3,000 AH → A1 2,160 (full), A2 the other 840. C (wC), 2 accelerators, was not named: 0, not a share.
    const two = [a("A1", 3, "2026-06-01", null, "wA"), a("A2", 3, "2026-06-16", null, "wA"), a("C", 2, "2026-06-01")];
    const named = new Map([[`b|${JUNE.from.getTime()}`, new Map([["wA", "3000"]])]]);
    const split = allocatedUse({ buckets: [JUNE], blocks, selected: two, all: two, usedAh, measuredTo, reported: named });
    expect(["A1", "A2", "C"].map((id) => split.get(id)!.usedAh[0])).toEqual(["2160", "840", "0"]);
    // A workload that reported more than it holds is capped at its allocation (the rest is the pool's).
    const over = new Map([[`b|${JUNE.from.getTime()}`, new Map([["wA", "9999"]])]]);
    const capped = allocatedUse({ buckets: [JUNE], blocks, selected: two, all: two, usedAh, measuredTo, reported: over });
    expect(["A1", "A2"].map((id) => capped.get(id)!.usedAh[0])).toEqual(["2160", "1080"]);
  });

  it("makes /utilization of a selection: capacity = allocated AH, used = its share, idle priced at the block's rate", () => {
    // A = 6 of 10 in June, 70 % used: capacity 4,320 AH, used 3,024, idle 1,296 AH × $2 = $2,592, utilization 70 %.
    const all = [a("A", 6, "2026-06-01", "2026-07-01"), a("B", 4, "2026-06-01", "2026-07-01")];
    const usedAh = new Map([["b", { months: [JUNE.from.getTime()], usedAh: ["5040"] }]]);
    const selected = [all[0]!];
    const use = allocatedUse({ buckets: [JUNE], blocks, selected, all, usedAh, measuredTo });
    const virtual = selected.map((s) => ({ ...allocationBlock(block, s)!, id: s.id, name: `Block · ${s.id}` }));
    const summary = summarizeUtilization({ buckets: [JUNE], blocks: virtual, usedAh: use, measuredTo, by: "family", currency: "USD" });
    expect(summary.total.capacityAh.toNumber()).toBe(4_320);
    expect(summary.total.usedAh.toNumber()).toBe(3_024);
    expect(summary.total.idleCost.toNumber()).toBe(2_592);
    expect(summary.total.utilization!.toNumber()).toBe(0.7);
    expect(summary.blocks.map((b) => b.block.name)).toEqual(["Block · A"]);
  });
});
