import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { CAPACITY_DEFAULTS, CapacityView } from "@/components/capacity/capacity-view";
import { ConcentrationView } from "@/components/concentration/concentration-view";
import { BurndownSection } from "@/components/contracts/burndown-section";
import { CheapestAnswer } from "@/components/costs/answer";
import { CommitmentsSection } from "@/components/costs/commitments-section";
import { ComparisonSection } from "@/components/costs/comparison-section";
import { SpendSection } from "@/components/costs/spend-section";
import { OverviewView } from "@/components/overview/overview-view";
import { PowerView } from "@/components/power/power-view";
import { contracts } from "@/lib/db/schema";
import { planningSearchParams, type PlanningFilters } from "@/lib/filters/params";
import { getCapacity } from "@/lib/queries/capacity";
import { getConcentration } from "@/lib/queries/concentration";
import { getContractBurndowns } from "@/lib/queries/contract-burndown";
import { COSTS_DEFAULTS, getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview } from "@/lib/queries/overview";
import { getPowerPage } from "@/lib/queries/power";
import type { Ctx } from "@/lib/services/context";
import { SECTION_LABELS, scopeFilters, type ReportScope, type ReportSection } from "@/lib/services/reports/schemas";

// A report rendered from its stored scope with the section components of the app pages. The filters come
// from the scope only (the caller's URL is never read), with each page's own defaults where the scope is silent.

const MAX_BURNDOWNS = 12;

export async function ReportSections({ ctx, scope, asOf }: { ctx: Ctx; scope: ReportScope; asOf: Date }) {
  const filters = scopeFilters(scope, asOf);
  const rendered = await Promise.all(scope.sections.map((s) => renderSection(ctx, s, scope, filters, asOf)));
  return (
    <div className="space-y-10">
      {scope.sections.map((s, i) => (
        <section key={s} className="report-section" aria-label={SECTION_LABELS[s]}>
          {rendered[i]}
        </section>
      ))}
    </div>
  );
}

async function renderSection(ctx: Ctx, section: ReportSection, scope: ReportScope, filters: PlanningFilters, asOf: Date) {
  const raw = planningSearchParams(filters);
  switch (section) {
    case "kpis":
      return <OverviewView overview={await getOverview(ctx, { scenario: filters.scenario, asOf })} />;
    case "capacity": {
      const f = { ...filters, by: scope.filters.by ?? CAPACITY_DEFAULTS.by ?? filters.by, unit: scope.filters.unit ?? CAPACITY_DEFAULTS.unit ?? filters.unit };
      return <CapacityView view={await getCapacity(ctx, f)} filters={f} filterBar={null} />;
    }
    case "power":
      return <PowerView page={await getPowerPage(ctx, filters, null, asOf)} filters={filters} filterBar={null} />;
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
          <ComparisonSection rows={view.comparison.rows} providers={view.comparison.providers} profile={view.comparison.profile} keep={[]} exportHref={null} />
        </div>
      );
    }
    case "burndowns": {
      const where: SQL[] = [isNull(contracts.archivedAt), eq(contracts.status, "active")];
      if (filters.provider) where.push(eq(contracts.providerId, filters.provider));
      const terms = await ctx.db.select().from(contracts).where(and(...where)).orderBy(asc(contracts.endDate)).limit(MAX_BURNDOWNS);
      const burndowns = await getContractBurndowns(ctx, terms, asOf);
      return (
        <div className="space-y-6">
          <h2 className="text-xl font-semibold">{SECTION_LABELS.burndowns}</h2>
          {burndowns.length === 0 ? <p className="text-sm text-slate-600">No active contracts in this scope.</p> : null}
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
  }
}
