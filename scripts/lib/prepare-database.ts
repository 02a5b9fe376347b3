import { randomBytes } from "node:crypto";
import type { DbHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo";
import type { Env } from "@/lib/env";

export type PreparedDatabase = { kind: "pglite" | "postgres"; seeded: boolean; demoPassword?: string; seconds: number };

// Migrates, and on an empty database loads the demo portfolio; closes the connection so the server can open it.
export async function prepareDatabase(handle: DbHandle, e: Env): Promise<PreparedDatabase> {
  const started = performance.now();
  try {
    await migrateDatabase(handle);
    if (e.seed !== "demo" || !(await isDatabaseEmpty(handle.db))) {
      return { kind: handle.kind, seeded: false, seconds: (performance.now() - started) / 1000 };
    }
    const demoPassword = e.demoPassword ?? randomBytes(12).toString("base64url");
    await seedDemo(handle.db, { demoPassword });
    return { kind: handle.kind, seeded: true, demoPassword, seconds: (performance.now() - started) / 1000 };
  } finally {
    await handle.close();
  }
}
