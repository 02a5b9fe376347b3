import { addUtcMonths } from "@/lib/metrics/calendar";
import { averageUnitsByMonth, plansAhead, runwayOf, type CapacityDemandLine } from "@/lib/metrics/capacity-demand";
import { dec, type Dec } from "@/lib/metrics/decimal";
import { runwayMonth } from "@/lib/metrics/runway";
import type { Period } from "@/lib/metrics/period";
import { blockH100e } from "@/lib/planning/block-h100e";
import type { PlanningModel } from "@/lib/planning/model";

export const TOP_PLANS = 5;
export const TOP_EXPIRING = 8;
/** Blocks ending up to this many months after the runway month count as "around" it. */
export const AROUND_MONTHS = 3;

export type Sensitivity = { key: string; label: string; runway: Period | null };
export type DriverPlan = {
  id: string;
  name: string;
  family: string;
  kind: string;
  priority: number;
  h100e: Dec;
  startAt: Date;
  endAt: Date;
  inRunwayMonth: boolean;
};
export type DriverBlock = {
  id: string;
  name: string;
  providerName: string;
  siteName: string;
  family: string;
  quantity: number;
  h100e: Dec;
  endAt: Date;
  beforeRunway: boolean;
};
export type RunwayDrivers = { sensitivity: Sensitivity[]; plans: DriverPlan[]; expiring: DriverBlock[]; expiringWindow: Period };

/**
 * What moves a runway (H100e line of one family, or overall): the runway if demand ran at the upper 80 % / 95 % band
 * or the lower 80 % band, without the demand plans, and with every block that ends within the horizon renewed to its
 * end; the largest plans that lie ahead; the blocks ending before, in or up to 3 months after the runway month
 * (`beforeRunway`: ending by the end of the runway month).
 */
export function runwayDrivers(
  model: PlanningModel,
  line: CapacityDemandLine,
  options: { family: string | null; months: Period[]; plansLeftOut: boolean; horizonEnd: Date },
): RunwayDrivers {
  const { months, horizonEnd } = options;
  const first = months[0]!.from;
  const blocks = model.blocks.filter((b) => !options.family || b.family === options.family);
  const ending = blocks.filter((b) => b.endAt > first && b.endAt < horizonEnd);
  const renewed = ending.map((b) => ({ units: blockH100e(b), startAt: b.endAt, endAt: horizonEnd }));
  const renewedByMonth = averageUnitsByMonth(renewed, months);
  const withRenewals = runwayMonth(
    line.points.map((p, i) => ({ month: p.month, capacity: p.capacity.plus(renewedByMonth[i]!), demand: p.demand.median })),
  );
  const sensitivity: Sensitivity[] = [
    { key: "median", label: "Median demand", runway: line.runway },
    { key: "upper80", label: "Demand at the upper 80 % band", runway: runwayOf(line.points, (b) => b.upper80) },
    { key: "upper95", label: "Demand at the upper 95 % band", runway: runwayOf(line.points, (b) => b.upper95) },
    { key: "lower80", label: "Demand at the lower 80 % band", runway: runwayOf(line.points, (b) => b.lower80) },
    {
      key: "noPlans",
      label: "Forecast only (no demand plans)",
      runway: runwayMonth(line.points.map((p) => ({ month: p.month, capacity: p.capacity, demand: p.forecast.median }))),
    },
    { key: "renewed", label: `Every block ending in the next ${months.length} months renewed`, runway: withRenewals },
  ];

  const runway = line.runway;
  const plans = options.plansLeftOut
    ? []
    : plansAhead(
        model.demandPlans.filter((p) => !options.family || p.family === options.family),
        months,
      )
        .filter((p) => p.startAt < horizonEnd)
        .map((p) => ({
          id: p.id,
          name: p.name,
          family: p.family,
          kind: p.kind,
          priority: p.priority,
          h100e: dec(p.h100e),
          startAt: p.startAt,
          endAt: p.endAt,
          inRunwayMonth: runway !== null && p.startAt < runway.to && p.endAt > runway.from,
        }))
        .sort((a, b) => b.h100e.comparedTo(a.h100e) || a.startAt.getTime() - b.startAt.getTime() || a.name.localeCompare(b.name))
        .slice(0, TOP_PLANS);

  const windowEnd = runway ? addUtcMonths(runway.from, AROUND_MONTHS + 1) : horizonEnd;
  const expiring = ending
    .filter((b) => b.endAt <= windowEnd)
    .map((b) => ({
      id: b.id,
      name: b.name,
      providerName: b.providerName,
      siteName: b.siteName,
      family: b.family,
      quantity: b.quantity,
      h100e: blockH100e(b),
      endAt: b.endAt,
      beforeRunway: runway !== null && b.endAt < runway.to,
    }))
    .sort((a, b) => b.h100e.comparedTo(a.h100e) || a.endAt.getTime() - b.endAt.getTime())
    .slice(0, TOP_EXPIRING)
    .sort((a, b) => a.endAt.getTime() - b.endAt.getTime() || a.name.localeCompare(b.name));

  return { sensitivity, plans, expiring, expiringWindow: { from: first, to: windowEnd } };
}
