import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import type { Usage } from "@/lib/metrics/utilization-view";
import { getUtilizationFromUrl, type UtilizationView } from "@/lib/queries/utilization";
import { planningFields, planningQuery, utilizationRange } from "../filters";
import { DecimalString, Instant, PeriodJson, Ratio, decimal, decimalOrNull, instant, period } from "../json";
import { checkQuery, searchParamsOf } from "../query";

export const UtilizationQuery = planningQuery(["from", "to", "provider", "family", "site", "team", "workload", "by"], {
  range: utilizationRange.optional(),
  grain: z.enum(["month", "day"], { message: "must be month or day." }).optional().meta({
    description: "Buckets: day (ranges up to 6 months) or month; by default daily up to 3 months.",
  }),
});

const UsageJson = z.object({
  capacityAh: DecimalString,
  usedAh: DecimalString,
  idleAh: DecimalString,
  idleCost: DecimalString.meta({ description: "Idle accelerator-hours of reserved blocks × rate, in currency." }),
  utilization: Ratio,
});

export const UtilizationResponse = z.object({
  asOf: Instant,
  currency: z.string(),
  grain: z.enum(["month", "day"]),
  by: planningFields.by,
  period: PeriodJson,
  measuredTo: Instant.meta({ description: "Hours before this instant are measured." }),
  selection: z.string().nullable(),
  total: UsageJson,
  groups: z.array(UsageJson.extend({ group: z.string() })).meta({ description: "Each group over the whole period." }),
  series: z.array(PeriodJson.extend({ total: UsageJson, groups: z.array(UsageJson.extend({ group: z.string() })) })),
  unmeasured: z
    .number()
    .int()
    .meta({ description: "Blocks with capacity in the period but no utilization row: left out of every figure." }),
  blockCount: z.number().int(),
  idleUnconverted: z.array(z.object({ currency: z.string(), count: z.number().int() })),
});
export type UtilizationJson = z.infer<typeof UtilizationResponse>;

const usage = (u: Usage): z.infer<typeof UsageJson> => ({
  capacityAh: decimal(u.capacityAh),
  usedAh: decimal(u.usedAh),
  idleAh: decimal(u.idleAh),
  idleCost: decimal(u.idleCost),
  utilization: decimalOrNull(u.utilization),
});

const grouped = (m: Map<string, Usage>) => [...m].map(([group, u]) => ({ group, ...usage(u) }));

export function utilizationJson(view: UtilizationView): UtilizationJson {
  return {
    asOf: instant(view.asOf),
    currency: view.currency,
    grain: view.grain,
    by: view.by,
    period: period(view.period),
    measuredTo: instant(view.measuredTo),
    selection: view.selection?.label ?? null,
    total: usage(view.total),
    groups: grouped(view.groupTotals),
    series: view.buckets.map((b) => ({ ...period(b.bucket), total: usage(b.total), groups: grouped(b.groups) })),
    unmeasured: view.unmeasured.length,
    blockCount: view.blockCount,
    idleUnconverted: view.idleUnconverted,
  };
}

/** Utilization series: getUtilizationFromUrl, /utilization's loader (the last 12 whole months by default). */
export async function readUtilization(ctx: Ctx, url: URL): Promise<UtilizationJson> {
  const query = checkQuery(url, UtilizationQuery);
  const { view } = await getUtilizationFromUrl(ctx, searchParamsOf(query), new Date(), { blockLimit: 0 });
  return utilizationJson(view);
}
