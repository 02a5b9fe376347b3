import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { clearFailures, lockedUntil, recordFailure, throttleKey } from "./throttle";

export const INVALID_CREDENTIALS = "Invalid email or password.";

export class SignInError extends Error {
  override name = "SignInError";
}

let dummyHash: Promise<string> | undefined;

// One generic message whether the email exists or not, and the same argon2 cost either way.
export async function authenticate(db: Db, email: string, password: string): Promise<{ id: string; email: string }> {
  const normalized = email.trim().toLowerCase();
  const key = throttleKey(normalized);
  const until = await lockedUntil(db, key);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    throw new SignInError(`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const [user] = await db.select().from(users).where(eq(users.email, normalized));
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password")), password).then(() => false);
  if (!user || !ok || user.disabled) {
    await recordFailure(db, key);
    throw new SignInError(INVALID_CREDENTIALS);
  }
  await clearFailures(db, key);
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, user.id));
  return { id: user.id, email: user.email };
}
