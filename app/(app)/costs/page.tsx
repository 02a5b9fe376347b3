import type { Metadata } from "next";
import Link from "next/link";
import { CheapestAnswer } from "@/components/costs/answer";
import { CommitmentsSection } from "@/components/costs/commitments-section";
import { MarketSection } from "@/components/costs/market-section";
import { ComparisonSection } from "@/components/costs/comparison-section";
import { SpendSection } from "@/components/costs/spend-section";
import { SpendDelta } from "@/components/costs/scenario-delta";
import { FilterBar } from "@/components/filters/filter-bar";
import { SelectionNote } from "@/components/filters/selection-note";
import { SelectionCostSection } from "@/components/costs/selection-section";
import { getSelectionCostsFromUrl } from "@/lib/queries/costs/selection";
import type { FilterOptions } from "@/lib/queries/filters/options";
import type { PlanningFilters } from "@/lib/queries/filters/params";
import type { SelectionCosts } from "@/lib/queries/costs/selection";
import { unconvertedNote } from "@/lib/format/fx";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { profileParams } from "@/lib/queries/costs/workload-profile";
import { getFilterOptions } from "@/lib/queries/filters/options";
import {
  parsePlanningFilters,
  parseShowAll,
  planningQuery,
  planningSearchParams,
  type RawSearchParams,
} from "@/lib/queries/filters/params";
import { COSTS_DEFAULTS, getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getMarketRates } from "@/lib/queries/offers/market";

export const metadata: Metadata = { title: "Costs" };
export const dynamic = "force-dynamic";

const asOfFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function CostsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const asOf = pageClock();
  const selected = await getSelectionCostsFromUrl(ctx, raw, asOf);
  if (selected) {
    const options = await getFilterOptions(ctx);
    return <SelectionCosts ctx={ctx} {...selected} options={options} />;
  }
  // The market table reads the baseline's blocks held today under the same filters, beside the cost view's reads.
  const marketFilters = parsePlanningFilters(raw, { now: asOf, defaults: COSTS_DEFAULTS });
  const [{ filters, view }, options, market] = await Promise.all([
    getCostsFromUrl(ctx, raw, asOf),
    getFilterOptions(ctx),
    getMarketRates(ctx, marketFilters, asOf),
  ]);
  const profile = Object.fromEntries(profileParams(view.comparison.profile));
  const query = (changes = {}) => planningQuery(filters, changes, profile, COSTS_DEFAULTS);
  const mayExport = can(ctx.actor.role, "export.csv");
  const unconverted = unconvertedNote(view.unconverted, "block");
  return (
    <div className="mx-auto max-w-7xl space-y-8 pb-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Costs</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          As of {asOfFormat.format(view.asOf)} · {filters.scenario ? "scenario" : "baseline"} · US dollars · actual from billing where
          imported, planned from reservations elsewhere
          {unconverted ? ` (${unconverted})` : ""} ·{" "}
          <Link href="/costs/unmatched" className="text-brand-700 underline dark:text-brand-300">
            Unmatched charges
          </Link>
        </p>
        <FilterBar
          className="mt-4"
          filters={filters}
          options={options}
          show={["range", "provider", "family", "site", "scenario", "team", "workload"]}
          defaults={COSTS_DEFAULTS}
          hidden={{ by: filters.by === COSTS_DEFAULTS.by ? null : filters.by, ...profile }}
        />
      </div>
      {filters.scenario ? (
        <SpendDelta view={view} scenarioName={options.scenarios.find((s) => s.value === filters.scenario)?.label ?? "The scenario"} />
      ) : null}
      <CheapestAnswer providers={view.comparison.providers} period={view.comparison.period} />
      <ComparisonSection
        rows={view.comparison.rows}
        providers={view.comparison.providers}
        profile={view.comparison.profile}
        keep={[...planningSearchParams(filters, {}, {}, COSTS_DEFAULTS).entries()]}
        exportHref={mayExport ? `/costs/comparison.csv${query()}` : null}
      />
      <MarketSection
        rows={market}
        allHref={parseShowAll(raw.market) ? null : `${planningQuery(filters, {}, { ...profile, market: "all" }, COSTS_DEFAULTS)}#market`}
      />
      <SpendSection
        view={view}
        byHref={{ provider: query({ by: "provider" }) || "?", family: query({ by: "family" }) || "?" }}
        exportHref={mayExport ? `/costs/spend.csv${query()}` : null}
      />
      <CommitmentsSection overall={view.commitments.overall} byProvider={view.commitments.byProvider} />
    </div>
  );
}

/**
 * /costs under the team / workload filter: only what can be split by workload — the selection's showback per month.
 * Spend by provider or family, the provider comparison, market rates and commitments are of the whole estate (and
 * charges no rule gives a workload are unallocated), so they are not shown under the filter's label.
 */
function SelectionCosts({
  ctx,
  filters,
  costs,
  options,
}: {
  ctx: Awaited<ReturnType<typeof requireCtx>>;
  filters: PlanningFilters;
  costs: SelectionCosts;
  options: FilterOptions;
}) {
  const query = (changes: Partial<PlanningFilters> = {}) =>
    planningQuery(filters, changes, { by: filters.by === COSTS_DEFAULTS.by ? null : filters.by }, COSTS_DEFAULTS);
  const mayExport = can(ctx.actor.role, "export.csv");
  const ignored = [
    filters.provider ? "provider" : null,
    filters.family ? "family" : null,
    filters.site ? "site" : null,
    filters.scenario ? "scenario" : null,
  ].filter((f): f is string => f !== null);
  return (
    <div className="mx-auto max-w-7xl space-y-8 pb-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Costs</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          As of {asOfFormat.format(costs.asOf)} · baseline · US dollars · actual from billing where imported, planned from reservations
          elsewhere ·{" "}
          <Link href="/allocation" className="text-brand-700 underline dark:text-brand-300">
            Allocation
          </Link>
        </p>
        <SelectionNote label={costs.selection.label} clearHref={query({ team: null, workload: null }) || "?"}>
          its showback cost; spend by provider and family, the provider comparison, market rates, commitments and unmatched charges cannot
          be split by workload and are not shown
        </SelectionNote>
        <FilterBar
          className="mt-4"
          filters={{ ...filters, scenario: null }}
          options={options}
          show={["range", "provider", "family", "site", "team", "workload"]}
          defaults={COSTS_DEFAULTS}
          hidden={{ by: filters.by === COSTS_DEFAULTS.by ? null : filters.by }}
        />
        {ignored.length ? (
          <p role="note" className="mt-2 text-sm text-amber-800 dark:text-amber-300" data-testid="ignored-filters">
            Showback covers every provider, family and site of the registers, not a scenario: the {ignored.join(", ")} filter
            {ignored.length > 1 ? "s do" : " does"} not apply while a team or workload is chosen.
          </p>
        ) : null}
      </div>
      <SelectionCostSection
        costs={costs}
        perWorkload={filters.workload !== null}
        exportHref={mayExport ? `/costs/spend.csv${query()}` : null}
      />
    </div>
  );
}
