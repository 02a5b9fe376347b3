import { z } from "zod";
import { GROUP_BY, RANGE_PRESETS, UNITS, parsePlanningFilters, type PlanningFilters } from "@/lib/queries/filters/params";
import { planInputFromParams } from "@/lib/queries/plan/params";
import { optionalIdField } from "@/lib/validation/fields";
import { PlanInputs } from "@/lib/validation/plan";

// A report: a title, a note and a scope — the sections it shows, the planning filters (stored as the URL
// parameters of lib/queries/filters/params.ts, so a preset such as "next 12 months" stays relative) and a scenario.

export const REPORT_SECTIONS = [
  "kpis",
  "capacity",
  "power",
  "costs",
  "comparison",
  "burndowns",
  "concentration",
  "plan",
  "showback",
  "unitEconomics",
  "surplus",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const SECTION_LABELS: Record<ReportSection, string> = {
  kpis: "Key figures",
  capacity: "Capacity and runway",
  power: "Power headroom",
  costs: "Costs",
  comparison: "Provider comparison",
  burndowns: "Contract burn-downs",
  concentration: "Concentration",
  plan: "Procurement plan",
  showback: "Showback by team",
  unitEconomics: "Unit economics ($ per 1M tokens)",
  surplus: "Surplus and resale",
};

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Months are written YYYY-MM.");

export const ReportFilters = z
  .object({
    range: z.enum(RANGE_PRESETS, { message: "Choose a range." }).optional(),
    from: month.optional(),
    to: month.optional(),
    provider: z.string().uuid("Choose a provider.").optional(),
    family: z.string().trim().min(1).max(100, "A family is at most 100 characters.").optional(),
    site: z.string().uuid("Choose a site.").optional(),
    by: z.enum(GROUP_BY, { message: "Group by family, provider or site." }).optional(),
    unit: z.enum(UNITS, { message: "Count accelerators or H100-equivalents." }).optional(),
  })
  .strict();
export type ReportFilters = z.infer<typeof ReportFilters>;

export const ReportScope = z
  .object({
    sections: z
      .array(z.enum(REPORT_SECTIONS, { message: "Unknown section." }))
      .min(1, "Choose at least one section.")
      .transform((s) => REPORT_SECTIONS.filter((x) => s.includes(x))),
    filters: z.preprocess((v) => v ?? {}, ReportFilters),
    scenarioId: optionalIdField("a scenario").default(null),
    /** The procurement plan section's inputs: the query string of a /plan address (lib/queries/plan/params.ts). */
    plan: z
      .string()
      .trim()
      .max(2000, "The plan's inputs are at most 2,000 characters.")
      .transform((v) => planQueryText(v))
      .superRefine((v, c) => {
        const parsed = PlanInputs.safeParse(planInputFromParams(new URLSearchParams(v)));
        if (!parsed.success) c.addIssue({ code: "custom", message: `Plan inputs: ${parsed.error.issues[0]?.message ?? "not valid."}` });
      })
      .optional(),
  })
  .strict();
export type ReportScope = z.infer<typeof ReportScope>;

/** A /plan address or its query ("https://…/plan?demand=p80", "?demand=p80", "demand=p80") → "demand=p80". */
function planQueryText(value: string): string {
  const q = value.includes("?") ? value.slice(value.indexOf("?") + 1) : value.startsWith("/plan") || /^https?:/.test(value) ? "" : value;
  return q.split("#")[0]!;
}

/** The plan section's inputs a scope fixes: its stored plan query, under the report's scenario unless the query names one. */
export function scopePlanInput(scope: ReportScope): Record<string, unknown> {
  const input = planInputFromParams(new URLSearchParams(scope.plan ?? ""));
  if (input.scenario === undefined && scope.scenarioId) input.scenario = scope.scenarioId;
  return input;
}

/** A stored scope read back (rows written before a change of shape fall back to no sections rather than failing). */
export function readScope(stored: unknown): ReportScope {
  const parsed = ReportScope.safeParse(stored);
  return parsed.success ? parsed.data : { sections: [], filters: {}, scenarioId: null };
}

/** The planning filters a scope fixes: only the stored values count, never the URL of the page showing it. */
export function scopeFilters(scope: ReportScope, now: Date = new Date()): PlanningFilters {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(scope.filters)) if (v !== undefined) raw[k] = v;
  if (scope.scenarioId) raw.scenario = scope.scenarioId;
  return parsePlanningFilters(raw, { now });
}
