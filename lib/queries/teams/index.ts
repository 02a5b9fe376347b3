import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { teams, workloads } from "@/lib/db/schema";
import {
  likePattern,
  pageCount,
  parseListParams,
  type ListParams,
  type ListResult,
  type ListSpec,
  type RawSearchParams,
} from "@/lib/queries/lists/params";
import { archivedCondition, archivedFilter, optionalId } from "@/lib/queries/lists/filters";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { z } from "zod";

export const TEAM_LIST = {
  sortable: ["path", "name", "costCentre", "workloads"],
  defaultSort: "path",
  defaultDir: "asc",
  filters: { parent: optionalId, archived: archivedFilter },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type TeamListParams = ListParams<(typeof TEAM_LIST.sortable)[number], typeof TEAM_LIST.filters>;

export function parseTeamListParams(raw: RawSearchParams | URLSearchParams): TeamListParams {
  return parseListParams(TEAM_LIST, raw);
}

// The hierarchy is at most 4 levels deep (the verbs refuse a 5th), so three parent joins name every team's path.
const p1 = alias(teams, "p1");
const p2 = alias(teams, "p2");
const p3 = alias(teams, "p3");
const path = sql<string>`concat_ws(' › ', ${p3.name}, ${p2.name}, ${p1.name}, ${teams.name})`;
const level = sql<number>`(1 + (${p1.id} is not null)::int + (${p2.id} is not null)::int + (${p3.id} is not null)::int)`;
const activeWorkloads = sql<number>`(select count(*) from ${workloads} w where w.team_id = ${teams.id} and w.archived_at is null)::int`;
const activeChildren = sql<number>`(select count(*) from ${teams} c where c.parent_id = ${teams.id} and c.archived_at is null)::int`;

const SORT_COLUMNS = {
  path: sql`lower(${path})`,
  name: sql`lower(${teams.name})`,
  costCentre: teams.costCentre,
  workloads: activeWorkloads,
} satisfies Record<TeamListParams["sort"], unknown>;

function where(params: TeamListParams): SQL | undefined {
  const { parent, archived } = params.filters;
  return and(
    archivedCondition(teams.archivedAt, archived),
    parent ? eq(teams.parentId, parent) : undefined,
    params.q ? or(ilike(teams.name, likePattern(params.q)), ilike(teams.costCentre, likePattern(params.q))) : undefined,
  );
}

export type TeamListRow = Awaited<ReturnType<typeof teamRows>>[number];

/** The rows of the filtered, sorted team list from `offset`; the page and the CSV export read it. */
export function teamRows(ctx: Ctx, params: TeamListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select({
      id: teams.id,
      name: teams.name,
      costCentre: teams.costCentre,
      parentId: teams.parentId,
      parentName: p1.name,
      path,
      level,
      activeWorkloads,
      activeChildren,
      archivedAt: teams.archivedAt,
    })
    .from(teams)
    .leftJoin(p1, eq(p1.id, teams.parentId))
    .leftJoin(p2, eq(p2.id, p1.parentId))
    .leftJoin(p3, eq(p3.id, p2.parentId))
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(teams.name), asc(teams.id))
    .limit(limit)
    .offset(offset);
}

export async function teamListPage(ctx: Ctx, params: TeamListParams): Promise<ListResult<TeamListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(teams).where(where(params)),
    teamRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await teamRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

/** One team with its path, its sub-teams and its workloads (archived ones too, marked). */
export async function getTeamDetail(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db
    .select({ team: teams, parentName: p1.name, path, level })
    .from(teams)
    .leftJoin(p1, eq(p1.id, teams.parentId))
    .leftJoin(p2, eq(p2.id, p1.parentId))
    .leftJoin(p3, eq(p3.id, p2.parentId))
    .where(eq(teams.id, id));
  if (!row) return null;
  const [children, owned] = await Promise.all([
    ctx.db
      .select({ id: teams.id, name: teams.name, costCentre: teams.costCentre, archivedAt: teams.archivedAt })
      .from(teams)
      .where(eq(teams.parentId, id))
      .orderBy(sql`${teams.archivedAt} is not null`, asc(teams.name)),
    ctx.db
      .select({
        id: workloads.id,
        name: workloads.name,
        kind: workloads.kind,
        activeFrom: workloads.activeFrom,
        activeTo: workloads.activeTo,
        archivedAt: workloads.archivedAt,
      })
      .from(workloads)
      .where(eq(workloads.teamId, id))
      .orderBy(sql`${workloads.archivedAt} is not null`, asc(workloads.name)),
  ]);
  const { team, ...rest } = row;
  return { ...team, ...rest, children, workloads: owned };
}

/** Active teams as choices, each labelled by its path (the hierarchy reads at a glance in a select). */
export async function teamOptions(ctx: Ctx): Promise<{ value: string; label: string }[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select({ id: teams.id, path })
    .from(teams)
    .leftJoin(p1, eq(p1.id, teams.parentId))
    .leftJoin(p2, eq(p2.id, p1.parentId))
    .leftJoin(p3, eq(p3.id, p2.parentId))
    .where(isNull(teams.archivedAt))
    .orderBy(sql`lower(${path})`);
  return rows.map((r) => ({ value: r.id, label: r.path }));
}
