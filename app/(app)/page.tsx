import type { Metadata } from "next";
import { FilterBar } from "@/components/filters/filter-bar";
import { OverviewView } from "@/components/overview/overview-view";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { parsePlanningFilters, type RawSearchParams } from "@/lib/queries/filters/params";
import { getOverview } from "@/lib/queries/overview";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const filters = parsePlanningFilters(await searchParams);
  const [overview, options] = await Promise.all([getOverview(ctx, { scenario: filters.scenario }), getFilterOptions(ctx)]);
  return <OverviewView overview={overview} filterBar={<FilterBar filters={filters} options={options} show={["scenario"]} />} />;
}
