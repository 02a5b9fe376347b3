import { describe, expect, it } from "vitest";
import { unconvertedNote } from "@/lib/format/fx";
import { blocksInUsd, sumUsd, toUsd, unconverted } from "./fx";

const RATES = { EUR: "1.08", GBP: "1.27" };

describe("toUsd", () => {
  it("keeps USD, multiplies by USD per unit, and refuses a currency without a rate", () => {
    expect(toUsd("1000000.50", "USD", RATES)!.toFixed()).toBe("1000000.5");
    // 123 EUR × 1.08 = 132.84 USD; 0.01 GBP × 1.27 = 0.0127 (exact, not rounded to cents)
    expect(toUsd("123", "EUR", RATES)!.toFixed()).toBe("132.84");
    expect(toUsd("0.01", "GBP", RATES)!.toFixed()).toBe("0.0127");
    // decimal, not float: 0.1 × 3 ≠ 0.30000000000000004
    expect(toUsd("0.1", "XTS", { XTS: "3" })!.toFixed()).toBe("0.3");
    expect(toUsd("5", "JPY", RATES)).toBeNull();
  });
});

describe("sumUsd", () => {
  it("sums what converts and counts what does not, by currency", () => {
    // 1,000 USD + 200 EUR × 1.08 = 216 + 10 GBP × 1.27 = 12.7 → 1,228.7; JPY ×2 and CHF ×1 have no rate
    const r = sumUsd(
      [
        { amount: "1000", currency: "USD" },
        { amount: "200", currency: "EUR" },
        { amount: "10", currency: "GBP" },
        { amount: "5000000", currency: "JPY", count: 2 },
        { amount: "7", currency: "CHF" },
      ],
      RATES,
    );
    expect(r.total.toFixed()).toBe("1228.7");
    expect(r.unconverted).toEqual([
      { currency: "JPY", count: 2 },
      { currency: "CHF", count: 1 },
    ]);
    expect(unconverted([{ currency: "USD" }, { currency: "EUR" }], RATES)).toEqual([]);
  });
});

describe("blocksInUsd", () => {
  it("prices convertible blocks in USD and leaves the others as they are", () => {
    const blocks = [
      { id: "a", rate: "2", currency: "USD" },
      { id: "b", rate: "2.5", currency: "EUR" }, // 2.5 × 1.08 = 2.7 USD per AH
      { id: "c", rate: "300", currency: "JPY" },
    ];
    const r = blocksInUsd(blocks, RATES);
    expect(r.blocks).toEqual([
      { id: "a", rate: "2", currency: "USD" },
      { id: "b", rate: "2.7", currency: "USD" },
      { id: "c", rate: "300", currency: "JPY" },
    ]);
    expect(r.unconverted).toEqual([{ currency: "JPY", count: 1 }]);
  });
});

describe("unconvertedNote", () => {
  it("says what a figure left out", () => {
    expect(unconvertedNote([], "contract")).toBeNull();
    expect(unconvertedNote([{ currency: "JPY", count: 2 }], "contract")).toBe("excludes 2 contracts in JPY: no rate");
    expect(
      unconvertedNote(
        [
          { currency: "JPY", count: 1 },
          { currency: "CHF", count: 1 },
        ],
        "block",
      ),
    ).toBe("excludes 1 block in JPY, 1 in CHF: no rate");
  });
});
