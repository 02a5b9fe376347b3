import { requirePermission, type Ctx } from "@/lib/auth/context";
import { addUtcDays, startOfUtcDay } from "@/lib/metrics/calendar";
import { loadAnomalyData } from "./load";
import { buildSeries, type BuiltSeries } from "./series";
import { toAnomaly, verdictsOf, type Anomaly } from "./detect";

export type { Anomaly } from "./detect";

/** 8 weeks of same-weekday history plus 4 weeks in which level shifts and open alarms settle before the first day judged. */
export const ANOMALY_LOOKBACK_DAYS = 56 + 28;

export type AnomalyRun = { from: Date; days: number; series: BuiltSeries[] };

/** Builds every series over the lookback and the `days` whole UTC days before asOf's day. */
export async function runAnomalySeries(ctx: Ctx, asOf: Date, days: number): Promise<AnomalyRun> {
  requirePermission(ctx, "app.read");
  const to = startOfUtcDay(asOf);
  const from = addUtcDays(to, -(days + ANOMALY_LOOKBACK_DAYS));
  const data = await loadAnomalyData(ctx.db, from, to);
  return { from, days, series: buildSeries(data, from, days + ANOMALY_LOOKBACK_DAYS) };
}

export function anomaliesOf(run: AnomalyRun): Anomaly[] {
  return run.series
    .flatMap((s) => verdictsOf(s, ANOMALY_LOOKBACK_DAYS).flatMap((v) => (v?.anomaly ? [toAnomaly(s.meta, v)] : [])))
    .sort((a, b) => b.day.localeCompare(a.day) || a.series.localeCompare(b.series));
}

/**
 * Anomalies on the last `days` whole UTC days before asOf's day (default 1: yesterday), newest first: cost per provider
 * × service and per workload (charges' allocation-rule workload), and each block's daily utilization.
 */
export async function findAnomalies(ctx: Ctx, options: { asOf: Date; days?: number }): Promise<Anomaly[]> {
  return anomaliesOf(await runAnomalySeries(ctx, options.asOf, Math.max(1, Math.floor(options.days ?? 1))));
}
