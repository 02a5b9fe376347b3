import type { Metadata } from "next";
import { SurplusView } from "@/components/allocation/surplus-view";
import { FilterBar } from "@/components/filters/filter-bar";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { parsePlanningFilters, type FilterDefaults, type RawSearchParams } from "@/lib/queries/filters/params";
import { getSurplus } from "@/lib/queries/allocation/surplus";

export const metadata: Metadata = { title: "Surplus & resale" };
export const dynamic = "force-dynamic";

const SURPLUS_DEFAULTS: FilterDefaults = { range: "12m" };

export default async function SurplusPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const filters = parsePlanningFilters(await searchParams, { defaults: SURPLUS_DEFAULTS });
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
