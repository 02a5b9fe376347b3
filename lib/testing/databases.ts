import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { installVersionTriggers } from "./version-triggers";

// Integration suites run on both engines; a server that does not answer fails the run, never skips it.
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const ENGINES = ["pglite", "postgres"] as const;
export type Engine = (typeof ENGINES)[number];

/** `versionTriggers: false` leaves data_version to the app's own bumps (lib/testing/version-triggers.ts). */
export async function createTestDatabase(engine: Engine, options: { versionTriggers?: boolean } = {}): Promise<DbHandle> {
  const handle = await openTestDatabase(engine);
  if (options.versionTriggers ?? true) await installVersionTriggers(handle.db);
  return handle;
}

async function openTestDatabase(engine: Engine): Promise<DbHandle> {
  if (engine === "pglite") {
    const handle = await openDatabase({});
    await migrateDatabase(handle);
    return handle;
  }
  const name = `headroom_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
      }
    },
  };
}

export function describeOnEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(`${title} [${engine}]`, () => body(engine));
}
