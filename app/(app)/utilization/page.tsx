import type { Metadata } from "next";
import { FilterBar } from "@/components/filters/filter-bar";
import { SelectionNote } from "@/components/filters/selection-note";
import { unconvertedNote } from "@/lib/format/fx";
import { formatDay } from "@/lib/format/date";
import { addUtcDays } from "@/lib/metrics/calendar";
import { UtilizationBody, WORST_OFFENDERS } from "@/components/utilization/utilization-view";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { DAY_PRESETS, planningQuery, type RawSearchParams } from "@/lib/queries/filters/params";
import { dayOnly, getUtilizationFromUrl, UTILIZATION_DEFAULTS } from "@/lib/queries/utilization";

export const metadata: Metadata = { title: "Utilization" };
export const dynamic = "force-dynamic";

const asOfFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function UtilizationPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const [{ filters, view }, options] = await Promise.all([
    getUtilizationFromUrl(ctx, raw, new Date(), { blockLimit: WORST_OFFENDERS }),
    getFilterOptions(ctx),
  ]);
  // A day range is daily only: its grain needs no parameter and there is no monthly view to switch to.
  const grain = view.grain === "day" && !dayOnly(filters) ? "day" : null;
  const query = (extra: Record<string, string | null>) => planningQuery(filters, {}, extra, UTILIZATION_DEFAULTS);
  const mayExport = can(ctx.actor.role, "export.csv");
  const idleNote = unconvertedNote(view.idleUnconverted, "reserved block");
  return (
    <div className="mx-auto max-w-7xl space-y-6 pb-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Utilization</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          As of {asOfFormat.format(view.asOf)} · {formatDay(view.period.from)} – {formatDay(addUtcDays(view.period.to, -1))} · measured use
          of the registered blocks · idle cost in US dollars
          {idleNote ? ` (${idleNote})` : ""}
        </p>
        {view.selection ? (
          <SelectionNote
            label={view.selection.label}
            clearHref={planningQuery(filters, { team: null, workload: null }, { grain }, UTILIZATION_DEFAULTS) || "?"}
          >
            each block below is one allocation: capacity is its allocated accelerator-hours, use its share of the block&apos;s used hours
            pro rata to the allocations
          </SelectionNote>
        ) : null}
        <FilterBar
          className="mt-4"
          filters={filters}
          options={options}
          show={["range", "provider", "family", "site", "team", "workload", "by"]}
          defaults={UTILIZATION_DEFAULTS}
          hidden={{ grain }}
          dayPresets={DAY_PRESETS}
        />
      </div>
      <UtilizationBody
        view={view}
        links={{
          month: dayOnly(filters) ? null : query({ grain: "month" }) || "?",
          day: query({ grain: "day" }) || "?",
          blocksCsv: mayExport ? `/utilization/blocks.csv${query({ grain })}` : null,
          seriesCsv: mayExport ? `/utilization/series.csv${query({ grain })}` : null,
        }}
      />
    </div>
  );
}
