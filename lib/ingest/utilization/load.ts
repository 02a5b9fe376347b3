import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { dec } from "@/lib/metrics/decimal";
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
  /** The workload cell as sent (null: none), and what it named: null when nothing, else whether that is archived. */
  workload: string | null;
  workload_archived: boolean | null;
};

const iso = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/**
 * Stages one load's rows in a temporary table inside the caller's transaction, checking each batch against
 * the reservations (known, hour within the block's term, used ≤ its quantity) and the workloads (a row's optional
 * workload: an active workload's name, case-insensitive, or its id), then writes them all at once: upsert per
 * (reservation, hour) — the Σ of the hour's workload rows when it has them — rollups of the touched days and months,
 * and the per-workload use of the touched days (utilization_workload_daily, see `writeWorkloadDays`).
 */
export class UtilizationLoader {
  readonly errors: UtilizationError[] = [];

  private constructor(private readonly tx: Tx) {}

  static async open(tx: Tx): Promise<UtilizationLoader> {
    await tx.execute(
      sql`create temporary table utilization_stage (line int not null, reservation_id uuid not null, hour timestamptz not null, used_ah numeric(14, 4) not null, workload_id uuid) on commit drop`,
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
    const input = JSON.stringify(
      rows.map((r) => ({ line: r.line, ref: r.reservation, hour: r.hour.toISOString(), used_ah: r.usedAh, workload: r.workload })),
    );
    const problems = await queryRows<Problem>(
      this.tx,
      sql`with input as (
            select * from jsonb_to_recordset(${input}::jsonb) as x(line int, ref text, hour timestamptz, used_ah numeric, workload text)
          ), refs as (
            select distinct on (i.ref) i.ref, r.id, r.quantity, r.start_at, r.end_at
            from (select distinct ref from input) i
            join reservations r on (r.name = i.ref or r.capacity_reservation_id = i.ref) and r.archived_at is null
            order by i.ref, (r.name = i.ref) desc, r.id
          ), names as (
            -- A workload by id, or by name (case-insensitive; an active one before an archived one of the same name).
            select distinct on (i.workload) i.workload, w.id, w.archived_at is not null as archived
            from (select distinct workload from input where workload is not null) i
            join workloads w on w.id::text = lower(i.workload) or lower(w.name) = lower(i.workload)
            order by i.workload, (w.archived_at is null) desc, w.id
          ), resolved as (
            select i.*, refs.id, refs.quantity, refs.start_at, refs.end_at, names.id as workload_id, names.archived as workload_archived,
              refs.id is not null and i.used_ah <= refs.quantity and i.hour >= refs.start_at and i.hour < refs.end_at
                and (i.workload is null or names.archived = false) as ok
            from input i left join refs on refs.ref = i.ref left join names on names.workload = i.workload
          ), staged as (
            -- The cast is the column's: Citus skips a target column's typmod in a CTE's INSERT (1.5 stays 1.5, not 1.5000).
            insert into utilization_stage (line, reservation_id, hour, used_ah, workload_id)
            select line, id, hour, used_ah::numeric(14, 4), workload_id from resolved where ok
            returning line
          )
          select line, ref, ${iso("hour")} as hour, used_ah::text as used_ah, quantity, ${iso("start_at")} as start_at, ${iso("end_at")} as end_at,
            workload, workload_archived
          from resolved where not coalesce(ok, false)
          order by line limit ${MAX_ERRORS}`,
    );
    this.addErrors(problems.flatMap(describe));
  }

  /** Writes the staged rows, or returns null (writing nothing) when any row had a problem. */
  async finish(): Promise<UtilizationSummary | null> {
    await this.checkRepeats();
    await this.checkWorkloadHours();
    if (this.errors.length > 0) {
      this.errors.sort((a, b) => a.line - b.line);
      return null;
    }
    // Before the hours are written: it reads which of the touched days' hours were loaded before this load.
    await this.writeWorkloadDays();
    await this.tx.execute(sql`
      insert into utilization_hourly (reservation_id, hour, used_ah)
      select reservation_id, hour, sum(used_ah) from utilization_stage group by 1, 2
      on conflict (reservation_id, hour) do update set used_ah = excluded.used_ah`);
    await rollUpUtilization(this.tx, sql`select reservation_id, (hour at time zone 'UTC')::date as day from utilization_stage`);
    const [s] = await queryRows<{ reservations: number; hours: number; used_ah: string }>(
      this.tx,
      sql`select count(distinct reservation_id)::int as reservations, count(distinct (reservation_id, hour))::int as hours,
            coalesce(sum(used_ah), 0)::text as used_ah
          from utilization_stage`,
    );
    return { reservations: Number(s?.reservations ?? 0), hours: Number(s?.hours ?? 0), usedAh: String(s?.used_ah ?? "0") };
  }

  /**
   * An hour of a block is sent once: one row without a workload, or one row per workload (never both, never the same
   * workload twice) — the feed's rule for repeated rows, per workload.
   */
  private async checkRepeats(): Promise<void> {
    const repeats = await queryRows<{ line: number; same: number; first: number; by_workload: boolean; mixed: boolean }>(
      this.tx,
      sql`select line, same, first, by_workload, mixed from (
            select line, workload_id is not null as by_workload,
              min(line) over (partition by reservation_id, hour, workload_id) as same,
              min(line) over (partition by reservation_id, hour) as first,
              bool_or(workload_id is null) over (partition by reservation_id, hour)
                and bool_or(workload_id is not null) over (partition by reservation_id, hour) as mixed
            from utilization_stage
          ) s where line <> same or (mixed and line <> first) order by line limit ${MAX_ERRORS}`,
    );
    this.addErrors(
      repeats.map((d): UtilizationError => {
        const line = Number(d.line);
        if (line !== Number(d.same))
          return d.by_workload
            ? {
                line,
                column: "workload",
                message: `The same reservation, hour and workload as line ${d.same}; send each workload's hour once.`,
              }
            : { line, column: "hour", message: `The same reservation and hour as line ${d.same}; send each hour once.` };
        return {
          line,
          column: "workload",
          message: `Line ${d.first} reports the same reservation and hour ${d.by_workload ? "without a workload" : "for a workload"}; send an hour either as one row without a workload or as one row per workload.`,
        };
      }),
    );
  }

  /**
   * The bounds hold for an hour's Σ over its workloads (≤ the block's quantity). And a re-sent hour must not leave
   * a day's use per workload inexact: utilization_workload_daily keeps it by day, so an hour already loaded with use
   * on a day that has use per workload can be replaced only with every hour of that day already loaded (the day is then
   * recomputed from this load); otherwise the earlier split of that hour is unknown and the load is refused.
   */
  private async checkWorkloadHours(): Promise<void> {
    const over = await queryRows<{ line: number; first: number; ref: string; hour: string; used_ah: string; quantity: number }>(
      this.tx,
      sql`select max(s.line) as line, min(s.line) as first, r.name as ref, ${iso("s.hour")} as hour, sum(s.used_ah)::text as used_ah, r.quantity
          from utilization_stage s join reservations r on r.id = s.reservation_id
          where s.workload_id is not null
          group by s.reservation_id, s.hour, r.name, r.quantity
          having sum(s.used_ah) > r.quantity
          order by 1 limit ${MAX_ERRORS}`,
    );
    this.addErrors(
      over.map((o) => ({
        line: Number(o.line),
        column: "used_ah",
        message: `The workloads of reservation ${o.ref} at ${o.hour} (lines ${o.first} to ${o.line}) add up to ${o.used_ah} accelerator-hours, more than it has in an hour (${o.quantity}).`,
      })),
    );
    await this.tx.execute(sql`
      create temporary table utilization_stage_days on commit drop as
      with hours as (
        select reservation_id, hour, min(line) as line from utilization_stage group by 1, 2
      ), days as (
        select reservation_id, (hour at time zone 'UTC')::date as day, min(line) as line from hours group by 1, 2
      )
      select d.reservation_id, d.day, d.line,
        count(h.hour) filter (where s.line is null)::int as kept,
        count(h.hour) filter (where s.line is not null and h.used_ah > 0)::int as resent,
        min(h.hour) filter (where s.line is null) as first_kept
      from days d
      left join utilization_hourly h on h.reservation_id = d.reservation_id
        and h.hour >= (d.day::timestamp at time zone 'UTC') and h.hour < ((d.day + 1)::timestamp at time zone 'UTC')
      left join hours s on s.reservation_id = h.reservation_id and s.hour = h.hour
      group by 1, 2, 3`);
    const partial = await queryRows<{ line: number; ref: string; day: string; kept: number; first_kept: string }>(
      this.tx,
      sql`select d.line, r.name as ref, d.day::text as day, d.kept, ${iso("d.first_kept")} as first_kept
          from utilization_stage_days d join reservations r on r.id = d.reservation_id
          where d.kept > 0 and d.resent > 0
            and exists (select 1 from utilization_workload_daily w where w.reservation_id = d.reservation_id and w.day = d.day)
          order by d.line limit ${MAX_ERRORS}`,
    );
    this.addErrors(
      partial.map((p) => ({
        line: Number(p.line),
        column: "hour",
        message: `Reservation ${p.ref} already has use per workload on ${p.day}, kept by day: re-sending hours of that day replaces them exactly only with every hour of the day already loaded, and this load leaves out ${p.kept} (from ${p.first_kept}). Send the whole day again.`,
      })),
    );
  }

  /**
   * Use per workload and day: a touched day whose every loaded hour this load re-sends (or that had none) is
   * recomputed from this load's workload rows; on any other touched day the re-sent hours had no use per workload
   * (checkWorkloadHours), so this load's workload rows are added to what the day had.
   */
  private async writeWorkloadDays(): Promise<void> {
    await this.tx.execute(sql`
      delete from utilization_workload_daily
      where (reservation_id, day) in (select reservation_id, day from utilization_stage_days where kept = 0)`);
    await this.tx.execute(sql`
      insert into utilization_workload_daily (reservation_id, workload_id, day, used_ah)
      select reservation_id, workload_id, (hour at time zone 'UTC')::date, sum(used_ah)
      from utilization_stage where workload_id is not null group by 1, 2, 3
      on conflict (reservation_id, workload_id, day) do update set used_ah = utilization_workload_daily.used_ah + excluded.used_ah`);
  }
}

function describe(p: Problem): UtilizationError[] {
  const line = Number(p.line);
  const errors: UtilizationError[] = [];
  if (p.quantity === null) {
    errors.push({ line, column: "reservation", message: `No active reservation has the name or capacity reservation id "${p.ref}".` });
  } else if (p.start_at !== null && p.end_at !== null && (p.hour < p.start_at || p.hour >= p.end_at)) {
    errors.push({ line, column: "hour", message: `${p.hour} is outside the term of reservation ${p.ref} (${p.start_at} to ${p.end_at}).` });
  } else if (dec(p.used_ah).gt(p.quantity)) {
    errors.push({
      line,
      column: "used_ah",
      message: `${p.used_ah} accelerator-hours is more than reservation ${p.ref} has in an hour (${p.quantity}).`,
    });
  }
  if (p.workload !== null && p.workload_archived !== false) {
    errors.push({
      line,
      column: "workload",
      message:
        p.workload_archived === null
          ? `No workload has the name or id "${p.workload}".`
          : `The workload "${p.workload}" is archived; usage can be reported only for active workloads.`,
    });
  }
  return errors;
}
