import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { budgets, teams } from "@/lib/db/schema";
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

const thousands = (v: ReturnType<typeof dec>) => v.div(1000).ceil().times(1000).toFixed();

/**
 * The H100e·h the lab holds in a month of 730 h (Σ quantity × h100_equivalent of the blocks running in it), and the
 * largest contract running in that month with its monthly share of the commitment (committed ÷ term months).
 */
async function scales(tx: Executor, from: Date, to: Date) {
  const [held] = await queryRows<{ h100e: string | null }>(
    tx,
    sql`select sum(r.quantity * t.h100_equivalent)::text as h100e from reservations r join accelerator_types t on t.id = r.accelerator_type_id
        where r.start_at < ${to.toISOString()}::timestamptz and r.end_at > ${from.toISOString()}::timestamptz`,
  );
  const [contract] = await queryRows<{ id: string; name: string; monthly: string; start_month: string }>(
    tx,
    sql`select id, name, to_char(date_trunc('month', start_date), 'YYYY-MM-DD') as start_month, (committed_amount / greatest(1, (extract(year from age(end_date, start_date)) * 12 + extract(month from age(end_date, start_date)))))::text as monthly
        from contracts where start_date <= ${isoDay(from)}::date and end_date > ${isoDay(to)}::date order by committed_amount desc, name limit 1`,
  );
  return { h100eHours: dec(held?.h100e ?? 0).times(730), contract };
}

/**
 * The demo budgets from a year back: the lab per month with room to spare, the H100 fleet per quarter set tight, a
 * team tree in H100e·h per month whose parent (Research) is set below its two sub-teams' sum, so the hierarchy
 * warning shows, and the largest running contract's monthly share in money.
 */
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
  const { h100eHours, contract } = await scales(tx, m0, addUtcMonths(m0, 1));
  const teamIds = new Map((await tx.select({ id: teams.id, name: teams.name }).from(teams)).map((t) => [t.name, t.id]));
  const teamBudget = (team: string, share: string) => ({
    name: `${team} H100e·h (monthly)`,
    scopeKind: "team" as const,
    teamId: teamIds.get(team)!,
    unit: "h100e_h",
    periodKind: "month" as const,
    amount: thousands(h100eHours.times(share)),
    activeFrom: isoDay(start),
    updatedBy: SEED_ACTOR,
  });
  // Research 35 % of the lab's H100e·h, below Pre-training 25 % + Post-training 15 % = 40 %.
  await tx
    .insert(budgets)
    .values([teamBudget("Research", "0.35"), teamBudget("Pre-training", "0.25"), teamBudget("Post-training", "0.15")]);
  if (contract) {
    await tx.insert(budgets).values({
      name: `${contract.name} (monthly)`,
      scopeKind: "contract",
      contractId: contract.id,
      periodKind: "month",
      amount: thousands(dec(contract.monthly)),
      activeFrom: contract.start_month > isoDay(start) ? contract.start_month : isoDay(start),
      updatedBy: SEED_ACTOR,
    });
  }
}
