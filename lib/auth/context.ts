import type { Db } from "@/lib/db/client";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";

export type Actor = { id: string | null; email: string; role: Role; kind: "user" | "api_key" | "system" };
export type Ctx = { db: Db; actor: Actor };

export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.actor.role, permission)) {
    throw new ForbiddenError(`Your role (${ctx.actor.role}) is not allowed to do this (needs ${permission}).`);
  }
}
