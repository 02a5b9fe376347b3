import { hashPassword } from "@/lib/auth/password";
import type { Executor } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { SEED_ACTOR } from "./constants";

export const DEMO_USERS = [
  { email: "admin@headroom.local", name: "Priya Raman", role: "admin" },
  { email: "finance@headroom.local", name: "Marcus Chen", role: "finance" },
  { email: "infra@headroom.local", name: "Sofia Alvarez", role: "infra" },
  { email: "viewer@headroom.local", name: "Jordan Blake", role: "viewer" },
] as const;

// One argon2 hash shared by the four demo logins (hashing is deliberately slow), made before the transaction.
export function hashDemoPassword(demoPassword: string): Promise<string> {
  return hashPassword(demoPassword);
}

export async function insertDemoUsers(tx: Executor, passwordHash: string): Promise<number> {
  await tx.insert(users).values(DEMO_USERS.map((u) => ({ ...u, passwordHash, updatedBy: SEED_ACTOR })));
  return DEMO_USERS.length;
}
