import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "@/lib/enums";
import { users } from "@/lib/db/schema";
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

export const USER_LIST = {
  sortable: ["email", "name", "role", "status", "lastLogin", "created"],
  defaultSort: "email",
  defaultDir: "asc",
  filters: { role: z.enum(ROLES).optional(), status: z.enum(["active", "disabled"]).optional() },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type UserListParams = ListParams<(typeof USER_LIST.sortable)[number], typeof USER_LIST.filters>;

export function parseUserListParams(raw: RawSearchParams | URLSearchParams): UserListParams {
  return parseListParams(USER_LIST, raw);
}

const SORT_COLUMNS = {
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.disabled,
  lastLogin: users.lastLoginAt,
  created: users.createdAt,
} satisfies Record<UserListParams["sort"], unknown>;

function where(params: UserListParams): SQL | undefined {
  const { role, status } = params.filters;
  return and(
    role ? eq(users.role, role) : undefined,
    status ? eq(users.disabled, status === "disabled") : undefined,
    params.q ? or(ilike(users.email, likePattern(params.q)), ilike(users.name, likePattern(params.q))) : undefined,
  );
}

const COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

export type UserListRow = Awaited<ReturnType<typeof userRows>>[number];

/** Users (never their password hash); only for those who manage users. */
export async function userRows(ctx: Ctx, params: UserListParams, offset: number, limit: number) {
  requirePermission(ctx, "users.manage");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select(COLUMNS)
    .from(users)
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(users.email), asc(users.id))
    .limit(limit)
    .offset(offset);
}

export async function listUsers(ctx: Ctx, params: UserListParams): Promise<ListResult<UserListRow>> {
  requirePermission(ctx, "users.manage");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(users).where(where(params)),
    userRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await userRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export async function getUser(ctx: Ctx, id: string) {
  requirePermission(ctx, "users.manage");
  const [[row], [admins]] = await Promise.all([
    ctx.db.select(COLUMNS).from(users).where(eq(users.id, id)),
    ctx.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.disabled, false))),
  ]);
  if (!row) return null;
  const lastActiveAdmin = row.role === "admin" && !row.disabled && Number(admins?.n ?? 0) <= 1;
  return { ...row, lastActiveAdmin };
}
