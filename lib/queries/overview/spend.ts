import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { parseUtc, startOfUtcDay, startOfUtcMonth, startOfUtcYear, utcMonths } from "@/lib/metrics/calendar";
import { totalCapacityAh, type Block } from "@/lib/metrics/capacity";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import { plannedCost, type PricingModel } from "@/lib/metrics/planned-cost";
import { committedSpend, isCommitted, type ContractStatus } from "@/lib/metrics/spend";
import { dateParam, isoTs, MONEY_CURRENCY, tsParam } from "./sql";

const STATUS_ORDER: ContractStatus[] = ["active", "pending", "exhausted", "proposed", "expired", "cancelled"];

export type CommittedSection = {
  currency: string;
  total: Dec;
  contracts: number;
  byStatus: { status: ContractStatus; contracts: number; amount: Dec; counted: boolean }[];
  otherCurrencyContracts: number;
};

export type PlannedSpendSection = {
  currency: string;
  period: Period;
  usageThrough: Date;
  total: Dec;
  reserved: Dec;
  usageBased: Dec;
  monthly: { month: Period; reserved: Dec; usageBased: Dec; total: Dec }[];
};

export async function loadCommitted(db: Executor): Promise<CommittedSection> {
  const rows = await queryRows<{ status: ContractStatus; currency: string; contracts: number; amount: string }>(
    db,
    sql`select status::text as status, currency, count(*)::int as contracts, sum(committed_amount)::text as amount
        from contracts where archived_at is null group by status, currency`,
  );
  const usd = rows.filter((r) => r.currency === MONEY_CURRENCY);
  const byStatus = STATUS_ORDER.flatMap((status) => {
    const row = usd.find((r) => r.status === status);
    return row ? [{ status, contracts: row.contracts, amount: dec(row.amount), counted: isCommitted(status) }] : [];
  });
  return {
    currency: MONEY_CURRENCY,
    total: committedSpend(byStatus.map((s) => ({ status: s.status, committedAmount: s.amount }))),
    contracts: byStatus.filter((s) => s.counted).reduce((n, s) => n + s.contracts, 0),
    byStatus,
    otherCurrencyContracts: rows.filter((r) => r.currency !== MONEY_CURRENCY).reduce((n, r) => n + r.contracts, 0),
  };
}

/** Year to date: [1 Jan, asOf) for reserved hours; usage-based blocks through the last whole day before asOf. */
export async function loadPlannedSpend(db: Executor, asOf: Date): Promise<PlannedSpendSection> {
  const yearStart = startOfUtcYear(asOf);
  const asOfMonth = startOfUtcMonth(asOf);
  const asOfDay = startOfUtcDay(asOf);
  const [reservedRows, usageRows] = await Promise.all([
    queryRows<{ start_at: string; end_at: string; rate: string; quantity: number }>(
      db,
      sql`select ${isoTs("start_at")} as start_at, ${isoTs("end_at")} as end_at, rate::text as rate, sum(quantity)::int as quantity
          from reservations
          where archived_at is null and status in ('active', 'expired') and pricing_model = 'reserved'
            and currency = ${MONEY_CURRENCY} and start_at < ${tsParam(asOf)} and end_at > ${tsParam(yearStart)}
          group by start_at, end_at, rate`,
    ),
    queryRows<{ month: string; pricing_model: PricingModel; rate: string; used_ah: string }>(
      db,
      sql`with used as (
            select reservation_id, month, used_ah from utilization_monthly
            where month >= ${dateParam(yearStart)} and month < ${dateParam(asOfMonth)}
            union all
            select reservation_id, day - (extract(day from day)::int - 1), used_ah from utilization_daily
            where day >= ${dateParam(asOfMonth)} and day < ${dateParam(asOfDay)}
          )
          select to_char(u.month, 'YYYY-MM-DD') as month, r.pricing_model::text as pricing_model, r.rate::text as rate,
                 sum(u.used_ah)::text as used_ah
          from used u join reservations r on r.id = u.reservation_id
          where r.archived_at is null and r.status in ('active', 'expired') and r.pricing_model <> 'reserved'
            and r.currency = ${MONEY_CURRENCY}
          group by u.month, r.pricing_model, r.rate`,
    ),
  ]);
  const byRate = new Map<string, Block[]>();
  for (const r of reservedRows) {
    const blocks = byRate.get(r.rate) ?? [];
    blocks.push({ quantity: r.quantity, startAt: parseUtc(r.start_at), endAt: parseUtc(r.end_at) });
    byRate.set(r.rate, blocks);
  }
  const months = utcMonths(yearStart, asOf.getUTCMonth() + 1).map((m) => ({ from: m.from, to: m.to < asOf ? m.to : asOf }));
  const monthly = months.map((month) => {
    const reserved = sumDec(
      [...byRate].map(([rate, blocks]) =>
        plannedCost({ pricingModel: "reserved", rate, capacityAh: totalCapacityAh(blocks, month), usedAh: 0 }),
      ),
    );
    const usageBased = sumDec(
      usageRows
        .filter((u) => parseUtc(u.month).getTime() === month.from.getTime())
        .map((u) => plannedCost({ pricingModel: u.pricing_model, rate: u.rate, capacityAh: 0, usedAh: u.used_ah })),
    );
    return { month, reserved, usageBased, total: reserved.plus(usageBased) };
  });
  const reserved = sumDec(monthly.map((m) => m.reserved));
  const usageBased = sumDec(monthly.map((m) => m.usageBased));
  return {
    currency: MONEY_CURRENCY,
    period: { from: yearStart, to: asOf },
    usageThrough: asOfDay,
    total: reserved.plus(usageBased),
    reserved,
    usageBased,
    monthly,
  };
}
