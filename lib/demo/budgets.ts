import type { Executor } from "@/lib/db/client";
import { budgets } from "@/lib/db/schema";
import { addUtcMonths, isoDay } from "@/lib/metrics/calendar";
import { dec, sumDec } from "@/lib/metrics/decimal";
import { SEED_ACTOR } from "./constants";
import type { ReservationPlan } from "./reservation-plan";

// Full-capacity cost of the blocks running in [from, to) over `hours`, rounded up to $1,000: a budget's scale.
function capacityCost(blocks: readonly ReservationPlan[], from: Date, to: Date, hours: number, share: string): string {
  const running = blocks.filter((b) => b.startAt < to && b.endAt > from);
  const total = sumDec(running.map((b) => dec(b.quantity).times(b.rate).times(hours))).times(share);
  return total.div(1000).ceil().times(1000).toFixed();
}

/** Two demo budgets from a year back: the lab per month with room to spare, the H100 fleet per quarter set tight. */
export async function insertBudgets(tx: Executor, plan: readonly ReservationPlan[], m0: Date): Promise<void> {
  const start = addUtcMonths(m0, -12);
  const h100 = plan.filter((b) => b.family === "H100");
  await tx.insert(budgets).values([
    {
      name: "Lab compute (monthly)",
      scopeKind: "lab" as const,
      periodKind: "month" as const,
      amount: capacityCost(plan, m0, addUtcMonths(m0, 1), 730, "1.1"),
      activeFrom: isoDay(start),
      updatedBy: SEED_ACTOR,
    },
    {
      name: "H100 fleet (quarterly)",
      scopeKind: "family" as const,
      family: "H100",
      periodKind: "quarter" as const,
      amount: capacityCost(h100, m0, addUtcMonths(m0, 1), 2190, "0.9"),
      actualThresholdPct: "75",
      activeFrom: isoDay(start),
      updatedBy: SEED_ACTOR,
    },
  ]);
}
