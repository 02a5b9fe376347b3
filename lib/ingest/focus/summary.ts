import Decimal from "decimal.js";
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
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

/** Totals of one import read back from cost_line_items (one scan, then grouping sets), plus its billing periods. */
export async function summarizeImport(db: Executor, importId: number): Promise<{ summary: FocusSummary; periods: BillingPeriodKey[] }> {
  const rows = await queryRows<Row>(
    db,
    // Grouped by (provider, month, period) on the rows first, then into the grouping sets over those few groups:
    // Citus runs the first on every shard in parallel and refuses GROUPING SETS over a distributed table.
    sql`with g as materialized (
          select p, m, bps,
            count(*) as rows, sum(billed_cost) as billed, sum(effective_cost) as effective,
            count(contract_id) as contract_rows, count(reservation_id) as reservation_rows,
            count(accelerator_type_id) as accelerator_rows,
            count(*) filter (where unmatched) as unmatched_rows,
            sum(effective_cost) filter (where unmatched) as unmatched_effective
          from (
            select coalesce(provider_name, '') as p,
                   to_char(charge_period_start at time zone 'UTC', 'YYYY-MM') as m,
                   to_char(billing_period_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as bps,
                   billed_cost, effective_cost, contract_id, reservation_id, accelerator_type_id,
                   (contract_id is null and reservation_id is null and accelerator_type_id is null) as unmatched
            from cost_line_items where import_id = ${importId}
          ) x
          group by p, m, bps
        )
        select
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
        order by 1, 2, 3, 4`,
  );
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
