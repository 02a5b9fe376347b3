import { AppLink, InAppOnly } from "@/components/links/app-link";
import { ChartTableData, CsvLink, Panel } from "@/components/answers/chart-table";
import { LineChart } from "@/components/charts/line-chart";
import { DataTable } from "@/components/overview/data-table";
import { KpiCard } from "@/components/overview/kpi-card";
import { OFFER_PRICING_LABELS } from "@/lib/enums";
import { formatMonth } from "@/lib/format/date";
import { formatCount, formatDecimal, formatMoney, formatMoneyDecimal, formatPercent, formatRate } from "@/lib/format/number";
import type { Binding, ProcurementPlan } from "@/lib/planning/procurement/types";
import { PLAN_CHART_SERIES, planChartPoints } from "@/lib/queries/plan/chart";
import type { PlanRun } from "@/lib/queries/plan/run";
import { cn } from "@/lib/utils";
import { PlanAfter } from "./plan-after";

const STATUS: Record<ProcurementPlan["status"], string> = {
  optimal: "Optimal",
  time_limit_feasible: "Stopped at the time limit: best plan found",
  time_limit_no_solution: "Stopped at the time limit without a plan",
  infeasible: "No plan satisfies the constraints",
  error: "The solver failed",
};

const h100e = (n: number) => formatDecimal(n, 0);

/** "Optimal · 1.2 s · gap 0.33 % · 1,234 rows × 5,678 columns (4,000 integer)": how the plan was found. */
export function solveLine(plan: ProcurementPlan): string {
  const parts = [
    STATUS[plan.status],
    `solved in ${formatDecimal(plan.solveMs / 1000, 1)} s`,
    plan.status === "optimal" || plan.status === "time_limit_feasible" ? `gap ${formatPercent(plan.mipGap, 2)} of the best possible` : null,
    `${formatDecimal(plan.model.rows, 0)} rows × ${formatDecimal(plan.model.columns, 0)} columns (${formatDecimal(plan.model.integers, 0)} integer)`,
  ];
  return parts.filter(Boolean).join(" · ");
}

function unmetTotal(plan: ProcurementPlan): number {
  return plan.families.reduce((s, f) => s + f.unmet, 0);
}

function Kpis({ run }: { run: PlanRun }) {
  const { plan } = run;
  const unmet = unmetTotal(plan);
  const added = plan.blocks.reduce((s, b) => s + b.quantity, 0);
  const unmetFamilies = new Set(plan.families.filter((f) => f.unmet > 0).map((f) => f.family));
  return (
    <div className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <KpiCard
        id="plan-committed"
        title="Committed cost"
        value={formatMoney(plan.committedCost)}
        context={`Whole terms of ${formatCount(plan.blocks.length, "block")}; ${formatMoney(plan.costInHorizon)} falls inside the horizon.`}
      />
      <KpiCard
        id="plan-added"
        title="Accelerators added"
        value={formatDecimal(added, 0)}
        context={`${formatMonth(run.from)} to ${formatMonth(run.to)}, ${run.offers} offers considered.`}
      />
      <KpiCard
        id="plan-unmet"
        title="Demand left unmet"
        value={unmet > 0 ? formatDecimal(unmet, 0) : "None"}
        unit={unmet > 0 ? "H100e-months" : undefined}
        tone={unmet > 0 ? "alert" : "default"}
        context={unmet > 0 ? `In ${[...unmetFamilies].sort().join(", ")}; causes below.` : "Every family's demand is covered every month."}
      />
      <KpiCard id="plan-status" title="Solve" value={`${formatDecimal(plan.solveMs / 1000, 1)} s`} context={solveLine(plan)} />
    </div>
  );
}

function Chart({ run, family, query }: { run: PlanRun; family: string | null; query: string }) {
  const families = [...new Set(run.plan.families.map((f) => f.family))].sort();
  const points = planChartPoints(run.plan, family);
  const label = family ?? "All planned families";
  const href = (f: string | null) => `/plan?${[query, f ? `chart=${encodeURIComponent(f)}` : ""].filter(Boolean).join("&")}`;
  return (
    <Panel
      id="plan-chart"
      title="Capacity against demand, before and after"
      description={`H100e per month (monthly average) of ${label}: the demand the plan covers (${run.inputs.demand === "median" ? "median forecast" : run.inputs.demand === "p80" ? "upper 80 % band" : "upper 95 % band"} plus demand plans), what is held today and what is held with the plan's blocks.`}
    >
      <InAppOnly>
        <nav aria-label="Family shown in the chart" className="mb-3 flex flex-wrap gap-2 text-sm">
          {[null, ...families].map((f) => (
            <AppLink
              key={f ?? "all"}
              href={href(f)}
              aria-current={f === family ? "page" : undefined}
              className={cn(
                "rounded-md border px-2.5 py-1",
                f === family
                  ? "border-brand-600 bg-brand-50 font-medium text-brand-800 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-200"
                  : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
              )}
            >
              {f ?? "All"}
            </AppLink>
          ))}
        </nav>
      </InAppOnly>
      <LineChart data={points} series={PLAN_CHART_SERIES} unit="h100e" label={`Capacity against demand of ${label}`} height={260} />
      <ChartTableData
        table={{
          caption: `Demand, capacity before and after the plan of ${label}, H100e`,
          columns: [{ header: "Month" }, ...PLAN_CHART_SERIES.map((s) => ({ header: s.name, numeric: true }))],
          rows: points.map((p) => [p.title, ...PLAN_CHART_SERIES.map((s) => h100e(p.values[s.key] ?? 0))]),
        }}
      />
    </Panel>
  );
}

function Blocks({ run, query, canSave }: { run: PlanRun; query: string; canSave: React.ReactNode }) {
  const { plan } = run;
  const blocks = [...plan.blocks].sort((a, b) => a.startMonth.localeCompare(b.startMonth) || b.h100e - a.h100e);
  return (
    <Panel
      id="plan-blocks"
      title="Proposed blocks"
      description="What to buy, from whom, where and when. Reserved and owned blocks are paid over their whole term; on-demand and spot to the horizon's end."
    >
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <CsvLink href={`/plan/export.csv${query ? `?${query}` : ""}`} label="Export procurement request" />
        {canSave}
      </div>
      <DataTable
        caption="Blocks the plan proposes, by start month"
        columns={[
          { header: "Offer" },
          { header: "Provider" },
          { header: "Family" },
          { header: "Model" },
          { header: "Quantity", numeric: true },
          { header: "H100e", numeric: true },
          { header: "Start" },
          { header: "Term", numeric: true },
          { header: "Rate / AH", numeric: true },
          { header: "Committed cost", numeric: true },
        ]}
        rows={blocks.map((b) => [
          b.label,
          b.providerName,
          b.family,
          OFFER_PRICING_LABELS[b.pricingModel],
          formatDecimal(b.quantity, 0),
          h100e(b.h100e),
          formatMonth(b.startMonth),
          `${b.termMonths} mo`,
          formatRate(b.ratePerHour, "USD"),
          formatMoneyDecimal(b.committedCost),
        ])}
        total={["Total", "", "", "", "", "", "", "", "", formatMoneyDecimal(plan.committedCost)]}
        empty="The plan adds nothing: what is held covers the demand, or nothing can be bought (see below)."
      />
    </Panel>
  );
}

function Binds({ bindings }: { bindings: Binding[] }) {
  const binding = bindings.filter((b) => b.kind !== "unmet");
  const unmet = bindings.filter((b): b is Extract<Binding, { kind: "unmet" }> => b.kind === "unmet");
  return (
    <>
      <Panel
        id="plan-binds"
        title="What binds"
        description="The constraints the plan runs into, priced by the shadow prices of its linear relaxation: what one more unit of room would be worth."
      >
        {binding.length ? (
          <ul className="list-disc space-y-1.5 pl-5 text-sm">
            {binding.map((b, i) => (
              <li key={i}>{b.sentence}.</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Nothing binds: no power budget, cap, budget or offer limit holds the plan back.
          </p>
        )}
      </Panel>
      <Panel id="plan-unmet" title="Demand the plan cannot cover" description="Months where no offer can cover the demand, and why.">
        <DataTable
          caption="Unmet demand by family and run of months, with its cause"
          columns={[
            { header: "Family" },
            { header: "From" },
            { header: "To" },
            { header: "Largest unmet (H100e)", numeric: true },
            { header: "Why" },
          ]}
          rows={unmet.map((u) => [u.family, formatMonth(u.fromMonth), formatMonth(u.toMonth), h100e(u.maxUnmet), u.sentence])}
          empty="None: the plan covers every family's demand in every month."
        />
      </Panel>
    </>
  );
}

export function PlanView({
  run,
  query,
  chartFamily,
  save,
}: {
  run: PlanRun;
  /** The plan's inputs as a query string (no "?"), for links that keep them. */
  query: string;
  chartFamily: string | null;
  /** The save-as-scenario control, for those who may save (null otherwise). */
  save: React.ReactNode;
}) {
  return (
    <div data-testid="plan-result">
      {run.warnings.length ? (
        <ul className="mt-4 list-disc rounded-md border border-amber-300 bg-amber-50 py-2 pr-3 pl-8 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {run.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {run.plan.status !== "optimal" ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {run.plan.message}
        </p>
      ) : null}
      <Kpis run={run} />
      <Chart run={run} family={chartFamily} query={query} />
      <Blocks run={run} query={query} canSave={save} />
      <Binds bindings={run.plan.bindings} />
      <PlanAfter run={run} />
    </div>
  );
}
