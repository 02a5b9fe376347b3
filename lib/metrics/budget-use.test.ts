import { describe, expect, it } from "vitest";
import { usageBudgetFigures } from "./budget-use";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("usageBudgetFigures", () => {
  const measured = [
    { usedAh: "100", h100eFactor: "2" },
    { usedAh: "50.5", h100eFactor: "0.5" },
  ];
  // Two blocks of 1 accelerator over the last 14 days: 14 × 24 = 336 AH each; one half used, the other fully.
  const recent = [
    { capacityAh: "336", usedAh: "168", h100eFactor: "2" },
    { capacityAh: "336", usedAh: "336", h100eFactor: "0.5" },
  ];
  const blocks = [
    { quantity: 2, startAt: d("2026-03-01"), endAt: d("2026-04-01"), h100eFactor: "2" },
    { quantity: 1, startAt: d("2026-03-25"), endAt: d("2026-05-01"), h100eFactor: "0.5" },
  ];
  const rest = { from: d("2026-03-20"), to: d("2026-04-01") };

  it("sums used accelerator-hours and forecasts the rest at the recent utilization", () => {
    // actual 100 + 50.5 = 150.5 AH; recent utilization (168 + 336) ÷ (336 + 336) = 0.75
    // rest: 2 × 12 d × 24 h = 576 AH + 1 × 7 d × 24 h = 168 AH → 744 AH × 0.75 = 558 AH
    const f = usageBudgetFigures({ unit: "ah", measured, recent, blocks, rest });
    expect([f.actual.toFixed(), f.recentUtilization!.toFixed(), f.remainder.toFixed()]).toEqual(["150.5", "0.75", "558"]);
  });

  it("weighs every figure by the type's H100-equivalent factor in H100e·h", () => {
    // actual 100 × 2 + 50.5 × 0.5 = 225.25; recent (168 × 2 + 336 × 0.5) ÷ (336 × 2 + 336 × 0.5) = 504 ÷ 840 = 0.6
    // rest: 576 × 2 + 168 × 0.5 = 1,236 H100e·h × 0.6 = 741.6
    const f = usageBudgetFigures({ unit: "h100e_h", measured, recent, blocks, rest });
    expect([f.actual.toFixed(), f.recentUtilization!.toFixed(), f.remainder.toFixed()]).toEqual(["225.25", "0.6", "741.6"]);
  });

  it("forecasts nothing ahead without recent measurements or once the period is over", () => {
    expect(usageBudgetFigures({ unit: "ah", measured, recent: [], blocks, rest }).remainder.toFixed()).toBe("0");
    expect(usageBudgetFigures({ unit: "ah", measured, recent: [], blocks, rest }).recentUtilization).toBeNull();
    expect(usageBudgetFigures({ unit: "ah", measured, recent, blocks, rest: null }).remainder.toFixed()).toBe("0");
  });
});
