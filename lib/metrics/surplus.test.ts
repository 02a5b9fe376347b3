import { describe, expect, it } from "vitest";
import { dec } from "./decimal";
import { externalMonth, listPrice, quarterSurplus, surplusMonth, surplusOf } from "./surplus";

const month = (y: number, m: number) => ({ from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)) });
const jan = month(2027, 1); // 744 h
const feb = month(2027, 2); // 672 h
const mar = month(2027, 3); // 744 h
const prices = { spot: dec(2), onDemand: listPrice(["6", "3", "5", "4"]) }; // median of 3, 4, 5, 6 = 4.5

describe("surplusOf", () => {
  it("counts only the need beyond the allocations: 100 held, 60 allocated, 80 needed → 20 surplus", () => {
    const s = surplusOf({ held: 100, allocated: 60, need: 80 });
    expect(s.needBeyondAllocated.toString()).toBe("20");
    expect(s.committed.toString()).toBe("80");
    expect(s.surplus.toString()).toBe("20");
  });

  it("keeps allocated accelerators the forecast does not use: 100 held, 60 allocated, 40 needed → 40 surplus", () => {
    expect(surplusOf({ held: 100, allocated: 60, need: 40 }).surplus.toString()).toBe("40");
  });

  it("gives a negative surplus (a shortfall) when need exceeds what is held", () => {
    expect(surplusOf({ held: 100, allocated: 60, need: 130 }).surplus.toString()).toBe("-30");
  });
});

describe("listPrice", () => {
  it("is the median list price, the mean of the middle two for an even count, null with none", () => {
    expect(listPrice(["6", "3", "5", "4"])!.toString()).toBe("4.5");
    expect(listPrice(["2.1", "9", "1"])!.toString()).toBe("2.1");
    expect(listPrice([])).toBeNull();
  });
});

describe("surplusMonth", () => {
  it("values the month's surplus accelerator-hours at spot and on-demand list prices", () => {
    const m = surplusMonth({
      month: jan,
      accelerators: { held: 100, allocated: 60, need: 80 },
      h100e: { held: 250, allocated: 150, need: "187.5" },
      prices,
    });
    expect(m.surplus.toString()).toBe("20");
    expect(m.surplusH100e.toString()).toBe("62.5"); // 250 − max(150, 187.5)
    expect(m.surplusAh.toString()).toBe("14880"); // 20 × 744 h
    expect(m.valueSpot!.toString()).toBe("29760"); // × $2
    expect(m.valueOnDemand!.toString()).toBe("66960"); // × $4.50
  });

  it("values a shortfall at nothing and leaves a value without a list price null", () => {
    const m = surplusMonth({
      month: feb,
      accelerators: { held: 100, allocated: 60, need: 130 },
      h100e: { held: 100, allocated: 60, need: 130 },
      prices: { spot: null, onDemand: dec("4.5") },
    });
    expect(m.surplus.toString()).toBe("-30");
    expect(m.surplusAh.toString()).toBe("0");
    expect(m.valueSpot).toBeNull();
    expect(m.valueOnDemand!.toString()).toBe("0");
  });
});

describe("quarterSurplus", () => {
  const row = (p: typeof jan, held: string, h100e: string) =>
    surplusMonth({ month: p, accelerators: { held, allocated: 0, need: 0 }, h100e: { held: h100e, allocated: 0, need: 0 }, prices });

  it("is the whole accelerators free in every month, over the quarter's 2,160 hours", () => {
    const q = quarterSurplus([row(jan, "20.6", "51"), row(feb, "12.9", "32.25"), row(mar, "30", "75")], prices);
    expect(q.accelerators).toBe(12); // floor(min(20.6, 12.9, 30))
    expect(q.h100e.toString()).toBe("32.25");
    expect(q.ah.toString()).toBe("25920"); // 12 × (744 + 672 + 744)
    expect(q.valueSpot!.toString()).toBe("51840");
    expect(q.valueOnDemand!.toString()).toBe("116640");
  });

  it("is zero when one month falls short", () => {
    const short = surplusMonth({
      month: feb,
      accelerators: { held: 10, allocated: 0, need: 12 },
      h100e: { held: 10, allocated: 0, need: 12 },
      prices,
    });
    const q = quarterSurplus([row(jan, "20", "20"), short, row(mar, "20", "20")], prices);
    expect(q.accelerators).toBe(0);
    expect(q.h100e.toString()).toBe("0");
    expect(q.valueSpot!.toString()).toBe("0");
  });
});

describe("externalMonth", () => {
  it("prices allocated hours at the sale price and sets the allocated cost against it", () => {
    const e = externalMonth({ allocatedAh: 744, salePriceUsd: dec("3.5"), cost: "2000" });
    expect(e.revenue!.toString()).toBe("2604"); // 744 × 3.50
    expect(e.margin!.toString()).toBe("604");
    expect(e.marginPct!.toFixed(2)).toBe("23.20"); // 604 ÷ 2,604
  });

  it("leaves revenue and margin unknown when the sale currency has no rate", () => {
    const e = externalMonth({ allocatedAh: 744, salePriceUsd: null, cost: "2000" });
    expect(e.revenue).toBeNull();
    expect(e.margin).toBeNull();
    expect(e.cost.toString()).toBe("2000");
  });
});
