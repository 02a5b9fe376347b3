import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { rollUpUtilization } from "./rollups";
import type { UtilizationRow } from "./rows";
import { MAX_ERRORS, type UtilizationError, type UtilizationSummary } from "./types";

type Problem = {
  line: number;
  ref: string;
  hour: string;
  used_ah: string;
  quantity: number | null;
  start_at: string | null;
  end_at: string | null;
};

const iso = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/**
 * Stages one load's rows in a temporary table inside the caller's transaction, checking each batch against
 * the reservations (known, hour within the block's term, used ≤ its quantity), then writes them all at once:
 * upsert per (reservation, hour) and rollups of the touched days and months.
 */
export class UtilizationLoader {
  readonly errors: UtilizationError[] = [];

  private constructor(private readonly tx: Tx) {}

  static async open(tx: Tx): Promise<UtilizationLoader> {
    await tx.execute(
      sql`create temporary table utilization_stage (line int not null, reservation_id uuid not null, hour timestamptz not null, used_ah numeric(14, 4) not null) on commit drop`,
    );
    return new UtilizationLoader(tx);
  }

  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }

  addErrors(errors: readonly UtilizationError[]): void {
    for (const e of errors) if (this.errors.length < MAX_ERRORS) this.errors.push(e);
  }

  async addBatch(rows: readonly UtilizationRow[]): Promise<void> {
    if (rows.length === 0) return;
    const input = JSON.stringify(rows.map((r) => ({ line: r.line, ref: r.reservation, hour: r.hour.toISOString(), used_ah: r.usedAh })));
    const problems = await queryRows<Problem>(
      this.tx,
      sql`with input as (
            select * from jsonb_to_recordset(${input}::jsonb) as x(line int, ref text, hour timestamptz, used_ah numeric)
          ), refs as (
            select distinct on (i.ref) i.ref, r.id, r.quantity, r.start_at, r.end_at
            from (select distinct ref from input) i
            join reservations r on (r.name = i.ref or r.capacity_reservation_id = i.ref) and r.archived_at is null
            order by i.ref, (r.name = i.ref) desc, r.id
          ), resolved as (
            select i.*, refs.id, refs.quantity, refs.start_at, refs.end_at,
              refs.id is not null and i.used_ah <= refs.quantity and i.hour >= refs.start_at and i.hour < refs.end_at as ok
            from input i left join refs on refs.ref = i.ref
          ), staged as (
            -- The cast is the column's: Citus skips a target column's typmod in a CTE's INSERT (1.5 stays 1.5, not 1.5000).
            insert into utilization_stage (line, reservation_id, hour, used_ah)
            select line, id, hour, used_ah::numeric(14, 4) from resolved where ok
            returning line
          )
          select line, ref, ${iso("hour")} as hour, used_ah::text as used_ah, quantity, ${iso("start_at")} as start_at, ${iso("end_at")} as end_at
          from resolved where not coalesce(ok, false)
          order by line limit ${MAX_ERRORS}`,
    );
    this.addErrors(problems.map(describe));
  }

  /** Writes the staged rows, or returns null (writing nothing) when any row had a problem. */
  async finish(): Promise<UtilizationSummary | null> {
    const duplicates = await queryRows<{ line: number; first: number }>(
      this.tx,
      sql`select line, first from (
            select line, min(line) over (partition by reservation_id, hour) as first from utilization_stage
          ) s where line <> first order by line limit ${MAX_ERRORS}`,
    );
    this.addErrors(
      duplicates.map((d) => ({
        line: Number(d.line),
        column: "hour",
        message: `The same reservation and hour as line ${d.first}; send each hour once.`,
      })),
    );
    if (this.errors.length > 0) {
      this.errors.sort((a, b) => a.line - b.line);
      return null;
    }
    await this.tx.execute(sql`
      insert into utilization_hourly (reservation_id, hour, used_ah)
      select reservation_id, hour, used_ah from utilization_stage
      on conflict (reservation_id, hour) do update set used_ah = excluded.used_ah`);
    await rollUpUtilization(this.tx, sql`select reservation_id, (hour at time zone 'UTC')::date as day from utilization_stage`);
    const [s] = await queryRows<{ reservations: number; hours: number; used_ah: string }>(
      this.tx,
      sql`select count(distinct reservation_id)::int as reservations, count(*)::int as hours, coalesce(sum(used_ah), 0)::text as used_ah from utilization_stage`,
    );
    return { reservations: Number(s?.reservations ?? 0), hours: Number(s?.hours ?? 0), usedAh: String(s?.used_ah ?? "0") };
  }
}

function describe(p: Problem): UtilizationError {
  const line = Number(p.line);
  if (p.quantity === null) {
    return { line, column: "reservation", message: `No active reservation has the name or capacity reservation id "${p.ref}".` };
  }
  if (p.start_at !== null && p.end_at !== null && (p.hour < p.start_at || p.hour >= p.end_at)) {
    return { line, column: "hour", message: `${p.hour} is outside the term of reservation ${p.ref} (${p.start_at} to ${p.end_at}).` };
  }
  return {
    line,
    column: "used_ah",
    message: `${p.used_ah} accelerator-hours is more than reservation ${p.ref} has in an hour (${p.quantity}).`,
  };
}
