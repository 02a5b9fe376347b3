import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FilterBar } from "@/components/filters/filter-bar";
import { CompareView } from "@/components/scenarios/compare-view";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { parsePlanningFilters, type RawSearchParams } from "@/lib/queries/filters/params";
import { COMPARE_DEFAULTS, getScenarioComparison, parseSideParam } from "@/lib/queries/scenarios/compare";

export const metadata: Metadata = { title: "Compare scenarios" };
export const dynamic = "force-dynamic";

export default async function CompareScenariosPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const filters = parsePlanningFilters(raw, { defaults: COMPARE_DEFAULTS });
  const options = await getFilterOptions(ctx);
  const a = parseSideParam(raw.a);
  // With no side B chosen, the first scenario is set against the baseline.
  const b = raw.b === undefined ? (options.scenarios[0]?.value ?? null) : parseSideParam(raw.b);
  if (a === undefined || b === undefined) notFound();
  const comparison = await getScenarioComparison(ctx, { a, b, filters }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <CompareView
      comparison={comparison}
      filters={filters}
      sides={{ a, b }}
      scenarios={options.scenarios}
      filterBar={
        <FilterBar
          filters={filters}
          options={options}
          show={["range", "provider", "family", "site"]}
          defaults={COMPARE_DEFAULTS}
          hidden={{ a: a ?? "baseline", b: b ?? "baseline" }}
        />
      }
    />
  );
}
