import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { contracts, reservations } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import { NotFoundError } from "@/lib/errors";
import { burndown, type Burndown, type ConsumedMonth } from "@/lib/metrics/burndown";
import { addUtcMonths, isoDay, parseUtc, startOfUtcMonth } from "@/lib/metrics/calendar";
import { capacityAh } from "@/lib/metrics/capacity";
import { dec } from "@/lib/metrics/decimal";
import { paidHours, type PlannedCostInput } from "@/lib/metrics/planned-cost";
import { plannedSpend } from "@/lib/metrics/spend";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { tsParam } from "@/lib/db/sql";

export type ContractBurndown = Burndown & {
  currency: string;
  months: ConsumedMonth[];
};

type ContractTerm = Pick<typeof contracts.$inferSelect, "id" | "startDate" | "endDate" | "committedAmount" | "currency">;
// The columns a burn-down reads, not the whole row (two more timestamps a block, parsed into dates, and the rest).
const BLOCK_COLUMNS = {
  id: reservations.id,
  contractId: reservations.contractId,
  quantity: reservations.quantity,
  startAt: reservations.startAt,
  endAt: reservations.endAt,
  pricingModel: reservations.pricingModel,
  rate: reservations.rate,
  currency: reservations.currency,
};
type BlockRow = { [K in keyof typeof BLOCK_COLUMNS]: (typeof reservations.$inferSelect)[K] };

/** Σ EffectiveCost of a contract-month, and of the part of it tied to none of the contract's linked reservations. */
type Billed = { amount: string; other: string };

// A charge is "other" when it is tied to no reservation, or to one that is not linked to its contract (archived
// blocks are not linked: the burn-down schedules none of their cost).
const untied = (alias: "b" | "c") =>
  sql.raw(`(${alias}.reservation_id is null or not exists (select 1 from reservations l
    where l.id = ${alias}.reservation_id and l.contract_id = k.id and l.archived_at is null))`);

/**
 * Σ EffectiveCost per contract and month (key `contract/YYYY-MM-DD`) of its charges in its currency from its
 * start to min(asOf, end), with the part of it tied to no linked reservation, from billing_monthly. A rollup row whose charges straddle either bound (known from
 * its first and last ChargePeriodStart) cannot be cut: that contract-month alone is summed from cost_line_items.
 */
async function loadBilledByMonth(ctx: Ctx, idList: SQL, asOfTs: SQL): Promise<Map<string, Billed>> {
  const window = sql`cross join lateral (select (k.start_date::timestamp at time zone 'UTC') as lo,
    least(${asOfTs}, k.end_date::timestamp at time zone 'UTC') as hi) w`;
  const rolled = await queryRows<{ contract_id: string; month: string; amount: string | null; other: string | null; cut: boolean }>(
    ctx.db,
    sql`select b.contract_id, to_char(b.month, 'YYYY-MM-DD') as month,
          sum(b.effective_cost) filter (where b.first_charge_start >= w.lo and b.last_charge_start < w.hi)::text as amount,
          sum(b.effective_cost) filter (where b.first_charge_start >= w.lo and b.last_charge_start < w.hi and ${untied("b")})::text as other,
          bool_or(b.first_charge_start < w.lo or b.last_charge_start >= w.hi) as cut
        from billing_monthly b join imports i on i.id = b.import_id join contracts k on k.id = b.contract_id ${window}
        where b.contract_id in (${idList}) and i.status = 'succeeded' and b.billing_currency = k.currency
          and b.last_charge_start >= w.lo and b.first_charge_start < w.hi
        group by 1, 2`,
  );
  const billed = new Map<string, Billed>();
  for (const r of rolled)
    if (!r.cut && r.amount !== null) billed.set(`${r.contract_id}/${r.month}`, { amount: r.amount, other: r.other ?? "0" });
  const cut = rolled.filter((r) => r.cut).map((r) => ({ c: r.contract_id, m: r.month }));
  if (cut.length === 0) return billed;
  const raw = await queryRows<{ contract_id: string; month: string; amount: string; other: string | null }>(
    ctx.db,
    sql`select c.contract_id, to_char(x.m, 'YYYY-MM-DD') as month, sum(c.effective_cost)::text as amount,
          sum(c.effective_cost) filter (where ${untied("c")})::text as other
        from (select (e ->> 'c')::uuid as c, (e ->> 'm')::date as m from jsonb_array_elements(${JSON.stringify(cut)}::jsonb) e) x
        join cost_line_items c on c.contract_id = x.c
          and c.charge_period_start >= (x.m::timestamp at time zone 'UTC') and c.charge_period_start < ((x.m + interval '1 month')::timestamp at time zone 'UTC')
        join imports i on i.id = c.import_id join contracts k on k.id = c.contract_id ${window}
        where i.status = 'succeeded' and c.billing_currency = k.currency
          and c.charge_period_start >= w.lo and c.charge_period_start < w.hi
        group by 1, 2`,
  );
  for (const r of raw) billed.set(`${r.contract_id}/${r.month}`, { amount: r.amount, other: r.other ?? "0" });
  return billed;
}

/**
 * The burn-down of one contract at asOf. Each month of the term before asOf is consumed from billing when
 * the contract has billing rows in that month (Σ EffectiveCost of the charges mapped to it, in the contract's
 * currency, from billing_monthly), and otherwise from planned cost of its linked reservations (reserved:
 * capacity × rate; on-demand and spot: used accelerator-hours from utilization_daily × rate). The two are never
 * added for a month.
 */
export async function getContractBurndown(ctx: Ctx, id: string, asOf = new Date()): Promise<ContractBurndown> {
  requirePermission(ctx, "app.read");
  const [contract] = await ctx.db.select().from(contracts).where(eq(contracts.id, id));
  if (!contract) throw new NotFoundError("This contract does not exist.");
  const [result] = await getContractBurndowns(ctx, [contract], asOf);
  return result!;
}

/**
 * The burn-downs of several contracts at asOf in three queries (a fourth when a billed month must be cut), in the
 * order given (exports read it by page).
 */
export async function getContractBurndowns(ctx: Ctx, terms: readonly ContractTerm[], asOf = new Date()): Promise<ContractBurndown[]> {
  requirePermission(ctx, "app.read");
  if (terms.length === 0) return [];
  const ids = terms.map((c) => c.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const asOfTs = tsParam(asOf);
  const [blockRows, actual, usedRows] = await Promise.all([
    ctx.db
      .select(BLOCK_COLUMNS)
      .from(reservations)
      .where(and(inArray(reservations.contractId, ids), isNull(reservations.archivedAt))),
    loadBilledByMonth(ctx, idList, asOfTs),
    queryRows<{ reservation_id: string; month: string; used_ah: string }>(
      ctx.db,
      sql`select d.reservation_id, to_char(date_trunc('month', d.day), 'YYYY-MM-DD') as month, sum(d.used_ah)::text as used_ah
          from utilization_daily d join reservations r on r.id = d.reservation_id join contracts k on k.id = r.contract_id
          where r.contract_id in (${idList}) and r.archived_at is null and r.pricing_model <> 'reserved'
            and d.day >= k.start_date and d.day < least(${isoDay(asOf)}::date, k.end_date)
          group by 1, 2`,
    ),
  ]);
  const used = new Map(usedRows.map((r) => [`${r.reservation_id}/${r.month}`, r.used_ah]));
  return terms.map((contract) =>
    burndownOf(
      contract,
      blockRows.filter((b) => b.contractId === contract.id && b.currency === contract.currency),
      (month) => actual.get(`${contract.id}/${month}`),
      used,
      asOf,
    ),
  );
}

function burndownOf(
  contract: ContractTerm,
  blocks: BlockRow[],
  billedIn: (month: string) => Billed | undefined,
  used: Map<string, string>,
  asOf: Date,
): ContractBurndown {
  const start = parseUtc(contract.startDate);
  const end = parseUtc(contract.endDate);
  const until = new Date(Math.min(asOf.getTime(), end.getTime()));
  const months: ConsumedMonth[] = [];
  // Each rate parsed once, not once per block and month (for a contract with 150 blocks over 30 months that would be
  // ~22,000 decimal operations per page view).
  const rates = blocks.map((b) => dec(b.rate));
  for (let m = startOfUtcMonth(start); m < until; m = addUtcMonths(m, 1)) {
    const key = isoDay(m);
    const billed = billedIn(key);
    if (billed !== undefined) {
      months.push({ month: m, amount: dec(billed.amount), source: "actual", other: dec(billed.other) });
      continue;
    }
    const period = {
      from: new Date(Math.max(m.getTime(), start.getTime())),
      to: new Date(Math.min(addUtcMonths(m, 1).getTime(), until.getTime())),
    };
    const paid: PlannedCostInput[] = [];
    blocks.forEach((b, i) => {
      // Only the hours the block pays for this month are worked out (paidHours: held for reserved, used otherwise),
      // and a block paying for none adds nothing rather than a zero product.
      const hours = paidHours(
        b.pricingModel,
        () => capacityAh(b, period),
        () => dec(used.get(`${b.id}/${key}`)),
      )();
      if (!hours.isZero()) paid.push({ pricingModel: b.pricingModel, rate: rates[i]!, capacityAh: hours, usedAh: hours });
    });
    months.push({ month: m, amount: plannedSpend(paid), source: "planned" });
  }
  const scheduled = blocks.map((b, i) => ({ ...b, rate: rates[i]! }));
  const result = burndown({ committed: contract.committedAmount, start, end, asOf, months, blocks: scheduled });
  return { ...result, currency: contract.currency, months };
}
