import { and, asc, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { providers } from "@/lib/db/schema";
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
import { PROVIDER_KINDS } from "@/lib/enums";
import { archivedCondition, archivedFilter } from "@/lib/queries/lists/filters";

export const PROVIDER_LIST = {
  sortable: ["name", "kind", "sites", "contracts"],
  defaultSort: "name",
  defaultDir: "asc",
  filters: { kind: z.enum(PROVIDER_KINDS).optional(), archived: archivedFilter },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type ProviderListParams = ListParams<(typeof PROVIDER_LIST.sortable)[number], typeof PROVIDER_LIST.filters>;

export function parseProviderListParams(raw: RawSearchParams | URLSearchParams): ProviderListParams {
  return parseListParams(PROVIDER_LIST, raw);
}

// Written out with table names: drizzle leaves columns unqualified in a single-table select.
const siteCount = sql<number>`(select count(*)::int from sites s where s.provider_id = "providers"."id" and s.archived_at is null)`;
const contractCount = sql<number>`(select count(*)::int from contracts c where c.provider_id = "providers"."id" and c.archived_at is null)`;

const SORT_COLUMNS = { name: providers.name, kind: providers.kind, sites: siteCount, contracts: contractCount } satisfies Record<
  ProviderListParams["sort"],
  unknown
>;

function where(params: ProviderListParams): SQL | undefined {
  const { kind, archived } = params.filters;
  return and(
    archivedCondition(providers.archivedAt, archived),
    kind ? eq(providers.kind, kind) : undefined,
    params.q ? ilike(providers.name, likePattern(params.q)) : undefined,
  );
}

export type ProviderListRow = Awaited<ReturnType<typeof providerRows>>[number];

export async function providerRows(ctx: Ctx, params: ProviderListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select({ id: providers.id, name: providers.name, kind: providers.kind, siteCount, contractCount, archivedAt: providers.archivedAt })
    .from(providers)
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(providers.name), asc(providers.id))
    .limit(limit)
    .offset(offset);
}

export async function listProviders(ctx: Ctx, params: ProviderListParams): Promise<ListResult<ProviderListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(providers).where(where(params)),
    providerRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await providerRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export async function getProvider(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db.select({ provider: providers, siteCount, contractCount }).from(providers).where(eq(providers.id, id));
  return row ? { ...row.provider, siteCount: row.siteCount, contractCount: row.contractCount } : null;
}
