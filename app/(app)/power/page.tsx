import type { Metadata } from "next";
import { FilterBar } from "@/components/filters/filter-bar";
import { PowerView } from "@/components/power/power-view";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { parsePlanningFilters, parseShowAll, type RawSearchParams } from "@/lib/queries/filters/params";
import { getPowerPage, POWER_DEFAULTS as DEFAULTS } from "@/lib/queries/power";

export const metadata: Metadata = { title: "Power" };
export const dynamic = "force-dynamic";

export default async function PowerPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const filters = parsePlanningFilters(raw, { defaults: DEFAULTS });
  const cause = typeof raw.cause === "string" ? raw.cause : null;
  const [page, options] = await Promise.all([getPowerPage(ctx, filters, cause), getFilterOptions(ctx)]);
  return (
    <PowerView
      page={page}
      filters={filters}
      allCauses={parseShowAll(raw.causes)}
      filterBar={<FilterBar filters={filters} options={options} show={["range", "scenario", "provider", "site"]} defaults={DEFAULTS} />}
    />
  );
}
