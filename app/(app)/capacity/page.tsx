import type { Metadata } from "next";
import { CapacityView } from "@/components/capacity/capacity-view";
import { CAPACITY_DEFAULTS } from "@/lib/queries/reports/sections";
import { FilterBar } from "@/components/filters/filter-bar";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { parsePlanningFilters, type RawSearchParams } from "@/lib/queries/filters/params";
import { getCapacity } from "@/lib/queries/capacity";

export const metadata: Metadata = { title: "Capacity" };
export const dynamic = "force-dynamic";

export default async function CapacityPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const filters = parsePlanningFilters(await searchParams, { defaults: CAPACITY_DEFAULTS });
  const [view, options] = await Promise.all([getCapacity(ctx, filters), getFilterOptions(ctx)]);
  return (
    <CapacityView
      view={view}
      filters={filters}
      filterBar={
        <FilterBar
          filters={filters}
          options={options}
          show={["scenario", "family", "provider", "site", "team", "workload", "by", "unit"]}
          defaults={CAPACITY_DEFAULTS}
        />
      }
    />
  );
}
