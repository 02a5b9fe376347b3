import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { fieldLabel } from "@/lib/format/field-label";

export type Actor = { id: string | null; email: string; role: Role; kind: "user" | "api_key" | "system" };
export type Ctx = { db: Db; actor: Actor };

export function requirePermission(ctx: Ctx, permission: Permission): void {
  if (!can(ctx.actor.role, permission)) {
    throw new ForbiddenError(`Your role (${ctx.actor.role}) is not allowed to do this (needs ${permission}).`);
  }
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0]!;
  const where = first.path.length ? `${fieldLabel(first.path.join("."))}: ` : "";
  throw new ValidationError(`Please fix the highlighted fields (${where}${first.message}).`, fieldErrors);
}

export function withTransaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
