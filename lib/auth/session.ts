import { eq } from "drizzle-orm";
import { getServerSession, type NextAuthOptions } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { UnauthorizedError } from "@/lib/errors";
import type { Actor, Ctx } from "@/lib/auth/context";
import { authOptions } from "./options";

// The session only names the user; role and disabled flag are read from the database on every request.
export const getCtx = cache(async (): Promise<Ctx | null> => {
  const session = await getServerSession<NextAuthOptions, { userId?: string }>(authOptions());
  if (!session?.userId) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, session.userId));
  if (!user || user.disabled) return null;
  const actor: Actor = { id: user.id, email: user.email, role: user.role, kind: "user" };
  return { db, actor };
});

export async function requireCtx(): Promise<Ctx> {
  const ctx = await getCtx();
  if (!ctx) redirect("/signin");
  return ctx;
}

// For server actions and route handlers: no redirect, a typed error instead.
export async function requireActionCtx(): Promise<Ctx> {
  const ctx = await getCtx();
  if (!ctx) throw new UnauthorizedError("Your session has ended. Sign in again.");
  return ctx;
}
