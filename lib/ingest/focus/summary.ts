import Decimal from "decimal.js";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { CHARGE_MONTH, COLUMNS, hashingGroups } from "../billing-monthly";
import { REPORTING_CURRENCY } from "./rows";

export type FocusTotals = { rows: number; billedCost: string; effectiveCost: string };

export type FocusSummary = {
  currency: string;
  total: FocusTotals;
  byProvider: ({ provider: string } & FocusTotals)[];
  byMonth: ({ month: string } & FocusTotals)[];
  matching: {
    contractRows: number;
    reservationRows: number;
    acceleratorRows: number;
    unmatchedRows: number;
    unmatchedEffectiveCost: string;
  };
};

/** A provider's billing period present in an import: the key of the replace rule. */
export type BillingPeriodKey = { provider: string; billingPeriodStart: string };

// The summary's grouping sets over the groups `g` (p, m, bps): Citus refuses GROUPING SETS over a distributed table.
const SUMMARY_SETS = `select
    case when grouping(p) = 0 and grouping(bps) = 0 then 'period' when grouping(p) = 0 then 'provider'
         when grouping(m) = 0 then 'month' else 'total' end as kind,
    p as provider, m as month, bps as period,
    coalesce(sum(rows), 0)::int as rows,
    coalesce(sum(billed), 0)::text as billed,
    coalesce(sum(effective), 0)::text as effective,
    coalesce(sum(contract_rows), 0)::int as contract_rows,
    coalesce(sum(reservation_rows), 0)::int as reservation_rows,
    coalesce(sum(accelerator_rows), 0)::int as accelerator_rows,
    coalesce(sum(unmatched_rows), 0)::int as unmatched_rows,
    coalesce(sum(unmatched_effective), 0)::text as unmatched_effective
  from g
  group by grouping sets ((p), (m), (p, bps), ())
  order by 1, 2, 3, 4`;

type Row = {
  kind: "total" | "provider" | "month" | "period";
  provider: string | null;
  month: string | null;
  period: string | null;
  rows: number;
  billed: string;
  effective: string;
  contract_rows: number;
  reservation_rows: number;
  accelerator_rows: number;
  unmatched_rows: number;
  unmatched_effective: string;
};

/** Money as a decimal string with at least two decimals and no trailing zeros beyond them. */
function money(value: string): string {
  const d = new Decimal(value);
  return d.decimalPlaces() < 2 ? d.toFixed(2) : d.toFixed();
}

const totals = (r: Row): FocusTotals => ({ rows: r.rows, billedCost: money(r.billed), effectiveCost: money(r.effective) });

/**
 * One pass over the import's rows for both its summary and its billing_monthly rows: the rows are grouped once by
 * the rollup's key plus the raw provider name and billing period (a few thousand groups, in a temporary table
 * dropped at commit), and both are computed from those groups (sums of sums are exact in numeric). Run in the
 * load's transaction, before the replace rule (which deletes only other imports' rows). Returns the summary and
 * the import's billing periods.
 */
export async function summarizeAndRollUp(tx: Executor, importId: number): Promise<{ summary: FocusSummary; periods: BillingPeriodKey[] }> {
  const id = Math.trunc(Number(importId));
  const groups = `focus_groups_${id}`;
  const rows = await hashingGroups(tx, async () => {
    await tx.execute(
      sql.raw(`create temp table ${groups} on commit drop as
        select ${CHARGE_MONTH} as month, c.provider_id, c.provider_name, c.billing_currency, c.contract_id, c.reservation_id,
          c.accelerator_type_id, c.workload_id, c.charge_category, c.pricing_category, c.commitment_discount_status, c.commitment_discount_id,
          c.list_cost is not null as has_list, c.contracted_cost is not null as has_contracted, c.billing_period_start as bps,
          max(c.commitment_discount_name) as cd_name, max(c.commitment_discount_type) as cd_type, count(*) as n,
          sum(c.billed_cost) as billed, sum(c.effective_cost) as effective, sum(c.list_cost) as list,
          sum(c.contracted_cost) as contracted, sum(c.pricing_quantity) as pq, sum(c.consumed_quantity) as cq,
          min(c.charge_period_start) as first, max(c.charge_period_start) as last
        from cost_line_items c where c.import_id = ${id}
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15`),
    );
    await tx.execute(sql`delete from billing_monthly where import_id = ${id}`);
    await tx.execute(
      sql.raw(`insert into billing_monthly (${COLUMNS})
        select month, ${id}, provider_id, case when provider_id is null then provider_name end, billing_currency, contract_id,
          reservation_id, accelerator_type_id, workload_id, charge_category, pricing_category, commitment_discount_status,
          commitment_discount_id, has_list, has_contracted, max(cd_name), max(cd_type), sum(n), sum(billed), sum(effective),
          sum(list), sum(contracted), sum(pq), sum(cq), min(first), max(last)
        from ${groups} group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15`),
    );
    return queryRows<Row>(
      tx,
      sql.raw(`with g as materialized (
          select coalesce(provider_name, '') as p, to_char(month, 'YYYY-MM') as m,
            to_char(bps at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as bps,
            sum(n) as rows, sum(billed) as billed, sum(effective) as effective,
            sum(n) filter (where contract_id is not null) as contract_rows,
            sum(n) filter (where reservation_id is not null) as reservation_rows,
            sum(n) filter (where accelerator_type_id is not null) as accelerator_rows,
            sum(n) filter (where contract_id is null and reservation_id is null and accelerator_type_id is null) as unmatched_rows,
            sum(effective) filter (where contract_id is null and reservation_id is null and accelerator_type_id is null) as unmatched_effective
          from ${groups}
          group by 1, 2, 3
        )
        ${SUMMARY_SETS}`),
    );
  });
  const total = rows.find((r) => r.kind === "total")!;
  return {
    summary: {
      currency: REPORTING_CURRENCY,
      total: totals(total),
      byProvider: rows.filter((r) => r.kind === "provider").map((r) => ({ provider: r.provider ?? "", ...totals(r) })),
      byMonth: rows.filter((r) => r.kind === "month").map((r) => ({ month: r.month ?? "", ...totals(r) })),
      matching: {
        contractRows: total.contract_rows,
        reservationRows: total.reservation_rows,
        acceleratorRows: total.accelerator_rows,
        unmatchedRows: total.unmatched_rows,
        unmatchedEffectiveCost: money(total.unmatched_effective),
      },
    },
    periods: rows
      .filter((r) => r.kind === "period" && r.period !== null)
      .map((r) => ({ provider: r.provider ?? "", billingPeriodStart: r.period! })),
  };
}
