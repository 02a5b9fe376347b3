import path from "node:path";
import type { DbHandle } from "./client";

export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}
