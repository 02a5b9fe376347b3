import Link from "next/link";
import { FlaskConical } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { FilterOptions } from "@/lib/queries/filters/options";
import {
  lastMonthOf,
  monthParam,
  planningQuery,
  RANGE_LABELS,
  RANGE_PRESETS,
  type DayPreset,
  type FilterDefaults,
  type PlanningFilters,
} from "@/lib/queries/filters/params";
import { cn } from "@/lib/utils";

// The filters of a planning page as a GET form: server-rendered, every choice in the URL, so any view can be
// bookmarked and shared. Presets are links (keeping the other filters); typed months override the preset.

export type FilterField = "range" | "provider" | "family" | "site" | "scenario" | "team" | "workload" | "by" | "unit";

const SELECT =
  "h-9 max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

function Select({
  name,
  label,
  value,
  options,
  allLabel,
}: {
  name: string;
  label: string;
  value: string | null;
  options: { value: string; label: string; group?: string }[];
  allLabel?: string;
}) {
  // Options carrying a group (a workload's team) are shown under an optgroup per group, in the order given.
  const groups: { group: string | undefined; options: typeof options }[] = [];
  for (const o of options) {
    const last = groups[groups.length - 1];
    if (last && last.group === o.group) last.options.push(o);
    else groups.push({ group: o.group, options: [o] });
  }
  const list = (items: typeof options) =>
    items.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <div className="flex max-w-full min-w-0 flex-col gap-1">
      <Label htmlFor={`filter-${name}`}>{label}</Label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={cn(SELECT, "max-w-64")}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {groups.map((g, i) =>
          g.group === undefined ? (
            list(g.options)
          ) : (
            <optgroup key={`${g.group}-${i}`} label={g.group}>
              {list(g.options)}
            </optgroup>
          ),
        )}
      </select>
    </div>
  );
}

/** A team indented under its parent (two no-break spaces a level), so the select reads as the hierarchy. */
function teamOptions(options: FilterOptions, current: string | null): { value: string; label: string }[] {
  const list = options.teams.map((t) => ({ value: t.value, label: `${"\u00a0\u00a0".repeat(t.level - 1)}${t.label}` }));
  return current && !options.teams.some((t) => t.value === current) ? [...list, { value: current, label: "Archived team" }] : list;
}

function workloadOptions(options: FilterOptions, current: string | null): { value: string; label: string; group?: string }[] {
  return current && !options.workloads.some((w) => w.value === current)
    ? [...options.workloads, { value: current, label: "Archived workload" }]
    : options.workloads;
}

export function FilterBar({
  filters,
  options,
  show = ["range", "provider", "family", "site", "scenario", "by", "unit"],
  defaults,
  hidden = {},
  dayPresets = [],
  className,
}: {
  filters: PlanningFilters;
  options: FilterOptions;
  show?: FilterField[];
  /** The page's own defaults (as given to parsePlanningFilters), so links stay short. */
  defaults?: FilterDefaults;
  /** Page-specific parameters the form keeps (e.g. the compared scenarios). */
  hidden?: Record<string, string | null | undefined>;
  /** Ranges of whole days this page accepts (as given to parsePlanningFilters), offered before the month presets. */
  dayPresets?: readonly DayPreset[];
  className?: string;
}) {
  const shows = (f: FilterField) => show.includes(f);
  const scenarioName = filters.scenario ? options.scenarios.find((s) => s.value === filters.scenario)?.label : null;
  return (
    <section aria-label="Filters" className={cn("flex flex-col gap-2", className)}>
      <form method="get" role="search" aria-label="Filters" className="flex flex-wrap items-end gap-3">
        {shows("range") ? (
          <>
            <div className="flex flex-col gap-1">
              <Label htmlFor="filter-from">From</Label>
              <Input id="filter-from" name="from" type="month" defaultValue={monthParam(filters.from)} className="w-40" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="filter-to">To</Label>
              <Input id="filter-to" name="to" type="month" defaultValue={lastMonthOf(filters)} className="w-40" />
            </div>
            {filters.range ? <input type="hidden" name="range" value={filters.range} /> : null}
          </>
        ) : null}
        {shows("scenario") ? (
          <Select
            name="scenario"
            label="Scenario"
            value={filters.scenario}
            allLabel="Baseline"
            options={
              filters.scenario && !scenarioName
                ? [...options.scenarios, { value: filters.scenario, label: "Archived scenario" }]
                : options.scenarios
            }
          />
        ) : null}
        {shows("provider") ? (
          <Select name="provider" label="Provider" value={filters.provider} allLabel="All" options={options.providers} />
        ) : null}
        {shows("family") ? <Select name="family" label="Family" value={filters.family} allLabel="All" options={options.families} /> : null}
        {shows("site") ? <Select name="site" label="Site" value={filters.site} allLabel="All" options={options.sites} /> : null}
        {shows("team") ? (
          <Select name="team" label="Team" value={filters.team} allLabel="All teams" options={teamOptions(options, filters.team)} />
        ) : null}
        {shows("workload") ? (
          <Select
            name="workload"
            label="Workload"
            value={filters.workload}
            allLabel="All workloads"
            options={workloadOptions(options, filters.workload)}
          />
        ) : null}
        {shows("by") ? (
          <Select
            name="by"
            label="Group by"
            value={filters.by}
            options={[
              { value: "family", label: "Family" },
              { value: "provider", label: "Provider" },
              { value: "site", label: "Site" },
            ]}
          />
        ) : null}
        {shows("unit") ? (
          <Select
            name="unit"
            label="Unit"
            value={filters.unit}
            options={[
              { value: "h100e", label: "H100-equivalents" },
              { value: "accelerators", label: "Accelerators" },
            ]}
          />
        ) : null}
        {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
      {shows("range") ? (
        <nav aria-label="Date range presets" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          {[...dayPresets, ...RANGE_PRESETS].map((p) =>
            p === filters.range ? (
              <span key={p} aria-current="true" className="font-medium text-slate-900 dark:text-white">
                {RANGE_LABELS[p]}
              </span>
            ) : (
              <Link
                key={p}
                href={planningQuery(filters, { range: p }, hidden, defaults) || "?"}
                className="text-brand-700 underline dark:text-brand-300"
              >
                {RANGE_LABELS[p]}
              </Link>
            ),
          )}
        </nav>
      ) : null}
      {filters.scenario ? (
        <p
          role="status"
          data-testid="scenario-banner"
          className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <FlaskConical aria-hidden className="size-4" />
          <span>
            Showing scenario <strong>{scenarioName ?? "(archived)"}</strong>, not the baseline registers.{" "}
            <Link href={planningQuery(filters, { scenario: null }, hidden, defaults) || "?"} className="underline">
              Back to baseline
            </Link>
          </span>
        </p>
      ) : null}
    </section>
  );
}
