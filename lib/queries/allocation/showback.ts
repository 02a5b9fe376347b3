import { isNull, sql } from "drizzle-orm";
import { allocations, poolRules, workloads } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import { dateParam, MONEY_CURRENCY } from "@/lib/db/sql";
import { fxRates } from "@/lib/env";
import { allocatedAh } from "@/lib/metrics/allocation";
import { startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import { capacityAh } from "@/lib/metrics/capacity";
import { dec, Dec } from "@/lib/metrics/decimal";
import { blocksInUsd } from "@/lib/metrics/fx";
import { billedKey, monthKey } from "@/lib/metrics/monthly-spend";
import type { Period } from "@/lib/metrics/period";
import { plannedCost } from "@/lib/metrics/planned-cost";
import { showbackMonth, type MonthShowback, type PoolRule, type ShowbackBlock } from "@/lib/metrics/showback";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { loadBilledMonths, loadMonthlyUsed, monthsSql } from "../costs/billing";
import { loadCostBlocks } from "../costs/blocks";

export type ShowbackMonth = MonthShowback & {
  month: Period;
  /** Allocated H100e·h per workload: each allocation's accelerator-hours × its block's H100-equivalent factor. */
  h100eAh: Map<string, Dec>;
};

// A charge's provider as the Costs page keys it (lib/queries/costs/billing.ts).
const PROVIDER_KEY = sql.raw(`coalesce(b.provider_id::text, 'name:' || coalesce(b.provider_name, ''))`);
const MONTH = sql.raw(`to_char(b.month, 'YYYY-MM-DD')`);

/**
 * Showback per month of [from, to) in USD (PRODUCT.md §3 allocation), on the Costs page's numbers: a provider-month
 * with billing is actual — each block its charges tied to it, the provider's other charges to the workload their
 * allocation rule names (billing_monthly.workload_id), unallocated when none does — and every other provider-month is the blocks' planned cost (reserved: every hour held;
 * on-demand and spot: the hours used, every hour from the month of asOf on). Blocks priced in another currency are
 * converted as on Costs. Each block-month is split by its allocations' accelerator-hours; a pay-per-use block pays
 * only its used hours, so it is split on those, in the allocations' proportions, as used cost. A reserved block's use
 * per workload is what the utilization feed's workload column reported (utilization_workload_daily) for the block in
 * the month, null when it reported none.
 */
export async function getShowback(
  ctx: Ctx,
  input: {
    from: Date;
    to: Date;
    /** The same rule for every pool (a what-if); omitted: each family's rule of pool_rules, proportional without one. */
    rule?: PoolRule;
    asOf?: Date;
  },
): Promise<ShowbackMonth[]> {
  requirePermission(ctx, "app.read");
  const from = startOfUtcMonth(input.from);
  const to = startOfUtcMonth(input.to);
  const thisMonth = startOfUtcMonth(input.asOf ?? new Date());
  const count = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const months = utcMonths(from, Math.max(0, count));
  const f = { from, to, provider: null, family: null, site: null };
  const currency = MONEY_CURRENCY;
  const [loaded, used, billed, tied, byProvider, spans, owners, workloadUse, poolRows] = await Promise.all([
    loadCostBlocks(ctx, f),
    loadMonthlyUsed(ctx, f),
    loadBilledMonths(ctx, f, currency),
    queryRows<{ reservation_id: string; month: string; amount: string }>(
      ctx.db,
      sql`select b.reservation_id, ${MONTH} as month, sum(b.effective_cost)::text as amount
          from billing_monthly b join imports i on i.id = b.import_id
          where i.status = 'succeeded' and b.billing_currency = ${currency} and ${monthsSql(from, to)} and b.reservation_id is not null
          group by 1, 2`,
    ),
    // A charge tied to no block goes to the workload its allocation rule names (lib/ingest/matching.ts).
    queryRows<{ provider: string; month: string; workload_id: string | null; amount: string }>(
      ctx.db,
      sql`select ${PROVIDER_KEY} as provider, ${MONTH} as month, case when b.reservation_id is null then b.workload_id::text end as workload_id,
            sum(b.effective_cost)::text as amount
          from billing_monthly b join imports i on i.id = b.import_id
          where i.status = 'succeeded' and b.billing_currency = ${currency} and ${monthsSql(from, to)}
          group by 1, 2, 3`,
    ),
    ctx.db
      .select({
        reservationId: allocations.reservationId,
        workloadId: allocations.workloadId,
        quantity: allocations.quantity,
        startAt: allocations.startAt,
        endAt: allocations.endAt,
      })
      .from(allocations)
      .where(isNull(allocations.archivedAt))
      // Oldest first: a workload's reported use goes to its allocations of a block in this order (as on the filtered pages).
      .orderBy(allocations.startAt, allocations.id),
    ctx.db.select({ id: workloads.id, teamId: workloads.teamId }).from(workloads),
    // Use per workload from the utilization feed's workload column, per block and month.
    queryRows<{ reservation_id: string; workload_id: string; month: string; used_ah: string }>(
      ctx.db,
      sql`select reservation_id, workload_id, to_char(date_trunc('month', day::timestamp), 'YYYY-MM-DD') as month, sum(used_ah)::text as used_ah
          from utilization_workload_daily where day >= ${dateParam(from)} and day < ${dateParam(to)}
          group by 1, 2, 3`,
    ),
    input.rule ? [] : loadPoolRules(ctx),
  ]);
  const blocks = blocksInUsd(loaded, fxRates()).blocks;
  const tiedCost = new Map(tied.map((r) => [`${r.reservation_id}|${r.month}`, r.amount]));
  const spansOf = new Map<string, typeof spans>();
  for (const s of spans) spansOf.set(s.reservationId, [...(spansOf.get(s.reservationId) ?? []), s]);
  const teamOf = new Map(owners.map((w) => [w.id, w.teamId]));
  const reportedUse = new Map<string, Map<string, Dec>>(); // block|month → workload → used AH
  for (const r of workloadUse) {
    const k = `${r.reservation_id}|${r.month}`;
    reportedUse.set(k, (reportedUse.get(k) ?? new Map<string, Dec>()).set(r.workload_id, dec(r.used_ah)));
  }
  const rules = new Map(poolRows.map((r) => [r.family, r.rule]));
  if (input.rule) for (const b of blocks) rules.set(b.family, input.rule);
  const usedOf = (blockId: string, month: Date): Dec | null => {
    const u = used.get(blockId);
    const k = u ? u.months.indexOf(month.getTime()) : -1;
    return k >= 0 ? dec(u!.usedAh[k]) : null;
  };

  return months.map((month) => {
    const key = monthKey(month.from);
    const known = month.from < thisMonth;
    const showbackBlocks: ShowbackBlock[] = [];
    const h100eAh = new Map<string, Dec>();
    const assigned = new Map<string, Dec>(); // per provider: the billed charges given to a block
    for (const b of blocks) {
      const capacity = capacityAh(b, month);
      if (capacity.lte(0)) continue;
      const usedAh = usedOf(b.id, month.from);
      const isBilled = billed.has(billedKey(b.providerId, month.from));
      const payPerUse = b.pricingModel !== "reserved";
      let cost: Dec;
      if (isBilled) {
        cost = dec(tiedCost.get(`${b.id}|${key}`) ?? 0);
        assigned.set(b.providerId, (assigned.get(b.providerId) ?? new Dec(0)).plus(cost));
      } else {
        cost = known
          ? plannedCost({ pricingModel: b.pricingModel, rate: b.rate, capacityAh: capacity, usedAh: usedAh ?? 0 })
          : capacity.times(b.rate);
      }
      // A pay-per-use block pays for its used hours (all of them, ahead of asOf): split those, all as used.
      const paid = payPerUse ? (known ? (usedAh ?? new Dec(0)) : capacity) : capacity;
      const scale = payPerUse && capacity.gt(0) ? paid.div(capacity) : new Dec(1);
      // A reserved block's use per workload, when the feed reported it for the block in the month (a workload it did
      // not report used nothing); a workload's use goes to its allocations in turn, each at most what it holds.
      const reported = payPerUse ? undefined : reportedUse.get(`${b.id}|${key}`);
      const left = new Map(reported);
      const usedBy = (workloadId: string, ah: Dec): Dec | null => {
        if (!reported) return null;
        const rest = left.get(workloadId) ?? new Dec(0);
        const taken = rest.lt(ah) ? rest : ah;
        left.set(workloadId, rest.minus(taken));
        return taken;
      };
      showbackBlocks.push({
        family: b.family,
        cost,
        capacityAh: paid,
        usedAh: payPerUse ? paid : usedAh,
        allocations: (spansOf.get(b.id) ?? []).flatMap((s) => {
          const ah = allocatedAh(b, { quantity: s.quantity, from: s.startAt, to: s.endAt }, month);
          if (ah.gt(0)) h100eAh.set(s.workloadId, (h100eAh.get(s.workloadId) ?? new Dec(0)).plus(ah.times(scale).times(b.h100eFactor)));
          return ah.gt(0) ? [{ workloadId: s.workloadId, allocatedAh: ah.times(scale), usedAh: usedBy(s.workloadId, ah) }] : [];
        }),
      });
    }
    // Per provider, what no block took: the charges a rule gave a workload, the rest (less the blocks' share) unallocated.
    const untied: { workloadId: string | null; amount: Dec }[] = [];
    const rest = new Map<string, Dec>();
    for (const p of byProvider) {
      if (p.month !== key) continue;
      if (p.workload_id !== null) untied.push({ workloadId: p.workload_id, amount: dec(p.amount) });
      else rest.set(p.provider, (rest.get(p.provider) ?? new Dec(0)).plus(p.amount));
    }
    for (const [provider, amount] of rest) untied.push({ workloadId: null, amount: amount.minus(assigned.get(provider) ?? 0) });
    for (const [provider, amount] of assigned) if (!rest.has(provider)) untied.push({ workloadId: null, amount: amount.neg() });
    return {
      month,
      h100eAh,
      ...showbackMonth({ blocks: showbackBlocks, untied: untied.filter((u) => !u.amount.isZero()), teamOf, rules }),
    };
  });
}

/** The pool rule of each family that has one (a family without a row is proportional). */
export async function loadPoolRules(ctx: Ctx): Promise<{ family: string; rule: PoolRule }[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db.select({ family: poolRules.family, kind: poolRules.kind, teamId: poolRules.teamId }).from(poolRules);
  return rows.map((r) => ({
    family: r.family,
    rule: r.kind === "team" && r.teamId ? { kind: "team", teamId: r.teamId } : { kind: r.kind === "even" ? "even" : "proportional" },
  }));
}
