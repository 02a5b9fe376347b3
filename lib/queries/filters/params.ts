import { isUuid } from "@/lib/db/uuid";
import { addUtcDays, addUtcMonths, startOfUtcDay, startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { hasControlCharacter } from "@/lib/validation/control-characters";

export type { RawSearchParams };

// The filters of the planning pages (capacity, power, costs, utilization, concentration, scenarios), parsed once
// from the URL. Anything malformed falls back to its default rather than failing, like register lists.

export const RANGE_PRESETS = ["12m", "24m", "next24m", "pm12m", "ytd", "last12m"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Ranges that are not whole months, offered only by the pages that ask for them (/utilization: the Overview's window). */
export const DAY_PRESETS = ["last30d"] as const;
export type DayPreset = (typeof DAY_PRESETS)[number];
/** The Overview's utilization window: the 30 whole UTC days before today. */
export const LAST_DAYS = 30;

export const RANGE_LABELS: Record<RangePreset | DayPreset, string> = {
  "12m": "Next 12 months",
  "24m": "Next 24 months",
  next24m: "24 months from next month",
  pm12m: "12 months back and ahead",
  ytd: "Year to date",
  last12m: "Last 12 months",
  last30d: "Last 30 days",
};

export const GROUP_BY = ["family", "provider", "site"] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const UNITS = ["accelerators", "h100e"] as const;
export type Unit = (typeof UNITS)[number];

/**
 * A range covers whole UTC months: [from, to), from the first of a month to the first of the month after the last —
 * except a day preset (only where the page allows one), which covers whole UTC days.
 */
export type PlanningFilters = {
  from: Date;
  to: Date;
  /** The preset the range came from; null when from/to were given explicitly. */
  range: RangePreset | DayPreset | null;
  provider: string | null;
  family: string | null;
  site: string | null;
  /** null = the baseline (the registers as they are). */
  scenario: string | null;
  /**
   * The allocation filters (/capacity, /utilization, /costs): a team (its workloads and those of its sub-teams) and/or
   * a workload; both set means the workload when it is the team's (lib/queries/filters/selection.ts).
   */
  team: string | null;
  workload: string | null;
  by: GroupBy;
  unit: Unit;
};

export type FilterDefaults = { range?: RangePreset; by?: GroupBy; unit?: Unit };
export type ParseOptions = { now?: Date; defaults?: FilterDefaults; dayPresets?: readonly DayPreset[] };

export const MAX_RANGE_MONTHS = 60;

const DEFAULTS: Required<FilterDefaults> = { range: "12m", by: "family", unit: "h100e" };

/** The months of a preset, relative to the month that contains `now` (a day preset: the days before `now`'s). */
export function presetPeriod(preset: RangePreset | DayPreset, now: Date): Period {
  const m0 = startOfUtcMonth(now);
  switch (preset) {
    case "last30d": {
      const today = startOfUtcDay(now);
      return { from: addUtcDays(today, -LAST_DAYS), to: today };
    }
    case "12m":
      return { from: m0, to: addUtcMonths(m0, 12) };
    case "24m":
      return { from: m0, to: addUtcMonths(m0, 24) };
    case "next24m":
      return { from: addUtcMonths(m0, 1), to: addUtcMonths(m0, 25) };
    case "pm12m":
      return { from: addUtcMonths(m0, -12), to: addUtcMonths(m0, 12) };
    case "ytd":
      return { from: new Date(Date.UTC(m0.getUTCFullYear(), 0, 1)), to: addUtcMonths(m0, 1) };
    case "last12m":
      return { from: addUtcMonths(m0, -12), to: m0 };
  }
}

/** "2026-03" → 1 Mar 2026 00:00 UTC; null for anything else. */
export function parseMonth(value: string | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value?.trim() ?? "");
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return new Date(Date.UTC(year, month - 1, 1));
}

/** 1 Mar 2026 → "2026-03": a month as the URL and a month input carry it (parseMonth reads it back). */
export function monthParam(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** The month of the last day inside [from, to), as YYYY-MM (the value a month input shows for `to`). */
export function lastMonthOf(period: Period): string {
  return monthParam(addUtcDays(period.to, -1));
}

/** The first value of each parameter; a value holding a control character (which PostgreSQL may refuse) is malformed, so unset. */
function first(raw: RawSearchParams | URLSearchParams): Record<string, string | undefined> {
  const entries =
    raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter(([, v]) => v === undefined || !hasControlCharacter(v)));
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function id(value: string | undefined): string | null {
  const v = value?.trim();
  return v && isUuid(v) ? v.toLowerCase() : null;
}

/**
 * Parses the planning filters. The range: a preset (`range=`) wins unless `from`/`to` (YYYY-MM, inclusive months)
 * name a different period — the FilterBar submits both, so months typed by hand override the preset they started
 * from. One missing side of from/to is taken from the default preset; a reversed pair is swapped; at most 60 months.
 */
export function parsePlanningFilters(raw: RawSearchParams | URLSearchParams, options: ParseOptions = {}): PlanningFilters {
  const now = options.now ?? new Date();
  const defaults = { ...DEFAULTS, ...options.defaults };
  const values = first(raw);
  const preset = oneOf(RANGE_PRESETS, values.range) ?? oneOf(options.dayPresets ?? [], values.range);
  let from = parseMonth(values.from);
  let toMonth = parseMonth(values.to);

  let period: Period;
  let range: PlanningFilters["range"];
  const presetRange = preset ? presetPeriod(preset, now) : null;
  // The months the FilterBar's inputs show for the preset (a day preset's first and last months).
  const sameAsPreset =
    presetRange &&
    (!from || monthParam(from) === monthParam(presetRange.from)) &&
    (!toMonth || monthParam(toMonth) === lastMonthOf(presetRange));
  if (presetRange && sameAsPreset) {
    period = presetRange;
    range = preset;
  } else if (from || toMonth) {
    const fallback = presetRange ?? presetPeriod(defaults.range, now);
    from ??= startOfUtcMonth(fallback.from);
    toMonth ??= startOfUtcMonth(addUtcDays(fallback.to, -1));
    if (toMonth < from) [from, toMonth] = [toMonth, from];
    let to = addUtcMonths(toMonth, 1);
    if (to > addUtcMonths(from, MAX_RANGE_MONTHS)) to = addUtcMonths(from, MAX_RANGE_MONTHS);
    period = { from, to };
    range = null;
  } else {
    period = presetPeriod(defaults.range, now);
    range = defaults.range;
  }

  const family = values.family?.trim().slice(0, 100) || null;
  const scenario = values.scenario === "baseline" ? null : id(values.scenario);
  return {
    from: period.from,
    to: period.to,
    range,
    provider: id(values.provider),
    family,
    site: id(values.site),
    scenario,
    team: id(values.team),
    workload: id(values.workload),
    by: oneOf(GROUP_BY, values.by) ?? defaults.by,
    unit: oneOf(UNITS, values.unit) ?? defaults.unit,
  };
}

/** The months of the filtered range, as half-open periods. */
export function filterMonths(filters: Pick<PlanningFilters, "from" | "to">): Period[] {
  const count = (filters.to.getUTCFullYear() - filters.from.getUTCFullYear()) * 12 + filters.to.getUTCMonth() - filters.from.getUTCMonth();
  return utcMonths(filters.from, Math.max(0, count));
}

/** URL parameters for these filters (defaults left out), with some changed; `extra` adds page-specific ones. */
export function planningSearchParams(
  filters: PlanningFilters,
  changes: Partial<PlanningFilters> = {},
  extra: Record<string, string | null | undefined> = {},
  defaults: FilterDefaults = {},
): URLSearchParams {
  const d = { ...DEFAULTS, ...defaults };
  const f = { ...filters, ...changes };
  const s = new URLSearchParams();
  if (f.range) {
    if (f.range !== d.range) s.set("range", f.range);
  } else {
    s.set("from", monthParam(f.from));
    s.set("to", lastMonthOf(f));
  }
  if (f.provider) s.set("provider", f.provider);
  if (f.family) s.set("family", f.family);
  if (f.site) s.set("site", f.site);
  if (f.scenario) s.set("scenario", f.scenario);
  if (f.team) s.set("team", f.team);
  if (f.workload) s.set("workload", f.workload);
  if (f.by !== d.by) s.set("by", f.by);
  if (f.unit !== d.unit) s.set("unit", f.unit);
  for (const [k, v] of Object.entries(extra)) if (v) s.set(k, v);
  return s;
}

/** "?…" for links that keep the current filters (empty string when nothing is set). */
export function planningQuery(
  filters: PlanningFilters,
  changes: Partial<PlanningFilters> = {},
  extra: Record<string, string | null | undefined> = {},
  defaults: FilterDefaults = {},
): string {
  const s = planningSearchParams(filters, changes, extra, defaults).toString();
  return s ? `?${s}` : "";
}

/** A list's "show all" switch (`?causes=all`, like `?expiring=all`): true for exactly "all"; anything else, the short list. */
export function parseShowAll(value: string | string[] | undefined): boolean {
  return (Array.isArray(value) ? value[0] : value) === "all";
}
