import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { addUtcMonths, parseUtc, startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import { totalCapacityAh, type Block } from "@/lib/metrics/capacity";
import { dec, type Dec } from "@/lib/metrics/decimal";
import { addSeries, flatBaseline, observedRate, plannedDemand, type PlannedDemand } from "@/lib/metrics/demand";
import { h100eHours, planH100e } from "@/lib/metrics/h100e";
import { hoursIn, type Period } from "@/lib/metrics/period";
import { runwayMonth } from "@/lib/metrics/runway";
import { dateParam, isoDate, isoTs, tsParam } from "./sql";

export const RUNWAY_MONTHS = 24;
export const OBSERVED_MONTHS = 3;

/** Values in H100e·h for the month. */
export type RunwayPoint = { month: Period; capacity: Dec; demand: Dec; baseline: Dec; planned: Dec };
export type RunwayLine = { runway: Period | null; series: RunwayPoint[] };
export type RunwaySection = { months: Period[]; observed: Period; overall: RunwayLine; byFamily: (RunwayLine & { family: string })[] };

type Family = { capacity: Dec[]; observedH100eHours: Dec; plans: PlannedDemand[] };

function line(months: Period[], capacity: Dec[], baseline: Dec[], planned: Dec[]): RunwayLine {
  const demand = addSeries(baseline, planned);
  const series = months.map((month, i) => ({
    month,
    capacity: capacity[i]!,
    demand: demand[i]!,
    baseline: baseline[i]!,
    planned: planned[i]!,
  }));
  return { runway: runwayMonth(series), series };
}

/**
 * First version: capacity = H100e·h of blocks not expired in each month; demand = the used H100e·h rate of the
 * last 3 whole months held flat + baseline-scenario demand plans that start this month or later (plans already
 * running are assumed to show in observed use).
 */
export async function loadRunway(db: Executor, asOf: Date): Promise<RunwaySection> {
  const months = utcMonths(asOf, RUNWAY_MONTHS);
  const horizon = { from: months[0]!.from, to: months[months.length - 1]!.to };
  const observed = { from: addUtcMonths(startOfUtcMonth(asOf), -OBSERVED_MONTHS), to: startOfUtcMonth(asOf) };
  const [blockRows, usedRows, planRows] = await Promise.all([
    queryRows<{ family: string; factor: string; start_at: string; end_at: string; quantity: number }>(
      db,
      sql`select t.family, t.h100_equivalent::text as factor, ${isoTs("r.start_at")} as start_at, ${isoTs("r.end_at")} as end_at,
                 sum(r.quantity)::int as quantity
          from reservations r join accelerator_types t on t.id = r.accelerator_type_id
          where r.archived_at is null and r.status <> 'expired'
            and r.start_at < ${tsParam(horizon.to)} and r.end_at > ${tsParam(horizon.from)}
          group by t.family, t.h100_equivalent, r.start_at, r.end_at`,
    ),
    queryRows<{ family: string; factor: string; used_ah: string }>(
      db,
      sql`select t.family, t.h100_equivalent::text as factor, sum(m.used_ah)::text as used_ah
          from utilization_monthly m
          join reservations r on r.id = m.reservation_id
          join accelerator_types t on t.id = r.accelerator_type_id
          where r.archived_at is null and m.month >= ${dateParam(observed.from)} and m.month < ${dateParam(observed.to)}
          group by t.family, t.h100_equivalent`,
    ),
    queryRows<{
      family: string;
      accelerators: number | null;
      h100_equivalents: string | null;
      factor: string | null;
      start_date: string;
      end_date: string;
    }>(
      db,
      sql`select p.accelerator_family as family, p.accelerators, p.h100_equivalents::text as h100_equivalents,
                 coalesce(t.h100_equivalent, (select avg(f.h100_equivalent) from accelerator_types f
                   where f.family = p.accelerator_family and f.archived_at is null))::text as factor,
                 ${isoDate("p.start_date")} as start_date, ${isoDate("p.end_date")} as end_date
          from demand_plans p left join accelerator_types t on t.id = p.accelerator_type_id
          where p.archived_at is null and p.scenario_id is null
            and p.start_date >= ${dateParam(horizon.from)} and p.start_date < ${dateParam(horizon.to)}`,
    ),
  ]);

  const families = new Map<string, Family>();
  const family = (name: string) => {
    let f = families.get(name);
    if (!f) families.set(name, (f = { capacity: months.map(() => dec(0)), observedH100eHours: dec(0), plans: [] }));
    return f;
  };
  const groups = new Map<string, { family: string; factor: string; blocks: Block[] }>();
  for (const b of blockRows) {
    const key = `${b.family}\u0000${b.factor}`;
    const g = groups.get(key) ?? { family: b.family, factor: b.factor, blocks: [] };
    g.blocks.push({ quantity: b.quantity, startAt: parseUtc(b.start_at), endAt: parseUtc(b.end_at) });
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const f = family(g.family);
    months.forEach((m, i) => {
      f.capacity[i] = f.capacity[i]!.plus(h100eHours(totalCapacityAh(g.blocks, m), g.factor));
    });
  }
  for (const u of usedRows) {
    const f = family(u.family);
    f.observedH100eHours = f.observedH100eHours.plus(h100eHours(u.used_ah, u.factor));
  }
  for (const p of planRows) {
    family(p.family).plans.push({
      h100e: planH100e({ h100Equivalents: p.h100_equivalents, accelerators: p.accelerators, factor: p.factor }),
      startAt: parseUtc(p.start_date),
      endAt: parseUtc(p.end_date),
    });
  }

  const observedHours = hoursIn(observed);
  const byFamily = [...families.entries()].map(([name, f]) => ({
    family: name,
    ...line(months, f.capacity, flatBaseline(observedRate(f.observedH100eHours, observedHours), months), plannedDemand(f.plans, months)),
  }));
  byFamily.sort((a, b) => b.series[0]!.capacity.comparedTo(a.series[0]!.capacity) || a.family.localeCompare(b.family));
  const zeros = months.map(() => dec(0));
  const sum = (key: "capacity" | "baseline" | "planned") => addSeries(zeros, ...byFamily.map((f) => f.series.map((p) => p[key])));
  return { months, observed, overall: line(months, sum("capacity"), sum("baseline"), sum("planned")), byFamily };
}
