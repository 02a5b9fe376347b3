import type { ReactNode } from "react";
import { Panel } from "@/components/answers/chart-table";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { DataTable } from "@/components/overview/data-table";
import { familyColor } from "@/lib/format/colors";
import { formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMoneyDecimal, formatRate } from "@/lib/format/number";
import type { Dec } from "@/lib/metrics/decimal";
import type { SurplusView as View } from "@/lib/queries/allocation/surplus";
import { surplusChartPoints } from "@/lib/queries/allocation/surplus-points";
import { cn } from "@/lib/utils";

const num = (d: Dec, digits = 1) => formatDecimal(d.toFixed(digits), digits);
const money = (d: Dec | null) => (d ? formatMoneyDecimal(d.toFixed(2)) : "—");
const signed = (d: Dec, key: string) => (
  <span key={key} className={cn(d.isNegative() && "font-medium text-red-700 dark:text-red-300")}>
    {num(d)}
  </span>
);
const quarterLabel = (p: View["nextQuarter"]) => {
  const last = new Date(p.to.getTime() - 1);
  return `${formatMonth(p.from)} – ${formatMonth(last)}`;
};
const familyLabel = (family: string) => (
  <span className="inline-flex items-center gap-2">
    <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: familyColor(family) }} />
    {family}
  </span>
);

function Kpi({ label, value, note }: { label: string; value: ReactNode; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <p className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {note ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</p> : null}
    </div>
  );
}

function NextQuarter({ view }: { view: View }) {
  const label = quarterLabel(view.nextQuarter);
  const sellable = view.families.filter((f) => f.nextQuarter.accelerators > 0);
  return (
    <section aria-labelledby="next-quarter" className="mt-6">
      <h2 id="next-quarter" className="text-lg font-semibold">
        What could we resell next quarter ({label})?
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        {sellable.length
          ? `${sellable.map((f) => `${formatDecimal(f.nextQuarter.accelerators, 0)} ${f.family}`).join(", ")} accelerators are free in every month of the quarter: held, not allocated and not needed by the forecast.`
          : "No family has accelerators free in every month of the quarter."}
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        <Kpi label="Surplus next quarter" value={`${num(view.nextQuarterTotal.h100e)} H100e`} note="free in every month, all families" />
        <Kpi
          label="Value at spot list prices"
          value={money(view.nextQuarterTotal.valueSpot)}
          note="median spot list price per family; a family without one adds nothing"
        />
        <Kpi
          label="Value at on-demand list prices"
          value={money(view.nextQuarterTotal.valueOnDemand)}
          note="median on-demand list price per family"
        />
      </div>
      <DataTable
        caption={`Surplus per family next quarter, ${label}`}
        columns={[
          { header: "Family" },
          { header: "Accelerators", numeric: true },
          { header: "H100e", numeric: true },
          { header: "Accelerator-hours", numeric: true },
          { header: "Spot $/AH", numeric: true },
          { header: "Value at spot", numeric: true },
          { header: "On-demand $/AH", numeric: true },
          { header: "Value at on-demand", numeric: true },
        ]}
        rows={view.families.map((f) => [
          familyLabel(f.family),
          formatDecimal(f.nextQuarter.accelerators, 0),
          num(f.nextQuarter.h100e),
          num(f.nextQuarter.ah, 0),
          f.prices.spot ? formatRate(f.prices.spot.toFixed(4), "USD") : "no list price",
          money(f.nextQuarter.valueSpot),
          f.prices.onDemand ? formatRate(f.prices.onDemand.toFixed(4), "USD") : "no list price",
          money(f.nextQuarter.valueOnDemand),
        ])}
        empty="No capacity, allocation or demand in this family."
      />
    </section>
  );
}

function MonthTable({ view }: { view: View }) {
  const rows = view.families.flatMap((f) =>
    f.months.map((m) => [
      familyLabel(f.family),
      <span key="m" className="whitespace-nowrap">
        {formatMonth(m.month.from)}
      </span>,
      num(m.held),
      num(m.allocated),
      num(m.need),
      signed(m.surplus, "s"),
      signed(m.surplusH100e, "h"),
      money(m.valueSpot),
      money(m.valueOnDemand),
    ]),
  );
  return (
    <DataTable
      caption="Surplus per family and month: average accelerators over the month, values of the positive surplus"
      columns={[
        { header: "Family" },
        { header: "Month" },
        { header: "Held", numeric: true },
        { header: "Allocated", numeric: true },
        { header: "Forecast need", numeric: true },
        { header: "Surplus", numeric: true },
        { header: "Surplus H100e", numeric: true },
        { header: "Value at spot", numeric: true },
        { header: "Value at on-demand", numeric: true },
      ]}
      rows={rows}
      empty="No month of the range lies in the forecast."
    />
  );
}

function External({ view }: { view: View }) {
  if (!view.external.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No external workload.</p>;
  return (
    <>
      {view.external.map((w) => (
        <div key={w.id} className="mt-4 first:mt-0">
          <h3 className="text-sm font-semibold">
            {w.name}{" "}
            <span className="font-normal text-slate-600 dark:text-slate-400">
              at {formatRate(w.salePrice, w.currency)} per accelerator-hour
            </span>
          </h3>
          <DataTable
            caption={`${w.name}: revenue, allocated cost and margin per month, in US dollars`}
            columns={[
              { header: "Month" },
              { header: "Allocated AH", numeric: true },
              { header: "Revenue", numeric: true },
              { header: "Allocated cost", numeric: true },
              { header: "Margin", numeric: true },
              { header: "Margin %", numeric: true },
            ]}
            rows={w.months.map((m) => [
              <span key="m" className="whitespace-nowrap">
                {formatMonth(m.month.from)}
              </span>,
              num(m.allocatedAh, 0),
              money(m.revenue),
              money(m.cost),
              m.margin ? (
                <span className={cn(m.margin.isNegative() && "font-medium text-red-700 dark:text-red-300")}>{money(m.margin)}</span>
              ) : (
                "—"
              ),
              m.marginPct ? `${num(m.marginPct)} %` : "—",
            ])}
          />
        </div>
      ))}
    </>
  );
}

export function SurplusView({ view, filterBar }: { view: View; filterBar: ReactNode }) {
  const chart = surplusChartPoints(view.families);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Surplus &amp; resale</h1>
      <p className="mt-1 mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Capacity held but neither allocated nor needed is capacity the lab could resell. Per family and month: surplus = held − allocated −
        the forecast need beyond the allocations. The need (the Capacity page&apos;s median demand: forecast use plus demand plans ahead)
        includes the use of allocated workloads, and a demand plan&apos;s workload may already hold an allocation, so need is met first from
        allocated accelerators and only the rest is taken from the free pool — nothing is counted twice. Values are at the median spot and
        on-demand list prices of the offers register (list offers valid today, in US dollars).
      </p>
      {filterBar}
      <NextQuarter view={view} />
      <Panel
        id="by-month"
        title="Surplus per month"
        description="Resellable H100e per month by family (a month short of capacity counts as none). Months lie in the forecast: this month and the 23 after it."
      >
        {chart.data.length ? (
          <StackedBarChart data={chart.data} series={chart.series} unit="h100e" label="Resellable H100e per month by family" height={220} />
        ) : null}
        <MonthTable view={view} />
      </Panel>
      <Panel
        id="external"
        title="External workloads"
        description="Capacity already resold: revenue = allocated accelerator-hours × sale price; allocated cost = the workload's own cost in the showback (used, idle and direct, no share of the shared pool); margin = revenue − cost."
      >
        <External view={view} />
      </Panel>
      {view.unpricedOffers ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          {view.unpricedOffers} list offers are left out of the prices: their currency has no exchange rate.
        </p>
      ) : null}
    </div>
  );
}
