import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { dateParam, isoTs } from "@/lib/db/sql";
import { parseUtc } from "@/lib/metrics/calendar";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { PlanningFilters } from "./params";

// The team / workload filter of /capacity, /utilization and /costs (issue 19 deliverable 7): the workloads it selects
// and their allocations. A team means its own workloads and those of every team under it (the hierarchy is at most
// 4 levels deep); a workload and a team together mean the workload when it belongs to the team (else nothing).

export type Selection = {
  team: string | null;
  workload: string | null;
  /** "Research › Pre-training" (a team's path) or a workload's name: what the pages say is "Allocated to". */
  label: string;
  /** The selected workloads (archived ones included: their past allocations still count). */
  workloadIds: string[];
  /** The team and every team under it (for the shared costs distributed per team); empty for a workload. */
  teamIds: string[];
};

/** One allocation of a selected workload (not archived): `quantity` accelerators of a block over [startAt, endAt). */
export type SelectedAllocation = {
  id: string;
  reservationId: string;
  workloadId: string;
  workloadName: string;
  quantity: number;
  startAt: Date;
  /** null: to the block's end. */
  endAt: Date | null;
};

/** The filters' selection, or null when neither a team nor a workload is asked for. An unknown id selects nothing. */
export async function loadSelection(ctx: Ctx, filters: Pick<PlanningFilters, "team" | "workload">): Promise<Selection | null> {
  requirePermission(ctx, "app.read");
  const { team, workload } = filters;
  if (!team && !workload) return null;
  const [teamRows, workloadRows] = await Promise.all([
    team
      ? queryRows<{ id: string; path: string | null }>(
          ctx.db,
          sql`with recursive tree(id) as (
                select id from teams where id = ${team}::uuid
                union
                select c.id from teams c join tree on c.parent_id = tree.id
              )
              select tree.id,
                     (select concat_ws(' › ', p3.name, p2.name, p1.name, t.name)
                        from teams t left join teams p1 on p1.id = t.parent_id left join teams p2 on p2.id = p1.parent_id
                        left join teams p3 on p3.id = p2.parent_id
                       where t.id = ${team}::uuid) as path
              from tree`,
        )
      : Promise.resolve([]),
    queryRows<{ id: string; name: string; team_id: string }>(
      ctx.db,
      workload
        ? sql`select id, name, team_id from workloads where id = ${workload}::uuid`
        : sql`select id, name, team_id from workloads where team_id in (
                with recursive tree(id) as (
                  select id from teams where id = ${team}::uuid
                  union
                  select c.id from teams c join tree on c.parent_id = tree.id
                )
                select id from tree)
              order by name`,
    ),
  ]);
  const teamIds = teamRows.map((t) => t.id);
  const inTeam = team ? new Set(teamIds) : null;
  const selected = workloadRows.filter((w) => !inTeam || inTeam.has(w.team_id));
  const teamLabel = teamRows[0]?.path ?? "an unknown team";
  const label = workload ? (workloadRows[0]?.name ?? "an unknown workload") : teamLabel;
  return { team, workload, label, workloadIds: selected.map((w) => w.id), teamIds: workload ? [] : teamIds };
}

/** The allocations (not archived) of the selected workloads, oldest first. */
export async function loadSelectedAllocations(ctx: Ctx, selection: Selection): Promise<SelectedAllocation[]> {
  if (selection.workloadIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    reservation_id: string;
    workload_id: string;
    workload_name: string;
    quantity: number;
    start_at: string;
    end_at: string | null;
  }>(
    ctx.db,
    sql`select a.id, a.reservation_id, a.workload_id, w.name as workload_name, a.quantity,
               ${isoTs("a.start_at")} as start_at, ${isoTs("a.end_at")} as end_at
        from allocations a join workloads w on w.id = a.workload_id
        where a.archived_at is null and a.workload_id in (${sql.join(
          selection.workloadIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by a.start_at, a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    reservationId: r.reservation_id,
    workloadId: r.workload_id,
    workloadName: r.workload_name,
    quantity: r.quantity,
    startAt: parseUtc(r.start_at),
    endAt: r.end_at ? parseUtc(r.end_at) : null,
  }));
}

/** Every allocation (not archived, any workload) of the given blocks, oldest first: the denominators of the pro-rata shares. */
export async function loadBlockAllocations(
  ctx: Ctx,
  reservationIds: readonly string[],
): Promise<{ id: string; reservationId: string; workloadId: string; quantity: number; startAt: Date; endAt: Date | null }[]> {
  if (reservationIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    reservation_id: string;
    workload_id: string;
    quantity: number;
    start_at: string;
    end_at: string | null;
  }>(
    ctx.db,
    sql`select a.id, a.reservation_id, a.workload_id, a.quantity, ${isoTs("a.start_at")} as start_at, ${isoTs("a.end_at")} as end_at
        from allocations a
        where a.archived_at is null and a.reservation_id in (${sql.join(
          [...new Set(reservationIds)].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by a.start_at, a.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    reservationId: r.reservation_id,
    workloadId: r.workload_id,
    quantity: r.quantity,
    startAt: parseUtc(r.start_at),
    endAt: r.end_at ? parseUtc(r.end_at) : null,
  }));
}

/** The ids of the demand plans (any scenario, archived or not: the model has already chosen) of the selected workloads. */
export async function loadSelectedPlanIds(ctx: Ctx, selection: Selection): Promise<Set<string>> {
  if (selection.workloadIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from demand_plans where workload_id in (${sql.join(
      selection.workloadIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The use the utilization feed's workload column reported (utilization_workload_daily) on the given blocks, per
 * block, bucket (UTC day or month, by its start) and workload: `${blockId}|${bucket start in ms}` → workload → used AH.
 */
export async function loadReportedWorkloadUse(
  ctx: Ctx,
  reservationIds: readonly string[],
  range: { from: Date; to: Date; grain: "day" | "month" },
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (reservationIds.length === 0) return out;
  const bucket = range.grain === "day" ? sql.raw("day") : sql.raw("date_trunc('month', day::timestamp)::date");
  const rows = await queryRows<{ reservation_id: string; workload_id: string; bucket: string; used_ah: string }>(
    ctx.db,
    sql`select reservation_id, workload_id, to_char(${bucket}, 'YYYY-MM-DD') as bucket, sum(used_ah)::text as used_ah
        from utilization_workload_daily
        where day >= ${dateParam(range.from)} and day < ${dateParam(range.to)} and reservation_id in (${sql.join(
          [...new Set(reservationIds)].map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        group by 1, 2, 3`,
  );
  for (const r of rows) {
    const key = `${r.reservation_id}|${parseUtc(r.bucket).getTime()}`;
    out.set(key, (out.get(key) ?? new Map<string, string>()).set(r.workload_id, r.used_ah));
  }
  return out;
}
