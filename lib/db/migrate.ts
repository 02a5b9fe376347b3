import path from "node:path";
import type { DbHandle } from "./client";
import { distributeSchema } from "./distribute";

export const migrationsFolder = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

/** Applies drizzle's migrations, then on a Citus coordinator distributes the tables not yet distributed. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
    await distributeSchema(handle.db);
  }
}
