import { AppLink, InAppOnly } from "@/components/links/app-link";
import { ChartTableData, CsvLink, Panel } from "@/components/answers/chart-table";
import { LineChart } from "@/components/charts/line-chart";
import { DataTable } from "@/components/overview/data-table";
import { KpiCard } from "@/components/overview/kpi-card";
import { OFFER_PRICING_LABELS } from "@/lib/enums";
import { formatMonth } from "@/lib/format/date";
import { formatCount, formatDecimal, formatMoney, formatMoneyDecimal, formatPercent, formatRate } from "@/lib/format/number";
import type { Binding, ProcurementPlan } from "@/lib/planning/procurement/types";
import { dec } from "@/lib/metrics/decimal";
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
        id="plan-blocks"
        title="Committed cost"
        value={formatMoney(plan.committedCost)}
        context={`Whole terms of ${formatCount(plan.blocks.length, "block")}; ${formatMoney(plan.costInHorizon)} falls inside the horizon.`}
      />
      <KpiCard
        id="plan-chart"
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
      <KpiCard id="plan-binds" title="Solve" value={`${formatDecimal(plan.solveMs / 1000, 1)} s`} context={solveLine(plan)} />
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

/** Blocks shown before "Show all": the largest by committed cost (the CSV always has every block). */
const BLOCK_LIMIT = 25;

function Blocks({ run, query, actions, showAll }: { run: PlanRun; query: string; actions: React.ReactNode; showAll: boolean }) {
  const { plan } = run;
  const largest = new Set(
    [...plan.blocks].sort((a, b) => dec(b.committedCost).comparedTo(a.committedCost)).slice(0, showAll ? plan.blocks.length : BLOCK_LIMIT),
  );
  const blocks = plan.blocks.filter((b) => largest.has(b)).sort((a, b) => a.startMonth.localeCompare(b.startMonth) || b.h100e - a.h100e);
  const hidden = plan.blocks.length - blocks.length;
  return (
    <Panel
      id="plan-blocks"
      title="Proposed blocks"
      description="What to buy, from whom, where and when. Reserved and owned blocks are paid over their whole term; on-demand and spot to the horizon's end."
    >
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <CsvLink href={`/plan/export.csv${query ? `?${query}` : ""}`} label="Export procurement request" />
        {actions}
      </div>
      <DataTable
        caption="Blocks the plan proposes, by start month"
        columns={[
          { header: "Provider" },
          { header: "Site or region" },
          { header: "Type" },
          { header: "Model" },
          { header: "Quantity", numeric: true },
          { header: "H100e", numeric: true },
          { header: "Start" },
          { header: "Until" },
          { header: "Rate / AH", numeric: true },
          { header: "Committed cost", numeric: true },
        ]}
        rows={blocks.map((b) => [
          b.providerName,
          b.siteName ?? b.region ?? "—",
          b.typeName ?? b.family,
          `${OFFER_PRICING_LABELS[b.pricingModel]}${b.pricingModel === "reserved" || b.pricingModel === "owned" ? `, ${b.termMonths} mo` : ""}`,
          formatDecimal(b.quantity, 0),
          h100e(b.h100e),
          formatMonth(b.startMonth),
          formatMonth(b.endMonth),
          formatRate(b.ratePerHour, "USD"),
          formatMoneyDecimal(b.committedCost),
        ])}
        total={[`All ${formatCount(plan.blocks.length, "block")}`, "", "", "", "", "", "", "", "", formatMoneyDecimal(plan.committedCost)]}
        empty="The plan adds nothing: what is held covers the demand, or nothing can be bought (see below)."
      />
      {hidden > 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The {BLOCK_LIMIT} largest of {plan.blocks.length} blocks by committed cost are shown.{" "}
          <InAppOnly>
            <AppLink href={`/plan?${[query, "blocks=all"].filter(Boolean).join("&")}#plan-blocks`} className="underline">
              Show all
            </AppLink>{" "}
            or export the procurement request for every block.
          </InAppOnly>
        </p>
      ) : null}
    </Panel>
  );
}

/** How many sentences and unmet runs show before "N more". */
const FIRST = 10;

const KIND_ORDER: Record<Binding["kind"], number> = { budget: 0, cap: 1, power: 2, offer_max: 3, unmet: 4 };

/** What a binding is worth, for ranking: the cap's cost, the MW's saving (or the demand it would cover), an offer's saving. */
function weight(b: Binding): number {
  if (b.kind === "cap") return b.costUsd;
  if (b.kind === "power") return b.savingPerMw;
  if (b.kind === "offer_max") return b.usdPerUnit;
  if (b.kind === "unmet") return b.maxUnmet;
  return 0;
}

function More({ count, children }: { count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">{count} more</summary>
      {children}
    </details>
  );
}

function Sentences({ items }: { items: Binding[] }) {
  return (
    <ul className="list-disc space-y-1.5 pl-5 text-sm">
      {items.map((b, i) => (
        <li key={i}>{b.sentence}.</li>
      ))}
    </ul>
  );
}

type Unmet = Extract<Binding, { kind: "unmet" }>;

function UnmetTable({ rows, caption }: { rows: Unmet[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: "Family" },
        { header: "From" },
        { header: "To" },
        { header: "Largest unmet (H100e)", numeric: true },
        { header: "Why" },
      ]}
      rows={rows.map((u) => [u.family, formatMonth(u.fromMonth), formatMonth(u.toMonth), h100e(u.maxUnmet), u.sentence])}
      empty="None: the plan covers every family's demand in every month."
    />
  );
}

function Binds({ bindings, all }: { bindings: Binding[]; all: boolean }) {
  const binding = bindings
    .filter((b) => b.kind !== "unmet")
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || weight(b) - weight(a));
  const unmet = bindings.filter((b): b is Unmet => b.kind === "unmet");
  const first = all ? binding : binding.slice(0, FIRST);
  const largest = new Set(all ? unmet : [...unmet].sort((a, b) => b.maxUnmet - a.maxUnmet).slice(0, FIRST));
  return (
    <>
      <Panel
        id="plan-binds"
        title="What binds"
        description="The constraints the plan runs into, priced by the shadow prices of its linear relaxation: what one more unit of room would be worth. Caps and budget first, then power and offer limits, largest first."
      >
        {binding.length ? (
          <>
            <Sentences items={first} />
            <More count={binding.length - first.length}>
              <Sentences items={binding.slice(first.length)} />
            </More>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Nothing binds: no power budget, cap, budget or offer limit holds the plan back.
          </p>
        )}
      </Panel>
      <Panel
        id="plan-unmet"
        title="Demand the plan cannot cover"
        description={
          unmet.length > largest.size
            ? `The ${largest.size} largest of ${unmet.length} runs of months where no offer can cover the demand, and why.`
            : "Months where no offer can cover the demand, and why."
        }
      >
        <UnmetTable rows={unmet.filter((u) => largest.has(u))} caption="Unmet demand by family and run of months, with its cause" />
        <More count={unmet.length - largest.size}>
          <UnmetTable rows={unmet} caption="Every run of months with unmet demand" />
        </More>
      </Panel>
    </>
  );
}

export function PlanView({
  run,
  query,
  chartFamily,
  save,
  showAllBlocks = false,
}: {
  run: PlanRun;
  /** The plan's inputs as a query string (no "?"), for links that keep them. */
  query: string;
  chartFamily: string | null;
  /** The save-as-scenario control, for those who may save (null otherwise). */
  save: React.ReactNode;
  /** Every block in the table, not only the largest (always so in a report). */
  showAllBlocks?: boolean;
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
      <Blocks run={run} query={query} actions={save} showAll={showAllBlocks} />
      <Binds bindings={run.plan.bindings} all={showAllBlocks} />
      <PlanAfter run={run} />
    </div>
  );
}
