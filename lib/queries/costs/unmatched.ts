import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/lib/db/rows";
import {
  likePattern,
  optionalText,
  pageCount,
  parseListParams,
  type ListParams,
  type ListResult,
  type ListSpec,
  type RawSearchParams,
} from "@/lib/queries/lists/params";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export const UNMATCHED_LIST = {
  sortable: ["cost", "rows", "provider", "sku"],
  defaultSort: "cost",
  defaultDir: "desc",
  filters: { provider: optionalText },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type UnmatchedListParams = ListParams<(typeof UNMATCHED_LIST.sortable)[number], typeof UNMATCHED_LIST.filters>;

export function parseUnmatchedListParams(raw: RawSearchParams | URLSearchParams): UnmatchedListParams {
  return parseListParams(UNMATCHED_LIST, raw);
}

export type UnmatchedGroup = {
  /** Stable key of the group (for React and links). */
  id: string;
  providerId: string | null;
  /** The Headroom provider's name, or the name in the bill when no provider matched. */
  provider: string;
  serviceName: string | null;
  skuId: string | null;
  regionId: string | null;
  currency: string;
  rows: number;
  /** Σ EffectiveCost, exact decimal string. */
  effectiveCost: string;
};

export type UnmatchedTotals = { groups: number; rows: number; byCurrency: { currency: string; rows: number; effectiveCost: string }[] };

// Charges of succeeded imports tied to neither a contract, a reservation nor an accelerator type.
const BASE = sql`from cost_line_items c join imports i on i.id = c.import_id and i.status = 'succeeded'
  left join providers p on p.id = c.provider_id
  where c.contract_id is null and c.reservation_id is null and c.accelerator_type_id is null`;

const PROVIDER = sql`coalesce(p.name, nullif(btrim(c.provider_name), ''), '(no provider)')`;

function filters(params: UnmatchedListParams): SQL {
  const parts: SQL[] = [sql`true`];
  if (params.filters.provider) parts.push(sql`${PROVIDER} = ${params.filters.provider}`);
  if (params.q) parts.push(sql`(c.sku_id ilike ${likePattern(params.q)} or c.service_name ilike ${likePattern(params.q)})`);
  return sql.join(parts, sql` and `);
}

const SORT: Record<UnmatchedListParams["sort"], string> = {
  cost: "sum(c.effective_cost)",
  rows: "count(*)",
  provider: "2",
  sku: "c.sku_id",
};

const GROUP = sql`group by c.provider_id, ${PROVIDER}, c.service_name, c.sku_id, c.region_id, c.billing_currency`;

export async function unmatchedGroupRows(ctx: Ctx, params: UnmatchedListParams, offset: number, limit: number): Promise<UnmatchedGroup[]> {
  requirePermission(ctx, "app.read");
  const dir = sql.raw(params.dir === "asc" ? "asc" : "desc");
  const rows = await queryRows<Omit<UnmatchedGroup, "id">>(
    ctx.db,
    sql`select c.provider_id as "providerId", ${PROVIDER} as provider, c.service_name as "serviceName", c.sku_id as "skuId", c.region_id as "regionId",
          c.billing_currency as currency, count(*)::int as rows, sum(c.effective_cost)::text as "effectiveCost"
        ${BASE} and ${filters(params)}
        ${GROUP}
        order by ${sql.raw(SORT[params.sort])} ${dir}, 2, c.service_name, c.sku_id, c.region_id, c.billing_currency
        limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => ({
    ...r,
    rows: Number(r.rows),
    id: [r.providerId ?? r.provider, r.serviceName, r.skuId, r.regionId, r.currency].join("|"),
  }));
}

export async function listUnmatchedCharges(
  ctx: Ctx,
  params: UnmatchedListParams,
): Promise<ListResult<UnmatchedGroup> & { totals: UnmatchedTotals }> {
  requirePermission(ctx, "app.read");
  const [groupCount, byCurrency, firstRows] = await Promise.all([
    queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from (select 1 ${BASE} and ${filters(params)} ${GROUP}) g`),
    queryRows<{ currency: string; rows: number; cost: string }>(
      ctx.db,
      sql`select c.billing_currency as currency, count(*)::int as rows, sum(c.effective_cost)::text as cost ${BASE} and ${filters(params)} group by 1 order by 1`,
    ),
    unmatchedGroupRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(groupCount[0]?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await unmatchedGroupRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  const totals: UnmatchedTotals = {
    groups: n,
    rows: byCurrency.reduce((s, c) => s + Number(c.rows), 0),
    byCurrency: byCurrency.map((c) => ({ currency: c.currency, rows: Number(c.rows), effectiveCost: c.cost })),
  };
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize, totals };
}

/** Provider names that have unmatched charges, for the filter. */
export async function unmatchedProviders(ctx: Ctx): Promise<string[]> {
  requirePermission(ctx, "app.read");
  const rows = await queryRows<{ provider: string }>(ctx.db, sql`select distinct ${PROVIDER} as provider ${BASE} order by 1`);
  return rows.map((r) => r.provider);
}
