import { and, asc, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { IMPORT_KINDS, IMPORT_STATUSES } from "@/lib/enums";
import { imports, users } from "@/lib/db/schema";
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

export const IMPORT_LIST = {
  sortable: ["created", "file", "rows", "kind", "status"],
  defaultSort: "created",
  defaultDir: "desc",
  filters: { kind: z.enum(IMPORT_KINDS).optional(), status: z.enum(IMPORT_STATUSES).optional() },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type ImportListParams = ListParams<(typeof IMPORT_LIST.sortable)[number], typeof IMPORT_LIST.filters>;

export function parseImportListParams(raw: RawSearchParams | URLSearchParams): ImportListParams {
  return parseListParams(IMPORT_LIST, raw);
}

const SORT_COLUMNS = {
  created: imports.createdAt,
  file: imports.fileName,
  rows: imports.rows,
  kind: imports.kind,
  status: imports.status,
} satisfies Record<ImportListParams["sort"], unknown>;

function where(params: ImportListParams): SQL | undefined {
  const { kind, status } = params.filters;
  return and(
    kind ? eq(imports.kind, kind) : undefined,
    status ? eq(imports.status, status) : undefined,
    params.q ? ilike(imports.fileName, likePattern(params.q)) : undefined,
  );
}

const listColumns = {
  id: sql<string>`${imports.id}::text`,
  kind: imports.kind,
  fileName: imports.fileName,
  rows: imports.rows,
  bytes: imports.bytes,
  status: imports.status,
  createdAt: imports.createdAt,
  finishedAt: imports.finishedAt,
  createdBy: users.email,
  errorCount: sql<number>`coalesce(jsonb_array_length(${imports.errors}), 0)::int`,
  billedCost: sql<string | null>`${imports.summary} #>> '{total,billedCost}'`,
  effectiveCost: sql<string | null>`${imports.summary} #>> '{total,effectiveCost}'`,
  currency: sql<string | null>`${imports.summary} #>> '{currency}'`,
};

export type ImportListRow = Awaited<ReturnType<typeof importRows>>[number];

export async function importRows(ctx: Ctx, params: ImportListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select(listColumns)
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), desc(imports.id))
    .limit(limit)
    .offset(offset);
}

export async function listImports(ctx: Ctx, params: ImportListParams): Promise<ListResult<ImportListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(imports).where(where(params)),
    importRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await importRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export async function getImport(ctx: Ctx, id: number) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db
    .select({ ...listColumns, sha256: imports.sha256, errors: imports.errors, summary: imports.summary })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.createdBy))
    .where(eq(imports.id, id));
  return row ?? null;
}
