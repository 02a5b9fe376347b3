import { DataTable } from "@/components/overview/data-table";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMoneyDecimal } from "@/lib/format/number";

type Totals = { rows: number; billedCost: string; effectiveCost: string };
export type FocusSummaryLike = {
  currency: string;
  total: Totals;
  byProvider: ({ provider: string } & Totals)[];
  byMonth: ({ month: string } & Totals)[];
  matching?: {
    contractRows: number;
    reservationRows: number;
    acceleratorRows: number;
    unmatchedRows: number;
    unmatchedEffectiveCost: string;
  };
};
export type UtilizationSummaryLike = { reservations: number; hours: number; usedAh: string };
export type BusinessMetricsSummaryLike = {
  workloads: number;
  metrics: string[];
  values: number;
  replaced: number;
  firstDay: string;
  lastDay: string;
};
export type ImportSummaryLike = FocusSummaryLike | UtilizationSummaryLike | BusinessMetricsSummaryLike | Record<string, unknown>;

const COST_COLUMNS = [
  { header: "Rows", numeric: true },
  { header: "BilledCost", numeric: true },
  { header: "EffectiveCost", numeric: true },
];

function isFocus(s: ImportSummaryLike): s is FocusSummaryLike {
  return Array.isArray((s as FocusSummaryLike).byProvider);
}

function isUtilization(s: ImportSummaryLike): s is UtilizationSummaryLike {
  return typeof (s as UtilizationSummaryLike).usedAh === "string";
}

function isBusinessMetrics(s: ImportSummaryLike): s is BusinessMetricsSummaryLike {
  return Array.isArray((s as BusinessMetricsSummaryLike).metrics) && typeof (s as BusinessMetricsSummaryLike).replaced === "number";
}

const count = (n: number) => n.toLocaleString("en-US");

/** Totals of a loaded import, read back from the database after the load (not from the parser). */
export function SummaryTables({ summary }: { summary: ImportSummaryLike }) {
  if (isUtilization(summary)) {
    return (
      <p className="mt-3 text-sm">
        {count(summary.hours)} block-hours over {count(summary.reservations)} reservations, {formatDecimal(summary.usedAh, 1)}{" "}
        accelerator-hours used.
      </p>
    );
  }
  if (isBusinessMetrics(summary)) {
    return (
      <p className="mt-3 text-sm">
        {count(summary.values)} daily values ({summary.metrics.join(", ")}) for {count(summary.workloads)}{" "}
        {summary.workloads === 1 ? "workload" : "workloads"}, {formatDay(summary.firstDay)} to {formatDay(summary.lastDay)}
        {summary.replaced > 0 ? `; ${count(summary.replaced)} replaced an earlier value` : ""}.
      </p>
    );
  }
  if (!isFocus(summary)) return null;
  const money = (v: string) => formatMoneyDecimal(v, summary.currency);
  const totals = (t: Totals) => [count(t.rows), money(t.billedCost), money(t.effectiveCost)];
  const m = summary.matching;
  return (
    <div className="mt-3 grid grid-cols-1 gap-4 lg:grid-cols-2">
      <section aria-label="Totals by provider">
        <h3 className="text-sm font-medium">By provider ({summary.currency})</h3>
        <DataTable
          caption="Rows and totals by provider"
          columns={[{ header: "Provider" }, ...COST_COLUMNS]}
          rows={summary.byProvider.map((p) => [p.provider, ...totals(p)])}
          total={["Total", ...totals(summary.total)]}
        />
      </section>
      <section aria-label="Totals by month">
        <h3 className="text-sm font-medium">By charge month ({summary.currency})</h3>
        <DataTable
          caption="Rows and totals by month"
          columns={[{ header: "Month" }, ...COST_COLUMNS]}
          rows={summary.byMonth.map((r) => [formatMonth(`${r.month}-01`), ...totals(r)])}
          total={["Total", ...totals(summary.total)]}
        />
      </section>
      {m ? (
        <p className="text-sm text-slate-700 lg:col-span-2 dark:text-slate-300">
          Matched: {count(m.contractRows)} rows to contracts, {count(m.reservationRows)} to reservations, {count(m.acceleratorRows)} to
          accelerator types.{" "}
          {m.unmatchedRows > 0 ? (
            <>
              {count(m.unmatchedRows)} rows ({money(m.unmatchedEffectiveCost)} EffectiveCost) match nothing yet:{" "}
              <a href="/costs/unmatched" className="font-medium text-brand-700 underline dark:text-brand-300">
                map them
              </a>
              .
            </>
          ) : (
            "Every row is matched."
          )}
        </p>
      ) : null}
    </div>
  );
}
