import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { demandPlans, teams, workloads } from "@/lib/db/schema";
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
import { WORKLOAD_KINDS } from "@/lib/enums";

export const WORKLOAD_LIST = {
  sortable: ["name", "kind", "team", "from", "to", "price"],
  defaultSort: "name",
  defaultDir: "asc",
  filters: { kind: z.enum(WORKLOAD_KINDS).optional(), team: optionalId, archived: archivedFilter },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type WorkloadListParams = ListParams<(typeof WORKLOAD_LIST.sortable)[number], typeof WORKLOAD_LIST.filters>;

export function parseWorkloadListParams(raw: RawSearchParams | URLSearchParams): WorkloadListParams {
  return parseListParams(WORKLOAD_LIST, raw);
}

const SORT_COLUMNS = {
  name: sql`lower(${workloads.name})`,
  kind: workloads.kind,
  team: sql`lower(${teams.name})`,
  from: workloads.activeFrom,
  to: workloads.activeTo,
  price: workloads.salePrice,
} satisfies Record<WorkloadListParams["sort"], unknown>;

function where(params: WorkloadListParams): SQL | undefined {
  const { kind, team, archived } = params.filters;
  return and(
    archivedCondition(workloads.archivedAt, archived),
    kind ? eq(workloads.kind, kind) : undefined,
    team ? eq(workloads.teamId, team) : undefined,
    params.q ? or(ilike(workloads.name, likePattern(params.q)), ilike(workloads.notes, likePattern(params.q))) : undefined,
  );
}

export type WorkloadListRow = Awaited<ReturnType<typeof workloadRows>>[number];

/** The rows of the filtered, sorted workload list from `offset`; the page and the CSV export read it. */
export function workloadRows(ctx: Ctx, params: WorkloadListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select({
      id: workloads.id,
      name: workloads.name,
      kind: workloads.kind,
      teamId: workloads.teamId,
      teamName: teams.name,
      activeFrom: workloads.activeFrom,
      activeTo: workloads.activeTo,
      salePrice: workloads.salePrice,
      currency: workloads.currency,
      notes: workloads.notes,
      archivedAt: workloads.archivedAt,
    })
    .from(workloads)
    .innerJoin(teams, eq(teams.id, workloads.teamId))
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(workloads.name), asc(workloads.id))
    .limit(limit)
    .offset(offset);
}

export async function workloadListPage(ctx: Ctx, params: WorkloadListParams): Promise<ListResult<WorkloadListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(workloads).where(where(params)),
    workloadRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await workloadRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

/** One workload with its team and its demand plans (archived ones too, marked). */
export async function getWorkloadDetail(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db
    .select({ workload: workloads, teamName: teams.name, teamArchivedAt: teams.archivedAt })
    .from(workloads)
    .innerJoin(teams, eq(teams.id, workloads.teamId))
    .where(eq(workloads.id, id));
  if (!row) return null;
  const plans = await ctx.db
    .select({
      id: demandPlans.id,
      name: demandPlans.name,
      family: demandPlans.acceleratorFamily,
      startDate: demandPlans.startDate,
      endDate: demandPlans.endDate,
      archivedAt: demandPlans.archivedAt,
    })
    .from(demandPlans)
    .where(eq(demandPlans.workloadId, id))
    .orderBy(sql`${demandPlans.archivedAt} is not null`, asc(demandPlans.startDate), asc(demandPlans.name));
  const { workload, ...rest } = row;
  return { ...workload, ...rest, demandPlans: plans };
}

/** Active workloads as choices, labelled with their team. */
export async function workloadOptions(ctx: Ctx): Promise<{ value: string; label: string }[]> {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db
    .select({ id: workloads.id, name: workloads.name, teamName: teams.name })
    .from(workloads)
    .innerJoin(teams, eq(teams.id, workloads.teamId))
    .where(isNull(workloads.archivedAt))
    .orderBy(asc(workloads.name));
  return rows.map((r) => ({ value: r.id, label: `${r.name} (${r.teamName})` }));
}
