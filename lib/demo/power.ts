import type { Executor } from "@/lib/db/client";
import { powerBudgets } from "@/lib/db/schema";
import { accelerator } from "./catalog";
import { SEED_ACTOR, WINDOW_END_MONTHS } from "./constants";
import { isoDay } from "@/lib/metrics/calendar";
import { monthDay } from "./dates";
import { createRng } from "./random";
import type { ReservationPlan } from "./reservation-plan";
import { SITES, type SiteSeed } from "./sites";

export type PowerBudgetPlan = { site: string; effectiveFrom: string; effectiveTo: string | null; contractedMw: string };

// Facility MW of the blocks that overlap month `m` (relative to the month of asOf): Σ quantity × system W ÷ 10⁶ × PUE.
export function siteFacilityMw(site: SiteSeed, blocks: readonly ReservationPlan[], m0: Date, m: number): number {
  const from = monthDay(m0, m);
  const to = monthDay(m0, m + 1);
  const itW = blocks
    .filter((r) => r.site === site.name && r.startAt < to && r.endAt > from)
    .reduce((sum, r) => sum + r.quantity * accelerator(r.family).systemW, 0);
  return (itW / 1e6) * Number(site.pue);
}

function step(mw: number): number {
  return mw < 100 ? 5 : mw < 500 ? 10 : 50;
}

const roundUp = (mw: number) => Math.max(5, Math.ceil(mw / step(mw)) * step(mw));
const roundDown = (mw: number) => Math.max(5, Math.floor(mw / step(mw)) * step(mw));

// Time-phased contracted power that ramps ahead of the load it serves, with 15–45 % headroom per phase.
// Sites with a `budgetShortfall` get a final phase below their projected peak: an honest over-budget month.
export function planPowerBudgets(blocks: readonly ReservationPlan[], m0: Date): PowerBudgetPlan[] {
  return SITES.flatMap((site) => {
    const rng = createRng(`power:${site.code}`);
    const bounds = [-30, rng.int(-16, -10), rng.int(-5, 0), rng.int(2, 6), WINDOW_END_MONTHS + 12];
    const peaks = bounds.slice(0, -1).map((from, i) => {
      const to = Math.min(bounds[i + 1]!, WINDOW_END_MONTHS);
      let peak = 0;
      for (let m = from; m < to; m++) peak = Math.max(peak, siteFacilityMw(site, blocks, m0, m));
      return peak;
    });
    const last = peaks.length - 1;
    const mws: number[] = [];
    peaks.forEach((peak, i) => {
      const headroom = 1.15 + rng.int(0, 30) / 100;
      const mw = site.budgetShortfall && i === last ? roundDown(peak * site.budgetShortfall) : roundUp(peak * headroom);
      mws.push(i === 0 || (site.budgetShortfall && i === last) ? mw : Math.max(mw, mws[i - 1]!));
    });
    if (site.budgetShortfall) {
      for (let i = 0; i < last; i++) mws[i] = Math.min(mws[i]!, mws[last]!);
    }
    return mws.map((mw, i) => ({
      site: site.name,
      effectiveFrom: isoDay(monthDay(m0, bounds[i]!)),
      effectiveTo: i === last ? null : isoDay(monthDay(m0, bounds[i + 1]!)),
      contractedMw: mw.toFixed(3),
    }));
  });
}

export async function insertPowerBudgets(tx: Executor, plans: readonly PowerBudgetPlan[], sites: Map<string, string>): Promise<number> {
  await tx.insert(powerBudgets).values(
    plans.map((p) => ({
      siteId: sites.get(p.site)!,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      contractedMw: p.contractedMw,
      updatedBy: SEED_ACTOR,
    })),
  );
  return plans.length;
}
