import { sql } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/rows";

/** Days of a metric's series the workload page draws: a year back from the metric's latest day. */
export const SERIES_DAYS = 366;
/** The window of the total shown beside the latest value, ending on (and including) the metric's latest day. */
export const TOTAL_DAYS = 30;

export type MetricSeries = {
  metric: string;
  /** Days with a value, oldest first, within SERIES_DAYS of the latest; values as exact decimal strings. */
  points: { day: string; value: string }[];
  latest: { day: string; value: string };
  /** Σ values over the TOTAL_DAYS days ending on the latest day, exact. */
  total30: string;
  /** Days reported in that window (a missing day is not counted as 0). */
  daysIn30: number;
  /** Days with a value before the series window (not drawn). */
  olderDays: number;
};

/** Each business metric of a workload: its daily series, latest value and 30-day total, all summed in SQL. */
export async function getWorkloadMetrics(ctx: Ctx, workloadId: string): Promise<MetricSeries[]> {
  requirePermission(ctx, "app.read");
  const [points, stats] = await Promise.all([
    queryRows<{ metric: string; day: string; value: string }>(
      ctx.db,
      sql`select b.metric, b.day::text as day, b.value::text as value
          from business_metrics b
          join (select metric, max(day) as last from business_metrics where workload_id = ${workloadId} group by metric) m
            on m.metric = b.metric
          where b.workload_id = ${workloadId} and b.day > m.last - ${SERIES_DAYS}::int
          order by b.metric, b.day`,
    ),
    queryRows<{ metric: string; last: string; latest: string; total: string; days: number; older: number }>(
      ctx.db,
      sql`with m as (select metric, max(day) as last from business_metrics where workload_id = ${workloadId} group by metric)
          select m.metric, m.last::text as last,
            (select value::text from business_metrics b where b.workload_id = ${workloadId} and b.metric = m.metric and b.day = m.last) as latest,
            coalesce(sum(b.value) filter (where b.day > m.last - ${TOTAL_DAYS}::int), 0)::text as total,
            (count(*) filter (where b.day > m.last - ${TOTAL_DAYS}::int))::int as days,
            (count(*) filter (where b.day <= m.last - ${SERIES_DAYS}::int))::int as older
          from m join business_metrics b on b.workload_id = ${workloadId} and b.metric = m.metric
          group by m.metric, m.last
          order by m.metric`,
    ),
  ]);
  return stats.map((s) => ({
    metric: s.metric,
    points: points.filter((p) => p.metric === s.metric).map((p) => ({ day: p.day, value: p.value })),
    latest: { day: s.last, value: s.latest },
    total30: s.total,
    daysIn30: Number(s.days),
    olderDays: Number(s.older),
  }));
}

export const METRICS_CSV_HEADER = ["workload", "metric", "day", "value", "updated_at", "updated_by"] as const;

/** Every business-metric row of a workload, oldest first, in the import's columns (plus who last changed it). */
export async function* workloadMetricCsvRows(ctx: Ctx, workloadId: string): AsyncGenerator<string[]> {
  requirePermission(ctx, "app.read");
  const rows = await queryRows<{ workload: string; metric: string; day: string; value: string; at: string; by: string | null }>(
    ctx.db,
    sql`select w.name as workload, b.metric, b.day::text as day, trim_scale(b.value)::text as value,
          to_char(b.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, b.updated_by as by
        from business_metrics b join workloads w on w.id = b.workload_id
        where b.workload_id = ${workloadId}
        order by b.metric, b.day`,
  );
  for (const r of rows) yield [r.workload, r.metric, r.day, r.value, r.at, r.by ?? ""];
}
