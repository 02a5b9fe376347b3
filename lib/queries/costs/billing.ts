import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { parseUtc } from "@/lib/metrics/calendar";
import { billedKey, type ActualCost } from "@/lib/metrics/monthly-spend";
import type { FamilyCharges } from "@/lib/metrics/provider-comparison";
import type { Ctx } from "@/lib/services/context";
import { dateParam, tsParam } from "../overview/sql";
import { blockFilterSql, type CostFilters } from "./blocks";

// A charge's provider: the matched provider, else the ProviderName it was billed under (kept apart by a prefix).
const PROVIDER_KEY = sql.raw(`coalesce(c.provider_id::text, 'name:' || coalesce(c.provider_name, ''))`);
const MONTH = sql.raw(`to_char(date_trunc('month', c.charge_period_start at time zone 'UTC'), 'YYYY-MM-DD')`);

function periodSql(from: Date, to: Date): SQL {
  return sql`c.charge_period_start >= ${tsParam(from)} and c.charge_period_start < ${tsParam(to)}`;
}

/** Every provider-month of [from, to) with billing rows in this currency (whatever their family or site). */
export async function loadBilledMonths(ctx: Ctx, f: Pick<CostFilters, "from" | "to" | "provider">, currency: string): Promise<Set<string>> {
  const rows = await queryRows<{ provider: string; month: string }>(
    ctx.db,
    sql`select distinct ${PROVIDER_KEY} as provider, ${MONTH} as month
        from cost_line_items c join imports i on i.id = c.import_id
        where i.status = 'succeeded' and c.billing_currency = ${currency} and ${periodSql(f.from, f.to)}
          ${f.provider ? sql`and c.provider_id = ${f.provider}::uuid` : sql``}`,
  );
  return new Set(rows.map((r) => billedKey(r.provider, parseUtc(r.month))));
}

export type BillingGroup = ActualCost & { list: string | null; contracted: string | null };

/**
 * Σ EffectiveCost per provider, family (null: tied to no accelerator type) and month of [from, to), with Σ ListCost
 * and Σ ContractedCost (ListCost where absent) of the rows carrying a ListCost. The family and site filters keep
 * the charges tied to a matching accelerator type or reservation.
 */
export async function loadBillingGroups(ctx: Ctx, f: CostFilters, currency: string): Promise<BillingGroup[]> {
  const filters: SQL[] = [];
  if (f.provider) filters.push(sql`c.provider_id = ${f.provider}::uuid`);
  if (f.family) filters.push(sql`t.family = ${f.family}`);
  if (f.site) filters.push(sql`r.site_id = ${f.site}::uuid`);
  const rows = await queryRows<{ provider: string; provider_name: string; family: string | null; month: string; effective: string; list: string | null; contracted: string | null }>(
    ctx.db,
    sql`select ${PROVIDER_KEY} as provider, coalesce(p.name, c.provider_name, 'Unknown provider') as provider_name, t.family, ${MONTH} as month,
               sum(c.effective_cost)::text as effective, sum(c.list_cost)::text as list,
               sum(coalesce(c.contracted_cost, c.list_cost)) filter (where c.list_cost is not null)::text as contracted
        from cost_line_items c
        join imports i on i.id = c.import_id
        left join providers p on p.id = c.provider_id
        left join accelerator_types t on t.id = c.accelerator_type_id
        left join reservations r on r.id = c.reservation_id
        where i.status = 'succeeded' and c.billing_currency = ${currency} and ${periodSql(f.from, f.to)}
          ${filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``}
        group by 1, 2, 3, 4`,
  );
  return rows.map((r) => ({ providerId: r.provider, providerName: r.provider_name, family: r.family, month: parseUtc(r.month), amount: r.effective, list: r.list, contracted: r.contracted }));
}

export function familyCharges(groups: readonly BillingGroup[]): FamilyCharges[] {
  return groups.flatMap((g) => (g.family === null ? [] : [{ providerId: g.providerId, family: g.family, month: g.month, effective: g.amount, list: g.list, contracted: g.contracted }]));
}

/** used_AH per block and month from utilization_monthly (never the hourly table), keyed by usageKey. */
export async function loadMonthlyUsed(ctx: Ctx, f: CostFilters): Promise<Map<string, string>> {
  const rows = await queryRows<{ reservation_id: string; month: string; used_ah: string }>(
    ctx.db,
    sql`select u.reservation_id, to_char(u.month, 'YYYY-MM-DD') as month, u.used_ah::text as used_ah
        from utilization_monthly u
        join reservations r on r.id = u.reservation_id
        join accelerator_types t on t.id = r.accelerator_type_id
        where u.month >= ${dateParam(f.from)} and u.month < ${dateParam(f.to)} and ${blockFilterSql(f)}`,
  );
  return new Map(rows.map((r) => [`${r.reservation_id}|${r.month}`, r.used_ah]));
}
