import { z } from "zod";
import {
  DAY_PRESETS,
  GROUP_BY,
  parseMonth,
  parsePlanningFilters,
  RANGE_PRESETS,
  UNITS,
  type FilterDefaults,
  type PlanningFilters,
} from "@/lib/queries/filters/params";
import { ValidationError } from "@/lib/errors";
import { searchParamsOf } from "./query";

// The planning pages' URL filters as the API checks them: the same names and values the pages accept (their
// parser, lib/queries/filters/params.ts, then reads them), but a malformed value is a 400 naming it instead of
// silently falling back to the default as a bookmarked page does.

const id = (what: string) => z.guid({ message: `must be the id (a UUID) of a ${what}.` });
const monthParam = (side: string) =>
  z
    .string()
    .refine((v) => parseMonth(v) !== null, { message: `must be a month YYYY-MM (2000-01 to 2100-12), the ${side} month, inclusive.` });

export const planningFields = {
  range: z.enum(RANGE_PRESETS, { message: `must be one of ${RANGE_PRESETS.join(", ")}.` }).meta({
    description: "A preset range of whole months; from/to (when they name other months) override it.",
  }),
  from: monthParam("first").meta({ description: "First month of the range, YYYY-MM." }),
  to: monthParam("last").meta({ description: "Last month of the range, YYYY-MM (inclusive); at most 60 months." }),
  provider: id("provider").meta({ description: "Only this provider's blocks." }),
  family: z.string().trim().min(1, "must not be empty.").max(100, "must be at most 100 characters.").meta({
    description: "Only this accelerator family, e.g. H100.",
  }),
  site: id("site").meta({ description: "Only this site's blocks." }),
  scenario: z
    .union([z.literal("baseline"), id("scenario")], { message: "must be baseline or the id (a UUID) of a scenario." })
    .meta({ description: "A scenario's id, or baseline (the default): the registers as they are." }),
  team: id("team").meta({ description: "Only what this team's workloads (and its sub-teams') hold." }),
  workload: id("workload").meta({ description: "Only what this workload holds." }),
  by: z.enum(GROUP_BY, { message: `must be one of ${GROUP_BY.join(", ")}.` }).meta({ description: "How rows are grouped." }),
  unit: z.enum(UNITS, { message: `must be one of ${UNITS.join(", ")}.` }).meta({ description: "Accelerators or H100-equivalents." }),
};

/** The utilization page's range also takes the Overview's 30-day window. */
export const utilizationRange = z
  .enum([...RANGE_PRESETS, ...DAY_PRESETS], { message: `must be one of ${[...RANGE_PRESETS, ...DAY_PRESETS].join(", ")}.` })
  .meta({ description: "A preset range (last30d: the 30 whole UTC days before today, daily)." });

type FieldName = keyof typeof planningFields;

/** A strict query schema of some planning fields, each optional. */
export function planningQuery<K extends FieldName, E extends z.ZodRawShape = Record<never, never>>(names: readonly K[], extra?: E) {
  const shape = Object.fromEntries(names.map((n) => [n, planningFields[n].optional()])) as {
    [P in K]: z.ZodOptional<(typeof planningFields)[P]>;
  };
  return z.strictObject({ ...shape, ...(extra ?? ({} as E)) });
}

/** The checked query read by the pages' parser, with the page's defaults and clock. */
export function planningFiltersOf(
  values: Record<string, string | undefined>,
  options: { now: Date; defaults?: FilterDefaults; dayPresets?: readonly (typeof DAY_PRESETS)[number][] },
): PlanningFilters {
  const filters = parsePlanningFilters(searchParamsOf(values), options);
  for (const key of ["provider", "site", "team", "workload", "family"] as const) {
    if (values[key] !== undefined && filters[key] === null) throw refused(key, values[key]);
  }
  if (values.scenario !== undefined && values.scenario !== "baseline" && filters.scenario === null)
    throw refused("scenario", values.scenario);
  return filters;
}

function refused(key: string, value: string): ValidationError {
  return new ValidationError(`Bad query parameter ${key}: the page's filters do not accept "${value}".`, {
    [key]: [`the page's filters do not accept "${value}".`],
  });
}
