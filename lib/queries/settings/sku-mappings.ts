import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/lib/db/rows";
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
import { archivedFilter, optionalId } from "@/lib/queries/lists/filters";

export const SKU_MAPPING_LIST = {
  sortable: ["provider", "sku", "region", "type", "charges"],
  defaultSort: "provider",
  defaultDir: "asc",
  filters: { provider: optionalId, archived: archivedFilter },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type SkuMappingListParams = ListParams<(typeof SKU_MAPPING_LIST.sortable)[number], typeof SKU_MAPPING_LIST.filters>;

export function parseSkuMappingListParams(raw: RawSearchParams | URLSearchParams): SkuMappingListParams {
  return parseListParams(SKU_MAPPING_LIST, raw);
}

export type SkuMappingRow = {
  id: string;
  providerId: string;
  providerName: string;
  skuId: string;
  regionId: string | null;
  acceleratorTypeId: string;
  acceleratorTypeName: string;
  acceleratorsPerUnit: string;
  /** Charges whose accelerator type comes from this mapping. */
  charges: number;
  archivedAt: string | null;
  version: number;
};

// Charges each mapping decides: its provider and SKU, its region (or, for the region-less mapping, a region
// without its own mapping), and its type; an archived mapping decides none. A grouped join rather than a
// subquery per row: Citus refuses a correlated subquery over cost_line_items from a reference table's rows.
const CHARGES = sql.raw(`left join (
    select k.id, count(*)::int as n
    from sku_mappings k
    join cost_line_items c on c.provider_id = k.provider_id and c.sku_id = k.sku_id and c.accelerator_type_id = k.accelerator_type_id
    left join sku_mappings s on k.region_id is null and s.provider_id = k.provider_id and s.sku_id = k.sku_id
      and s.archived_at is null and s.region_id is not null and lower(s.region_id) = lower(c.region_id)
    where k.archived_at is null
      and (case when k.region_id is not null then lower(c.region_id) = lower(k.region_id) else s.id is null end)
    group by k.id
  ) decided on decided.id = m.id`);

const SORT: Record<SkuMappingListParams["sort"], string> = {
  provider: "p.name",
  sku: "m.sku_id",
  region: "m.region_id",
  type: "t.name",
  charges: "charges",
};

function where(params: SkuMappingListParams): SQL {
  const { provider, archived } = params.filters;
  const parts: SQL[] = [sql`true`];
  if (archived === undefined) parts.push(sql`m.archived_at is null`);
  if (archived === "only") parts.push(sql`m.archived_at is not null`);
  if (provider) parts.push(sql`m.provider_id = ${provider}::uuid`);
  if (params.q) parts.push(sql`m.sku_id ilike ${likePattern(params.q)}`);
  return sql.join(parts, sql` and `);
}

const SELECT = sql`select m.id, m.provider_id as "providerId", p.name as "providerName", m.sku_id as "skuId", m.region_id as "regionId",
    m.accelerator_type_id as "acceleratorTypeId", t.name as "acceleratorTypeName", m.accelerators_per_unit::text as "acceleratorsPerUnit",
    coalesce(decided.n, 0) as charges, m.archived_at::text as "archivedAt", m.version
  from sku_mappings m join providers p on p.id = m.provider_id join accelerator_types t on t.id = m.accelerator_type_id
  ${CHARGES}`;

export async function skuMappingRows(ctx: Ctx, params: SkuMappingListParams, offset: number, limit: number): Promise<SkuMappingRow[]> {
  requirePermission(ctx, "app.read");
  const dir = sql.raw(params.dir === "asc" ? "asc" : "desc");
  const rows = await queryRows<SkuMappingRow>(
    ctx.db,
    sql`${SELECT} where ${where(params)} order by ${sql.raw(SORT[params.sort])} ${dir} nulls first, p.name, m.sku_id, m.region_id nulls first, m.id limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => ({ ...r, charges: Number(r.charges), version: Number(r.version) }));
}

export async function listSkuMappings(ctx: Ctx, params: SkuMappingListParams): Promise<ListResult<SkuMappingRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from sku_mappings m where ${where(params)}`),
    skuMappingRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await skuMappingRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export async function getSkuMapping(ctx: Ctx, id: string): Promise<SkuMappingRow | null> {
  requirePermission(ctx, "app.read");
  const [row] = await queryRows<SkuMappingRow>(ctx.db, sql`${SELECT} where m.id = ${id}::uuid`);
  return row ? { ...row, charges: Number(row.charges), version: Number(row.version) } : null;
}
