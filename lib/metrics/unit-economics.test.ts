import { describe, expect, it } from "vitest";
import { dec } from "./decimal";
import { costPerMillionTokens, costUpTokensDown, profilePerMillion, unitMonths, type TokenMonth } from "./unit-economics";

const month = (iso: string, days: number, cost: string, tokens: string | null, daysReported = days): TokenMonth => ({
  month: new Date(`${iso}-01T00:00:00Z`),
  daysInMonth: days,
  cost: dec(cost),
  tokens: tokens === null ? null : dec(tokens),
  daysReported,
});

describe("costPerMillionTokens", () => {
  it("divides cost by tokens and scales to a million, exactly", () => {
    // 1,234.56 ÷ 411,520,000 × 10⁶ = 1,234.56 ÷ 411.52 = 3.
    expect(costPerMillionTokens("1234.56", "411520000")!.toString()).toBe("3");
    // 1 ÷ 3 × 10⁶ = 333,333.33…
    expect(costPerMillionTokens("1", "3")!.toFixed(2)).toBe("333333.33");
  });

  it("gives null for zero, negative or missing tokens, never Infinity", () => {
    expect(costPerMillionTokens("100", "0")).toBeNull();
    expect(costPerMillionTokens("100", "-5")).toBeNull();
    expect(costPerMillionTokens("100", null)).toBeNull();
    expect(costPerMillionTokens("100", undefined)).toBeNull();
  });

  it("gives 0 for a month that cost nothing", () => {
    expect(costPerMillionTokens("0", "1000")!.toString()).toBe("0");
  });
});

describe("unitMonths", () => {
  it("marks a month fully reported only when every day has a value", () => {
    const [full, gap, none] = unitMonths([
      month("2026-09", 30, "600", "200000000"),
      month("2026-10", 31, "620", "100000000", 30),
      month("2026-11", 30, "600", null, 0),
    ]);
    expect(full!.perMillion!.toString()).toBe("3"); // 600 ÷ 200 M × 10⁶
    expect(full!.fullyReported).toBe(true);
    expect(gap!.perMillion!.toString()).toBe("6.2");
    expect(gap!.fullyReported).toBe(false);
    expect(none!.perMillion).toBeNull();
    expect(none!.fullyReported).toBe(false);
  });
});

describe("costUpTokensDown", () => {
  it("lists a workload paying the same per day for fewer tokens per day", () => {
    // October: $3,100 over 31 days = $100/day, 31 × 10⁹ tokens = 10⁹/day → $0.10 per 1M.
    // November: $3,000 over 30 days = $100/day (unchanged), 27 × 10⁹ tokens = 0.9 × 10⁹/day → $0.111… per 1M.
    const months = unitMonths([month("2026-10", 31, "3100", "31000000000"), month("2026-11", 30, "3000", "27000000000")]);
    const hit = costUpTokensDown(months)!;
    expect(hit).not.toBeNull();
    expect(hit.costPerDay.previous.toString()).toBe("100");
    expect(hit.costPerDay.last.toString()).toBe("100");
    expect(hit.tokensPerDay.last.toString()).toBe("900000000");
    expect(months[0]!.perMillion!.toString()).toBe("0.1");
    expect(months[1]!.perMillion!.toFixed(4)).toBe("0.1111");
  });

  it("does not list a month-length fall in cost as a cost fall, nor a cost that falls per day", () => {
    // $2,970 over 30 days = $99/day < $100/day: the cost fell with the tokens.
    expect(
      costUpTokensDown(unitMonths([month("2026-10", 31, "3100", "31000000000"), month("2026-11", 30, "2970", "27000000000")])),
    ).toBeNull();
  });

  it("does not list tokens that rise per day, though the month total falls", () => {
    // 30.5 × 10⁹ in 30 days = 1.0166… × 10⁹/day > 10⁹/day.
    expect(
      costUpTokensDown(unitMonths([month("2026-10", 31, "3100", "31000000000"), month("2026-11", 30, "3100", "30500000000")])),
    ).toBeNull();
  });

  it("compares only the last two months, and only when both are fully reported", () => {
    const falling = [month("2026-09", 30, "3000", "30000000000"), month("2026-10", 31, "3100", "31000000000")];
    expect(costUpTokensDown(unitMonths([...falling, month("2026-11", 30, "3000", "20000000000", 29)]))).toBeNull();
    expect(costUpTokensDown(unitMonths([month("2026-11", 30, "3000", "20000000000")]))).toBeNull();
    expect(costUpTokensDown(unitMonths([month("2026-10", 31, "3100", "31000000000"), month("2026-11", 30, "3000", null, 0)]))).toBeNull();
  });
});

describe("profilePerMillion", () => {
  it("spreads used hours over the families held in proportion to the hours held", () => {
    // 100 used AH, held half on a 2,000 tokens/s family and half on a 3,000 one:
    // 50 × 2,000 × 3,600 + 50 × 3,000 × 3,600 = 360 M + 540 M = 900 M tokens; $720 ÷ 900 M × 10⁶ = $0.80.
    const v = profilePerMillion({
      cost: "720",
      usedAh: "100",
      unmeasuredCost: "0",
      holds: [
        { allocatedAh: "300", tokensPerSecond: "2000" },
        { allocatedAh: "300", tokensPerSecond: "3000" },
      ],
    });
    expect(v!.toString()).toBe("0.8");
  });

  it("gives null with no use, an unmeasured block, or a family without tokens/s", () => {
    const holds = [{ allocatedAh: "10", tokensPerSecond: "3000" }];
    expect(profilePerMillion({ cost: "1", usedAh: "0", unmeasuredCost: "0", holds })).toBeNull();
    expect(profilePerMillion({ cost: "1", usedAh: "5", unmeasuredCost: "0.5", holds })).toBeNull();
    expect(
      profilePerMillion({ cost: "1", usedAh: "5", unmeasuredCost: "0", holds: [...holds, { allocatedAh: "1", tokensPerSecond: null }] }),
    ).toBeNull();
    expect(profilePerMillion({ cost: "1", usedAh: "5", unmeasuredCost: "0", holds: [] })).toBeNull();
  });
});
