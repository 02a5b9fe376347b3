import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { CHARGE_MONTH, type BillingMonthKey } from "@/lib/ingest/billing-monthly";
import type { BillingPeriodKey } from "./summary";

export type Replaced = { provider: string; billingPeriodStart: string; rows: number };

/**
 * The replace rule: a newer export for a provider's billing period supersedes the older one. Rows of
 * earlier succeeded FOCUS imports with the same provider name and BillingPeriodStart as any row of
 * this import are deleted, in the import's transaction. Rows without a BillingPeriodStart are never
 * replaced (only the SHA-256 keeps them from loading twice). The earlier import keeps its history
 * row; its summary gains a `replacedBy` note. `touched`: the billing_monthly keys of the deleted rows, for the
 * caller to refresh in the same transaction.
 */
export async function replaceEarlierPeriods(
  tx: Tx,
  importId: number,
  periods: BillingPeriodKey[],
): Promise<{ replaced: Replaced[]; touched: BillingMonthKey[] }> {
  if (periods.length === 0) return { replaced: [], touched: [] };
  const keys = JSON.stringify(periods);
  // The earlier imports first, then the delete: Citus mis-plans a lateral jsonb function over a reference table
  // inside a DELETE's CTE ("invalid attnum"); two statements in one transaction say the same.
  const earlier = await queryRows<{ id: string }>(
    tx,
    sql`select i.id::text as id from imports i
        where i.kind = 'focus' and i.status = 'succeeded' and i.id <> ${importId}
          and exists (
            select 1 from jsonb_array_elements(coalesce(i.summary -> 'periods', '[]'::jsonb)) e
            join jsonb_to_recordset(${keys}::jsonb) as k(provider text, "billingPeriodStart" text)
              on e ->> 'provider' = k.provider and (e ->> 'billingPeriodStart')::timestamptz = k."billingPeriodStart"::timestamptz
          )`,
  );
  if (earlier.length === 0) return { replaced: [], touched: [] };
  const ids = `{${earlier.map((r) => r.id).join(",")}}`;
  const split = await queryRows<{
    import_id: number;
    provider: string;
    period: string;
    provider_id: string | null;
    month: string;
    rows: number;
  }>(
    tx,
    sql`with keys as (
          select k.provider, k."billingPeriodStart"::timestamptz as bps
          from jsonb_to_recordset(${keys}::jsonb) as k(provider text, "billingPeriodStart" text)
        ), gone as (
          delete from cost_line_items c using keys
          where c.import_id = any(${ids}::bigint[])
            and c.provider_name = keys.provider and c.billing_period_start = keys.bps
          returning c.import_id, c.provider_name, c.billing_period_start, c.provider_id, ${sql.raw(CHARGE_MONTH)} as month
        )
        select import_id::int as import_id, provider_name as provider,
               to_char(billing_period_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as period,
               provider_id::text as provider_id, to_char(month, 'YYYY-MM-DD') as month, count(*)::int as rows
        from gone group by 1, 2, 3, 4, 5 order by 2, 3, 1`,
  );
  const touched = new Map<string, BillingMonthKey>();
  const perImport = new Map<string, { import_id: number; provider: string; period: string; rows: number }>();
  for (const d of split) {
    touched.set(`${d.import_id}|${d.provider_id}|${d.month}`, { importId: d.import_id, providerId: d.provider_id, month: d.month });
    const key = `${d.import_id}\u0000${d.provider}\u0000${d.period}`;
    const row = perImport.get(key) ?? { import_id: d.import_id, provider: d.provider, period: d.period, rows: 0 };
    row.rows += d.rows;
    perImport.set(key, row);
  }
  const deleted = [...perImport.values()];
  const byImport = new Map<number, Replaced[]>();
  for (const d of deleted) {
    const list = byImport.get(d.import_id) ?? [];
    list.push({ provider: d.provider, billingPeriodStart: d.period, rows: d.rows });
    byImport.set(d.import_id, list);
  }
  for (const [earlier, list] of byImport) {
    const note = JSON.stringify(list.map((r) => ({ ...r, importId })));
    await tx.execute(
      sql`update imports set summary = jsonb_set(coalesce(summary, '{}'::jsonb), '{replacedBy}',
            coalesce(summary -> 'replacedBy', '[]'::jsonb) || ${note}::jsonb)
          where id = ${earlier}`,
    );
  }
  const merged = new Map<string, Replaced>();
  for (const d of deleted) {
    const key = `${d.provider}\u0000${d.period}`;
    const r = merged.get(key) ?? { provider: d.provider, billingPeriodStart: d.period, rows: 0 };
    r.rows += d.rows;
    merged.set(key, r);
  }
  return { replaced: [...merged.values()], touched: [...touched.values()] };
}
