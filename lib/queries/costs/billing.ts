import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { parseUtc, startOfUtcMonth } from "@/lib/metrics/calendar";
import { billedKey, type ActualCost, type MonthlyUsage } from "@/lib/metrics/monthly-spend";
import type { FamilyCharges } from "@/lib/metrics/provider-comparison";
import type { Ctx } from "@/lib/auth/context";
import { dateParam } from "@/lib/db/sql";
import { blockFilterSql, type CostFilters } from "./blocks";

// A charge's provider: the matched provider, else the ProviderName it was billed under (kept apart by a prefix).
// Reads billing_monthly (one row per import, UTC month of ChargePeriodStart and grouped field), never cost_line_items.
const PROVIDER_KEY = sql.raw(`coalesce(b.provider_id::text, 'name:' || coalesce(b.provider_name, ''))`);
const MONTH = sql.raw(`to_char(b.month, 'YYYY-MM-DD')`);

/** [from, to) as whole UTC months of billing_monthly; the billing views only ask for whole months. */
export function monthsSql(from: Date, to: Date): SQL {
  for (const d of [from, to]) {
    if (startOfUtcMonth(d).getTime() !== d.getTime())
      throw new Error(`Billing is read by whole UTC months: ${d.toISOString()} is not the start of one.`);
  }
  return sql`b.month >= ${dateParam(from)} and b.month < ${dateParam(to)}`;
}

/** Every provider-month of [from, to) with billing rows in this currency (whatever their family or site). */
export async function loadBilledMonths(ctx: Ctx, f: Pick<CostFilters, "from" | "to" | "provider">, currency: string): Promise<Set<string>> {
  const rows = await queryRows<{ provider: string; month: string }>(
    ctx.db,
    sql`select distinct ${PROVIDER_KEY} as provider, ${MONTH} as month
        from billing_monthly b join imports i on i.id = b.import_id
        where i.status = 'succeeded' and b.billing_currency = ${currency} and ${monthsSql(f.from, f.to)}
          ${f.provider ? sql`and b.provider_id = ${f.provider}::uuid` : sql``}`,
  );
  return new Set(rows.map((r) => billedKey(r.provider, parseUtc(r.month))));
}

export type BillingGroup = ActualCost & { list: string | null; contracted: string | null };

/**
 * Σ EffectiveCost per provider, family (null: tied to no accelerator type) and month of [from, to), with Σ ListCost
 * and Σ ContractedCost (ListCost where absent) of the rows carrying a ListCost. The family and site filters keep
 * the charges tied to a matching accelerator type or reservation. A rollup row's charges all have a ListCost or
 * all lack one, and likewise a ContractedCost, so the sums are those of the charges.
 */
export async function loadBillingGroups(ctx: Ctx, f: CostFilters, currency: string): Promise<BillingGroup[]> {
  const filters: SQL[] = [];
  if (f.provider) filters.push(sql`b.provider_id = ${f.provider}::uuid`);
  if (f.family) filters.push(sql`t.family = ${f.family}`);
  if (f.site) filters.push(sql`r.site_id = ${f.site}::uuid`);
  const rows = await queryRows<{
    provider: string;
    provider_name: string;
    family: string | null;
    month: string;
    effective: string;
    list: string | null;
    contracted: string | null;
  }>(
    ctx.db,
    sql`select ${PROVIDER_KEY} as provider, coalesce(p.name, b.provider_name, 'Unknown provider') as provider_name, t.family, ${MONTH} as month,
               sum(b.effective_cost)::text as effective, sum(b.list_cost)::text as list,
               sum(case when b.has_contracted_cost then b.contracted_cost else b.list_cost end) filter (where b.has_list_cost)::text as contracted
        from billing_monthly b
        join imports i on i.id = b.import_id
        left join providers p on p.id = b.provider_id
        left join accelerator_types t on t.id = b.accelerator_type_id
        left join reservations r on r.id = b.reservation_id
        where i.status = 'succeeded' and b.billing_currency = ${currency} and ${monthsSql(f.from, f.to)}
          ${filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``}
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4`,
  );
  return rows.map((r) => ({
    providerId: r.provider,
    providerName: r.provider_name,
    family: r.family,
    month: parseUtc(r.month),
    amount: r.effective,
    list: r.list,
    contracted: r.contracted,
  }));
}

export function familyCharges(groups: readonly BillingGroup[]): FamilyCharges[] {
  return groups.flatMap((g) =>
    g.family === null
      ? []
      : [{ providerId: g.providerId, family: g.family, month: g.month, effective: g.amount, list: g.list, contracted: g.contracted }],
  );
}

/**
 * used_AH per block and month from utilization_monthly (or per day from utilization_daily; never the hourly table).
 * One row per block carrying its buckets as "epoch-seconds used_AH" pairs: a few thousand rows to read instead of
 * one per block and bucket.
 */
export async function loadMonthlyUsed(ctx: Ctx, f: CostFilters, grain: "month" | "day" = "month"): Promise<MonthlyUsage> {
  const used =
    grain === "month"
      ? sql`select u.reservation_id, string_agg(extract(epoch from u.month)::bigint || ' ' || u.used_ah::text, ' ') as used
            from utilization_monthly u
            join reservations r on r.id = u.reservation_id
            join accelerator_types t on t.id = r.accelerator_type_id
            where u.month >= ${dateParam(f.from)} and u.month < ${dateParam(f.to)} and ${blockFilterSql(f)}
            group by u.reservation_id`
      : sql`select u.reservation_id, string_agg(extract(epoch from u.day)::bigint || ' ' || u.used_ah::text, ' ') as used
            from utilization_daily u
            join reservations r on r.id = u.reservation_id
            join accelerator_types t on t.id = r.accelerator_type_id
            where u.day >= ${dateParam(f.from)} and u.day < ${dateParam(f.to)} and ${blockFilterSql(f)}
            group by u.reservation_id`;
  const rows = await queryRows<{ reservation_id: string; used: string }>(ctx.db, used);
  const usage = new Map<string, { months: number[]; usedAh: string[] }>();
  for (const r of rows) {
    const parts = r.used.split(" ");
    const months = new Array<number>(parts.length / 2);
    const usedAh = new Array<string>(parts.length / 2);
    for (let k = 0; k < months.length; k++) {
      months[k] = Number(parts[2 * k]) * 1000;
      usedAh[k] = parts[2 * k + 1]!;
    }
    usage.set(r.reservation_id, { months, usedAh });
  }
  return usage;
}
