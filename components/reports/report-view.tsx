import { CapacityView } from "@/components/capacity/capacity-view";
import { ConcentrationView } from "@/components/concentration/concentration-view";
import { BurndownSection } from "@/components/contracts/burndown-section";
import { CheapestAnswer } from "@/components/costs/answer";
import { CommitmentsSection } from "@/components/costs/commitments-section";
import { ComparisonSection } from "@/components/costs/comparison-section";
import { SpendSection } from "@/components/costs/spend-section";
import { OverviewView } from "@/components/overview/overview-view";
import { PowerView } from "@/components/power/power-view";
import { planningSearchParams, type PlanningFilters } from "@/lib/queries/filters/params";
import { getCapacity } from "@/lib/queries/capacity";
import { getConcentration } from "@/lib/queries/concentration";
import { loadReportBurndowns, reportCapacityFilters } from "@/lib/queries/reports/sections";
import { COSTS_DEFAULTS, getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview } from "@/lib/queries/overview";
import { getPowerPage } from "@/lib/queries/power";
import type { Ctx } from "@/lib/auth/context";
import { SECTION_LABELS, scopeFilters, scopePlanInput, type ReportScope, type ReportSection } from "@/lib/queries/reports/scope";
import { PlanView } from "@/components/plan/plan-view";
import { InvariantTable, ShowbackTree } from "@/components/allocation/showback";
import { SurplusView } from "@/components/allocation/surplus-view";
import { RisingList } from "@/components/allocation/unit-economics/rising-list";
import { TrendPanel } from "@/components/allocation/unit-economics/trend-panel";
import { UnitEconomicsTable } from "@/components/allocation/unit-economics/unit-table";
import { formatMonth } from "@/lib/format/date";
import { addUtcMonths } from "@/lib/metrics/calendar";
import { loadReportShowback, loadReportSurplus, loadReportUnitEconomics } from "@/lib/queries/reports/allocation-sections";
import { planInputsSentence, planQuery } from "@/lib/queries/plan/params";
import { runPlan } from "@/lib/queries/plan/run";

// A report rendered from its stored scope with the section components of the app pages. The filters come
// from the scope only (the caller's URL is never read), with each page's own defaults where the scope is silent.

/** The id of a section's anchor, for the contents list. */
const sectionId = (s: ReportSection) => `report-${s}`;

/**
 * The report's contents: its sections in order, each a link to its anchor. Printed too (the first thing on page one),
 * as a `nav` the print stylesheet keeps (app/r/[token]/shared-report.css) while it hides the app's navigation.
 */
export function ReportContents({ sections }: { sections: readonly ReportSection[] }) {
  return (
    <nav aria-label="Contents" className="report-contents mb-8 text-sm">
      <h2 className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Contents</h2>
      <ol className="mt-2 list-decimal space-y-0.5 pl-5">
        {sections.map((s) => (
          <li key={s}>
            <a href={`#${sectionId(s)}`} className="report-contents-link text-sky-800 underline dark:text-sky-300">
              {SECTION_LABELS[s]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** `csvHref`, when given, adds a CSV download of each section's table (a shared link whose creator allowed CSV). */
export async function ReportSections({
  ctx,
  scope,
  asOf,
  csvHref,
}: {
  ctx: Ctx;
  scope: ReportScope;
  asOf: Date;
  csvHref?: (section: ReportSection) => string;
}) {
  const filters = scopeFilters(scope, asOf);
  const rendered = await Promise.all(scope.sections.map((s) => renderSection(ctx, s, scope, filters, asOf)));
  return (
    <div className="space-y-10">
      {scope.sections.map((s, i) => (
        <section key={s} id={sectionId(s)} className="report-section scroll-mt-4" aria-label={SECTION_LABELS[s]}>
          {csvHref ? (
            <p className="report-csv mb-2 flex justify-end print:hidden">
              <a href={csvHref(s)} download className="report-csv-link text-sm text-sky-700 underline dark:text-sky-400">
                Download {SECTION_LABELS[s].toLowerCase()} as CSV
              </a>
            </p>
          ) : null}
          {rendered[i]}
        </section>
      ))}
    </div>
  );
}

/** "Aug 2026 – Nov 2026" for the months of [from, to). */
const months = (from: Date, to: Date) => `${formatMonth(from)} – ${formatMonth(addUtcMonths(to, -1))}`;

async function renderSection(ctx: Ctx, section: ReportSection, scope: ReportScope, filters: PlanningFilters, asOf: Date) {
  const raw = planningSearchParams(filters);
  switch (section) {
    case "kpis":
      return <OverviewView overview={await getOverview(ctx, { scenario: filters.scenario, asOf })} />;
    case "capacity": {
      const f = reportCapacityFilters(scope, filters);
      return <CapacityView view={await getCapacity(ctx, f)} filters={f} filterBar={null} />;
    }
    case "power":
      // A report has no link to follow: its causes table lists every block, as the CSV does.
      return <PowerView page={await getPowerPage(ctx, filters, null, asOf)} filters={filters} filterBar={null} allCauses />;
    case "costs": {
      const { view } = await getCostsFromUrl(ctx, raw, asOf);
      const none = planningSearchParams(filters, {}, {}, COSTS_DEFAULTS).toString();
      return (
        <div className="space-y-8">
          <h2 className="text-xl font-semibold">{SECTION_LABELS.costs}</h2>
          <SpendSection view={view} byHref={{ provider: `?${none}`, family: `?${none}` }} exportHref={null} />
          <CommitmentsSection overall={view.commitments.overall} byProvider={view.commitments.byProvider} />
        </div>
      );
    }
    case "comparison": {
      const { view } = await getCostsFromUrl(ctx, raw, asOf);
      return (
        <div className="space-y-6">
          <h2 className="text-xl font-semibold">{SECTION_LABELS.comparison}</h2>
          <CheapestAnswer providers={view.comparison.providers} period={view.comparison.period} />
          <ComparisonSection
            rows={view.comparison.rows}
            providers={view.comparison.providers}
            profile={view.comparison.profile}
            keep={[]}
            exportHref={null}
          />
        </div>
      );
    }
    case "burndowns": {
      const { terms, burndowns } = await loadReportBurndowns(ctx, filters, asOf);
      return (
        <div className="space-y-6">
          <h2 className="text-xl font-semibold">{SECTION_LABELS.burndowns}</h2>
          {burndowns.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No active contracts in this scope.</p> : null}
          {burndowns.map((b, i) => (
            <div key={terms[i]!.id} className="space-y-2">
              <h3 className="font-medium">{terms[i]!.name}</h3>
              <BurndownSection burndown={b} asOf={asOf} />
            </div>
          ))}
        </div>
      );
    }
    case "concentration":
      return <ConcentrationView page={await getConcentration(ctx, filters, asOf)} filters={filters} filterBar={null} />;
    case "plan": {
      const run = await runPlan({ ctx, input: scopePlanInput(scope), asOf });
      return (
        <div>
          <h2 className="text-xl font-semibold">{SECTION_LABELS.plan}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{planInputsSentence(run.inputs)}</p>
          <PlanView run={run} query={planQuery(run.inputs)} chartFamily={null} save={null} showAllBlocks />
        </div>
      );
    }
    case "showback": {
      const view = await loadReportShowback(ctx, scope, asOf);
      const r = view.range;
      return (
        <div className="space-y-4">
          <h2 className="text-xl font-semibold">{SECTION_LABELS.showback}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {months(view.from, view.to)} · US dollars · actual where billed, planned elsewhere; the blocks&apos; free pools are shared per
            accelerator family by the pool&apos;s rule and shown apart, in the Shared column.
          </p>
          <InvariantTable months={view.months} range={r} costsHref="/costs" />
          <ShowbackTree
            caption="Showback by team and workload"
            teams={view.teams}
            rows={r.teams}
            workloads={view.workloads}
            workloadAmounts={r.workloads}
            unallocated={r.unallocated}
            total={r.teamsSum.plus(r.unallocated)}
          />
        </div>
      );
    }
    case "unitEconomics": {
      const view = await loadReportUnitEconomics(ctx, scope, asOf);
      return (
        <div className="space-y-4">
          <h2 className="text-xl font-semibold">{SECTION_LABELS.unitEconomics}</h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {view.months.length ? months(view.months[0]!.from, view.months.at(-1)!.to) : "No complete month"} · a workload&apos;s own
            showback cost ÷ the tokens it reported × 10⁶, US dollars (its team&apos;s shared pool is not included).
          </p>
          <RisingList workloads={view.workloads} />
          <div className="grid gap-4 lg:grid-cols-2">
            {view.workloads.map((w) => (
              <TrendPanel key={w.id} workload={w} />
            ))}
          </div>
          {view.workloads.length > 0 ? <UnitEconomicsTable workloads={view.workloads} /> : null}
        </div>
      );
    }
    case "surplus":
      return <SurplusView view={await loadReportSurplus(ctx, scope, asOf)} filterBar={null} />;
  }
}
