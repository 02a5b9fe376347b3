import type { Metadata } from "next";
import { ConcentrationView } from "@/components/concentration/concentration-view";
import { FilterBar } from "@/components/filters/filter-bar";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { parsePlanningFilters, type RawSearchParams } from "@/lib/queries/filters/params";
import { getConcentration } from "@/lib/queries/concentration";

export const metadata: Metadata = { title: "Concentration" };
export const dynamic = "force-dynamic";

export default async function ConcentrationPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const filters = parsePlanningFilters(await searchParams);
  const [page, options] = await Promise.all([getConcentration(ctx, filters), getFilterOptions(ctx)]);
  return (
    <ConcentrationView
      page={page}
      filters={filters}
      filterBar={<FilterBar filters={filters} options={options} show={["scenario", "family"]} />}
    />
  );
}
