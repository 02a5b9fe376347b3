import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import type { MetricRow } from "./rows";
import { MAX_ERRORS, type BusinessMetricsSummary, type MetricError } from "./types";

/**
 * Stages one load's rows in a temporary table inside the caller's transaction, resolving each batch's workloads
 * by name (active ones, case-insensitive), then writes them all at once: an upsert per (workload, metric, day),
 * so a re-sent day replaces its value.
 */
export class BusinessMetricsLoader {
  readonly errors: MetricError[] = [];

  private constructor(private readonly tx: Tx) {}

  static async open(tx: Tx): Promise<BusinessMetricsLoader> {
    await tx.execute(
      sql`create temporary table business_metrics_stage (line int not null, workload_id uuid not null, metric text not null, day date not null, value numeric(24, 6) not null) on commit drop`,
    );
    return new BusinessMetricsLoader(tx);
  }

  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }

  addErrors(errors: readonly MetricError[]): void {
    for (const e of errors) if (this.errors.length < MAX_ERRORS) this.errors.push(e);
  }

  async addBatch(rows: readonly MetricRow[]): Promise<void> {
    if (rows.length === 0) return;
    const input = JSON.stringify(rows.map((r) => ({ line: r.line, ref: r.workload, metric: r.metric, day: r.day, value: r.value })));
    const unknown = await queryRows<{ line: number; ref: string }>(
      this.tx,
      sql`with input as (
            select * from jsonb_to_recordset(${input}::jsonb) as x(line int, ref text, metric text, day date, value numeric)
          ), resolved as (
            select i.*, w.id from input i
            left join workloads w on lower(w.name) = lower(i.ref) and w.archived_at is null
          ), staged as (
            -- The column's cast: Citus skips a target column's typmod in a CTE's INSERT.
            insert into business_metrics_stage (line, workload_id, metric, day, value)
            select line, id, metric, day, value::numeric(24, 6) from resolved where id is not null
            returning line
          )
          select line, ref from resolved where id is null order by line limit ${MAX_ERRORS}`,
    );
    this.addErrors(unknown.map((u) => ({ line: Number(u.line), column: "workload", message: `No active workload is named "${u.ref}".` })));
  }

  /** Writes the staged rows as `updatedBy`, or returns null (writing nothing) when any row had a problem. */
  async finish(updatedBy: string): Promise<BusinessMetricsSummary | null> {
    const duplicates = await queryRows<{ line: number; first: number }>(
      this.tx,
      sql`select line, first from (
            select line, min(line) over (partition by workload_id, metric, day) as first from business_metrics_stage
          ) s where line <> first order by line limit ${MAX_ERRORS}`,
    );
    this.addErrors(
      duplicates.map((d) => ({
        line: Number(d.line),
        column: "day",
        message: `The same workload, metric and day as line ${d.first}; send each day once.`,
      })),
    );
    if (this.errors.length > 0) {
      this.errors.sort((a, b) => a.line - b.line);
      return null;
    }
    const [s] = await queryRows<{
      workloads: number;
      metrics: string[] | null;
      values: number;
      replaced: number;
      first: string;
      last: string;
    }>(
      this.tx,
      sql`select count(distinct s.workload_id)::int as workloads,
            array_agg(distinct s.metric order by s.metric) as metrics,
            count(*)::int as values,
            count(b.workload_id)::int as replaced,
            min(s.day)::text as first, max(s.day)::text as last
          from business_metrics_stage s
          left join business_metrics b on b.workload_id = s.workload_id and b.metric = s.metric and b.day = s.day`,
    );
    await this.tx.execute(sql`
      insert into business_metrics (workload_id, metric, day, value, updated_at, updated_by)
      select workload_id, metric, day, value, now(), ${updatedBy} from business_metrics_stage
      on conflict (workload_id, metric, day) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    return {
      workloads: Number(s?.workloads ?? 0),
      metrics: s?.metrics ?? [],
      values: Number(s?.values ?? 0),
      replaced: Number(s?.replaced ?? 0),
      firstDay: String(s?.first ?? ""),
      lastDay: String(s?.last ?? ""),
    };
  }
}
