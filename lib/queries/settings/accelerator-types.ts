import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { acceleratorTypes } from "@/lib/db/schema";
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
import { nameplateH100e } from "@/lib/metrics/h100e";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { archivedCondition, archivedFilter } from "@/lib/queries/lists/filters";

export const ACCELERATOR_LIST = {
  sortable: ["name", "vendor", "family", "memory", "bf16", "systemW", "h100e", "reservations"],
  defaultSort: "name",
  defaultDir: "asc",
  filters: { vendor: optionalText, family: optionalText, archived: archivedFilter },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type AcceleratorListParams = ListParams<(typeof ACCELERATOR_LIST.sortable)[number], typeof ACCELERATOR_LIST.filters>;

export function parseAcceleratorListParams(raw: RawSearchParams | URLSearchParams): AcceleratorListParams {
  return parseListParams(ACCELERATOR_LIST, raw);
}

// Written out with table names: drizzle leaves columns unqualified in a single-table select.
const reservationCount = sql<number>`(select count(*)::int from reservations r where r.accelerator_type_id = "accelerator_types"."id" and r.archived_at is null)`;

const SORT_COLUMNS = {
  name: acceleratorTypes.name,
  vendor: acceleratorTypes.vendor,
  family: acceleratorTypes.family,
  memory: acceleratorTypes.memoryGb,
  bf16: acceleratorTypes.bf16Tflops,
  systemW: acceleratorTypes.systemW,
  h100e: acceleratorTypes.h100Equivalent,
  reservations: reservationCount,
} satisfies Record<AcceleratorListParams["sort"], unknown>;

function where(params: AcceleratorListParams): SQL | undefined {
  const { vendor, family, archived } = params.filters;
  return and(
    archivedCondition(acceleratorTypes.archivedAt, archived),
    vendor ? eq(acceleratorTypes.vendor, vendor) : undefined,
    family ? eq(acceleratorTypes.family, family) : undefined,
    params.q ? or(ilike(acceleratorTypes.name, likePattern(params.q)), ilike(acceleratorTypes.family, likePattern(params.q))) : undefined,
  );
}

export type AcceleratorListRow = Awaited<ReturnType<typeof acceleratorRows>>[number];

/** Catalog rows with the nameplate H100-equivalent beside the (possibly measured) factor in use. */
export async function acceleratorRows(ctx: Ctx, params: AcceleratorListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  const rows = await ctx.db
    .select({
      id: acceleratorTypes.id,
      name: acceleratorTypes.name,
      vendor: acceleratorTypes.vendor,
      family: acceleratorTypes.family,
      memoryGb: acceleratorTypes.memoryGb,
      bf16Tflops: acceleratorTypes.bf16Tflops,
      fp8Tflops: acceleratorTypes.fp8Tflops,
      tdpW: acceleratorTypes.tdpW,
      systemW: acceleratorTypes.systemW,
      h100Equivalent: acceleratorTypes.h100Equivalent,
      reservationCount,
      archivedAt: acceleratorTypes.archivedAt,
    })
    .from(acceleratorTypes)
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(acceleratorTypes.name), asc(acceleratorTypes.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, nameplateH100e: nameplateH100e(r.bf16Tflops).toFixed(4) }));
}

export async function listAcceleratorTypes(ctx: Ctx, params: AcceleratorListParams): Promise<ListResult<AcceleratorListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(acceleratorTypes).where(where(params)),
    acceleratorRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await acceleratorRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export async function acceleratorFilterOptions(ctx: Ctx) {
  requirePermission(ctx, "app.read");
  const rows = await ctx.db.selectDistinct({ vendor: acceleratorTypes.vendor, family: acceleratorTypes.family }).from(acceleratorTypes);
  const sorted = (values: string[]) => [...new Set(values)].sort().map((v) => ({ value: v, label: v }));
  return { vendors: sorted(rows.map((r) => r.vendor)), families: sorted(rows.map((r) => r.family)) };
}

export async function getAcceleratorType(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db.select({ type: acceleratorTypes, reservationCount }).from(acceleratorTypes).where(eq(acceleratorTypes.id, id));
  return row
    ? { ...row.type, reservationCount: row.reservationCount, nameplateH100e: nameplateH100e(row.type.bf16Tflops).toFixed(4) }
    : null;
}
