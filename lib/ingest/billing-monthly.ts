import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";

/** Import, provider (null: tied to none) and UTC month of ChargePeriodStart: the charges a refresh recomputes. */
export type BillingMonthKey = { importId: number; providerId: string | null; month: string };

// The UTC month of a charge, as every billing query buckets it.
export const CHARGE_MONTH = `date_trunc('month', c.charge_period_start at time zone 'UTC')::date`;

export const COLUMNS = `month, import_id, provider_id, provider_name, billing_currency, contract_id, reservation_id, accelerator_type_id,
  workload_id, charge_category, pricing_category, commitment_discount_status, commitment_discount_id, has_list_cost, has_contracted_cost,
  commitment_discount_name, commitment_discount_type, rows, billed_cost, effective_cost, list_cost, contracted_cost,
  pricing_quantity, consumed_quantity, first_charge_start, last_charge_start`;

// The rollup rows of the charges `c` (drizzle/0002_billing_monthly.sql backfills with the same select).
const GROUPED = `select ${CHARGE_MONTH}, c.import_id, c.provider_id, case when c.provider_id is null then c.provider_name end,
    c.billing_currency, c.contract_id, c.reservation_id, c.accelerator_type_id, c.workload_id, c.charge_category, c.pricing_category,
    c.commitment_discount_status, c.commitment_discount_id, c.list_cost is not null, c.contracted_cost is not null,
    max(c.commitment_discount_name), max(c.commitment_discount_type), count(*), sum(c.billed_cost), sum(c.effective_cost),
    sum(c.list_cost), sum(c.contracted_cost), sum(c.pricing_quantity), sum(c.consumed_quantity),
    min(c.charge_period_start), max(c.charge_period_start)`;
const GROUP_BY = `group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15`;
const READ = `c.charge_period_start, c.import_id, c.provider_id, c.provider_name, c.billing_currency, c.contract_id, c.reservation_id,
  c.accelerator_type_id, c.workload_id, c.charge_category, c.pricing_category, c.commitment_discount_status, c.commitment_discount_id,
  c.commitment_discount_name, c.commitment_discount_type, c.billed_cost, c.effective_cost, c.list_cost, c.contracted_cost,
  c.pricing_quantity, c.consumed_quantity`;

/** Keys as a subquery of (import_id bigint, provider_id uuid, month date), for refreshBillingMonthly. */
export function billingMonthKeys(keys: readonly BillingMonthKey[]): SQL {
  const json = JSON.stringify(keys.map((k) => ({ i: k.importId, p: k.providerId, m: k.month })));
  return sql`select (k ->> 'i')::bigint as import_id, (k ->> 'p')::uuid as provider_id, (k ->> 'm')::date as month
    from jsonb_array_elements(${json}::jsonb) k`;
}

/**
 * Recomputes billing_monthly from cost_line_items, by DELETE + INSERT … SELECT … GROUP BY: every row ("all"), the
 * rows of one import ({ importId }: after loading it; the key holds the import, so no other import's rows change),
 * or those of the (import_id, provider_id, month) keys a subquery selects (after deleting or re-tying charges,
 * the keys of the rows before and after). Run it in the transaction that changed the charges, after the change;
 * running it again gives the same rows.
 */
export async function refreshBillingMonthly(tx: Executor, keys: SQL | "all" | { importId: number }): Promise<void> {
  await hashingGroups(tx, () => recompute(tx, keys));
}

/**
 * Runs `work` with the charges' groups hashed in memory. A few thousand groups out of up to millions of charges,
 * but the planner cannot tell from 15 grouping columns and sorts every charge through disk (plus seconds of JIT):
 * set_config(…, true) lasts until the transaction ends, so the previous values are put back after.
 */
export async function hashingGroups<T>(tx: Executor, work: () => Promise<T>): Promise<T> {
  const [before] = await queryRows<{ jit: string; sort: string; mem: string }>(
    tx,
    sql`select current_setting('jit') as jit, current_setting('enable_sort') as sort, current_setting('work_mem') as mem,
          set_config('jit', 'off', true), set_config('enable_sort', 'off', true), set_config('work_mem', '64MB', true)`,
  );
  const result = await work();
  await tx.execute(
    sql`select set_config('jit', ${before!.jit}, true), set_config('enable_sort', ${before!.sort}, true), set_config('work_mem', ${before!.mem}, true)`,
  );
  return result;
}

async function recompute(tx: Executor, keys: SQL | "all" | { importId: number }): Promise<void> {
  if (keys === "all") {
    await tx.execute(sql`delete from billing_monthly`);
    await tx.execute(sql.raw(`insert into billing_monthly (${COLUMNS}) ${GROUPED} from cost_line_items c ${GROUP_BY}`));
    return;
  }
  if ("importId" in keys) {
    const id = Math.trunc(Number(keys.importId));
    await tx.execute(sql`delete from billing_monthly where import_id = ${id}`);
    await tx.execute(
      sql.raw(`insert into billing_monthly (${COLUMNS}) ${GROUPED} from cost_line_items c where c.import_id = ${id} ${GROUP_BY}`),
    );
    return;
  }
  // One statement: the DELETE (a CTE) sees only the rows that existed before it, never the ones inserted.
  await tx.execute(sql`
    with keys as materialized (
      select distinct k.import_id, k.provider_id, k.month, (k.month::timestamp at time zone 'UTC') as lo,
        ((k.month + interval '1 month')::timestamp at time zone 'UTC') as hi
      from (${keys}) k
    ), gone as (
      delete from billing_monthly b using keys k
      where b.import_id = k.import_id and b.month = k.month and b.provider_id is not distinct from k.provider_id
    )
    insert into billing_monthly (${sql.raw(COLUMNS)})
    ${sql.raw(GROUPED)}
    from (
      select ${sql.raw(READ)} from keys k join cost_line_items c
        on c.provider_id = k.provider_id and c.charge_period_start >= k.lo and c.charge_period_start < k.hi and c.import_id = k.import_id
      union all
      select ${sql.raw(READ)} from keys k join cost_line_items c
        on k.provider_id is null and c.provider_id is null and c.charge_period_start >= k.lo and c.charge_period_start < k.hi and c.import_id = k.import_id
    ) c
    ${sql.raw(GROUP_BY)}`);
}

/**
 * billing_monthly against a GROUP BY over cost_line_items, row by row as text (so a sum's scale counts): the rows
 * one side has and the other lacks, empty when the rollup is exact. The tests' check of the rollup; it lives here
 * because it reuses the rollup's own select.
 * @internal
 */
export async function billingMonthlyDrift(db: Executor): Promise<{ side: "expected" | "actual"; row: string }[]> {
  return queryRows(
    db,
    sql.raw(`
      with expected as (select e::text as row from (${GROUPED} from cost_line_items c ${GROUP_BY}) e),
      actual as (select a::text as row from (select ${COLUMNS} from billing_monthly) a)
      (select 'expected' as side, row from (select row from expected except all select row from actual) m)
      union all
      (select 'actual' as side, row from (select row from actual except all select row from expected) x)
      order by 2, 1`),
  );
}
