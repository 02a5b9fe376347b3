import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { providers, reservations, sites } from "@/lib/db/schema";
import {
  likePattern,
  pageCount,
  parseListParams,
  type ListParams,
  type ListResult,
  type ListSpec,
  type RawSearchParams,
} from "@/lib/queries/lists/params";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { archivedCondition, archivedFilter, optionalId } from "@/lib/queries/lists/filters";

export const SITE_LIST = {
  sortable: ["name", "provider", "region", "country", "pue", "budget", "accelerators"],
  defaultSort: "name",
  defaultDir: "asc",
  filters: {
    provider: optionalId,
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    archived: archivedFilter,
  },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type SiteListParams = ListParams<(typeof SITE_LIST.sortable)[number], typeof SITE_LIST.filters>;

export function parseSiteListParams(raw: RawSearchParams | URLSearchParams): SiteListParams {
  return parseListParams(SITE_LIST, raw);
}

const today = sql`(now() at time zone 'UTC')::date`;

/** The contracted MW in force today (UTC), null when no step covers today. */
const budgetToday = sql<string | null>`(select b.contracted_mw::text from power_budgets b where b.site_id = ${sites.id}
  and b.effective_from <= ${today} and (b.effective_to is null or b.effective_to > ${today})
  order by b.effective_from desc limit 1)`;

/** Accelerators in blocks in place now (not archived, not expired). */
const acceleratorsNow = sql<number>`(select coalesce(sum(r.quantity), 0)::int from ${reservations} r where r.site_id = ${sites.id}
  and r.archived_at is null and r.status <> 'expired' and r.start_at <= now() and r.end_at > now())`;

const SORT_COLUMNS = {
  name: sites.name,
  provider: providers.name,
  region: sites.regionCode,
  country: sites.country,
  pue: sites.pue,
  budget: sql`(select b.contracted_mw from power_budgets b where b.site_id = ${sites.id}
    and b.effective_from <= ${today} and (b.effective_to is null or b.effective_to > ${today}) order by b.effective_from desc limit 1)`,
  accelerators: acceleratorsNow,
} satisfies Record<SiteListParams["sort"], unknown>;

function where(params: SiteListParams): SQL | undefined {
  const { provider, country, archived } = params.filters;
  return and(
    archivedCondition(sites.archivedAt, archived),
    provider ? eq(sites.providerId, provider) : undefined,
    country ? eq(sites.country, country) : undefined,
    params.q ? or(ilike(sites.name, likePattern(params.q)), ilike(sites.regionCode, likePattern(params.q))) : undefined,
  );
}

export type SiteListRow = Awaited<ReturnType<typeof siteRows>>[number];

/** The rows of the filtered, sorted site list from `offset`; the page and the CSV export both read it. */
export async function siteRows(ctx: Ctx, params: SiteListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const sortKey = SORT_COLUMNS[params.sort];
  return ctx.db
    .select({
      id: sites.id,
      name: sites.name,
      providerId: sites.providerId,
      providerName: providers.name,
      regionCode: sites.regionCode,
      country: sites.country,
      pue: sites.pue,
      budgetMwToday: budgetToday,
      acceleratorsNow,
      archivedAt: sites.archivedAt,
    })
    .from(sites)
    .innerJoin(providers, eq(providers.id, sites.providerId))
    .where(where(params))
    .orderBy(params.dir === "asc" ? sql`${sortKey} asc nulls first` : sql`${sortKey} desc nulls last`, asc(sites.name), asc(sites.id))
    .limit(limit)
    .offset(offset);
}

export async function listSites(ctx: Ctx, params: SiteListParams): Promise<ListResult<SiteListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(sites).innerJoin(providers, eq(providers.id, sites.providerId)).where(where(params)),
    siteRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await siteRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}
