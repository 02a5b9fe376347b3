import type { SQL } from "drizzle-orm";
import type { Executor } from "./client";

// PGlite returns { rows }, postgres.js returns an array: one shape for raw SQL reads.
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows ?? [];
}
