import type { Metadata } from "next";
import { SurplusView } from "@/components/allocation/surplus-view";
import { FilterBar } from "@/components/filters/filter-bar";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import { lastMonthOf, monthParam, parsePlanningFilters, type FilterDefaults, type RawSearchParams } from "@/lib/queries/filters/params";
import { getSurplus, nextQuarterOf } from "@/lib/queries/allocation/surplus";

export const metadata: Metadata = { title: "Surplus & resale" };
export const dynamic = "force-dynamic";

const SURPLUS_DEFAULTS: FilterDefaults = { range: "12m" };

/** Without months in the URL: this month to the end of next quarter, the months the headline answers for. */
function untilNextQuarter(now = new Date()): { from: string; to: string } {
  const quarter = nextQuarterOf(now);
  return { from: monthParam(startOfUtcMonth(now)), to: lastMonthOf(quarter) };
}

export default async function SurplusPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const filters = parsePlanningFilters(raw.range || raw.from || raw.to ? raw : { ...raw, ...untilNextQuarter() }, {
    defaults: SURPLUS_DEFAULTS,
  });
  const [view, options] = await Promise.all([
    getSurplus(ctx, { from: filters.from, to: filters.to, family: filters.family }),
    getFilterOptions(ctx),
  ]);
  return (
    <SurplusView
      view={view}
      filterBar={<FilterBar filters={filters} options={options} show={["range", "family"]} defaults={SURPLUS_DEFAULTS} />}
    />
  );
}
