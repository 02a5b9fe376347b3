import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { getCapacity, type CapacityView } from "@/lib/queries/capacity";
import { CAPACITY_DEFAULTS } from "@/lib/queries/reports/sections";
import type { CapacityDemandLine } from "@/lib/metrics/capacity-demand";
import { pageClock } from "@/lib/cache/read";
import { planningFiltersOf, planningQuery } from "../filters";
import { DecimalString, Instant, Month, decimal, instant, month, monthOrNull } from "../json";
import { checkQuery } from "../query";

export const CapacityQuery = planningQuery(["scenario", "family", "provider", "site", "team", "workload", "by", "unit"]);

const Band = z.object({
  median: DecimalString,
  lower80: DecimalString,
  upper80: DecimalString,
  lower95: DecimalString,
  upper95: DecimalString,
});
const Line = z.object({
  key: z.string(),
  label: z.string(),
  method: z.string().meta({ description: "The forecast method: none, naive, damped-holt, holt-winters, or sum (a total)." }),
  runway: Month.nullable().meta({ description: "The first month whose median demand exceeds capacity; null: none within the horizon." }),
  past: z.array(z.object({ month: Month, capacity: DecimalString, used: DecimalString })),
  points: z.array(
    z.object({ month: Month, capacity: DecimalString, forecast: Band, planned: DecimalString, demand: Band, gap: DecimalString }),
  ),
});

export const CapacityResponse = z.object({
  asOf: Instant,
  by: z.enum(["family", "provider", "site"]),
  unit: z.enum(["accelerators", "h100e"]),
  scenario: z.object({ id: z.string(), name: z.string() }).nullable(),
  selection: z.string().nullable().meta({ description: "The team or workload filtered on (its label), else null." }),
  plansLeftOut: z
    .boolean()
    .meta({ description: "Demand plans naming no provider or site were left out (a provider or site filter is set)." }),
  runway: z.object({
    overall: Month.nullable(),
    byFamily: z.array(z.object({ family: z.string(), runway: Month.nullable() })),
  }),
  groups: z.array(Line).meta({ description: "Capacity vs demand per group (by), in unit." }),
  total: Line,
});
export type CapacityJson = z.infer<typeof CapacityResponse>;

const band = (b: CapacityDemandLine["points"][number]["demand"]) => ({
  median: decimal(b.median),
  lower80: decimal(b.lower80),
  upper80: decimal(b.upper80),
  lower95: decimal(b.lower95),
  upper95: decimal(b.upper95),
});

function line(l: CapacityDemandLine): z.infer<typeof Line> {
  return {
    key: l.key,
    label: l.label,
    method: l.method,
    runway: monthOrNull(l.runway),
    past: l.past.map((p) => ({ month: month(p.month), capacity: decimal(p.capacity), used: decimal(p.used) })),
    points: l.points.map((p) => ({
      month: month(p.month),
      capacity: decimal(p.capacity),
      forecast: band(p.forecast),
      planned: decimal(p.planned),
      demand: band(p.demand),
      gap: decimal(p.gap),
    })),
  };
}

export function capacityJson(v: CapacityView): CapacityJson {
  return {
    asOf: instant(v.asOf),
    by: v.by,
    unit: v.unit,
    scenario: v.model.scenario ? { id: v.model.scenario.id, name: v.model.scenario.name } : null,
    selection: v.selection?.label ?? null,
    plansLeftOut: v.plansLeftOut,
    runway: {
      overall: monthOrNull(v.overall.runway),
      byFamily: v.byFamily.map((f) => ({ family: f.family, runway: monthOrNull(f.line.runway) })),
    },
    groups: v.groups.map(line),
    total: line(v.total),
  };
}

/** Capacity vs demand and runway per family: getCapacity with /capacity's filters and defaults. */
export async function readCapacity(ctx: Ctx, url: URL): Promise<CapacityJson> {
  const asOf = pageClock();
  const filters = planningFiltersOf(checkQuery(url, CapacityQuery), { now: asOf, defaults: CAPACITY_DEFAULTS });
  return capacityJson(await getCapacity(ctx, { ...filters, asOf }));
}
