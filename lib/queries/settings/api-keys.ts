import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "@/lib/enums";
import { apiKeys, users } from "@/lib/db/schema";
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

export const API_KEY_LIST = {
  sortable: ["name", "prefix", "role", "creator", "created", "lastUsed", "revoked"],
  defaultSort: "created",
  defaultDir: "desc",
  filters: { role: z.enum(ROLES).optional(), status: z.enum(["active", "revoked"]).optional() },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type ApiKeyListParams = ListParams<(typeof API_KEY_LIST.sortable)[number], typeof API_KEY_LIST.filters>;

export function parseApiKeyListParams(raw: RawSearchParams | URLSearchParams): ApiKeyListParams {
  return parseListParams(API_KEY_LIST, raw);
}

const SORT_COLUMNS = {
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  creator: users.email,
  created: apiKeys.createdAt,
  lastUsed: apiKeys.lastUsedAt,
  revoked: apiKeys.revokedAt,
} satisfies Record<ApiKeyListParams["sort"], unknown>;

function where(params: ApiKeyListParams): SQL | undefined {
  const { role, status } = params.filters;
  return and(
    role ? eq(apiKeys.role, role) : undefined,
    status === "active" ? isNull(apiKeys.revokedAt) : status === "revoked" ? isNotNull(apiKeys.revokedAt) : undefined,
    params.q ? or(ilike(apiKeys.name, likePattern(params.q)), ilike(apiKeys.prefix, likePattern(params.q))) : undefined,
  );
}

export type ApiKeyListRow = Awaited<ReturnType<typeof apiKeyRows>>[number];

/** API keys with their creator; never the hash. Only for those who manage keys. */
export async function apiKeyRows(ctx: Ctx, params: ApiKeyListParams, offset: number, limit: number) {
  requirePermission(ctx, "api_keys.manage");
  const dir = params.dir === "asc" ? sql`asc nulls first` : sql`desc nulls last`;
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      creatorEmail: users.email,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      version: apiKeys.version,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(where(params))
    .orderBy(sql`${SORT_COLUMNS[params.sort]} ${dir}`, params.dir === "asc" ? asc(apiKeys.name) : desc(apiKeys.name), asc(apiKeys.id))
    .limit(limit)
    .offset(offset);
}

export async function listApiKeys(ctx: Ctx, params: ApiKeyListParams): Promise<ListResult<ApiKeyListRow>> {
  requirePermission(ctx, "api_keys.manage");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.createdBy)).where(where(params)),
    apiKeyRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await apiKeyRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export async function getApiKey(ctx: Ctx, id: string) {
  requirePermission(ctx, "api_keys.manage");
  const [row] = await ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      creatorEmail: users.email,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      version: apiKeys.version,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.id, id));
  return row ?? null;
}
