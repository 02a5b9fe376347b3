import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createCitusTestDatabase, dropCitusDatabase } from "./citus";
import { installCitusDataVersion } from "./citus-data-version";
import { installVersionTriggers } from "./version-triggers";

// Integration suites run on every selected engine; a server that does not answer fails the run, never skips it.
export const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const citusUrl = process.env.TEST_CITUS_URL;

const ALL_ENGINES = ["pglite", "postgres", "citus"] as const;
export type Engine = (typeof ALL_ENGINES)[number];

/** pglite and postgres, plus citus when TEST_CITUS_URL names a coordinator; TEST_ENGINES (comma list) narrows them. */
export const ENGINES: readonly Engine[] = selectEngines(process.env.TEST_ENGINES);

function selectEngines(list: string | undefined): Engine[] {
  const available: Engine[] = citusUrl ? ["pglite", "postgres", "citus"] : ["pglite", "postgres"];
  if (!list) return available;
  const asked = list.split(",").map((s) => s.trim());
  for (const name of asked) {
    if (!ALL_ENGINES.includes(name as Engine)) throw new Error(`TEST_ENGINES: unknown engine "${name}" (${ALL_ENGINES.join(", ")}).`);
    if (name === "citus" && !citusUrl) throw new Error("TEST_ENGINES asks for citus but TEST_CITUS_URL is not set.");
  }
  return available.filter((e) => asked.includes(e));
}

/** `versionTriggers: false` leaves data_version to the app's own bumps (lib/testing/version-triggers.ts). */
export async function createTestDatabase(engine: Engine, options: { versionTriggers?: boolean } = {}): Promise<DbHandle> {
  const triggers = options.versionTriggers ?? true;
  if (engine === "pglite") return openDatabase({ loadDataDir: await pgliteTemplate(triggers) });
  const handle = await openTestDatabase(engine);
  if (triggers) await installTestVersioning(engine, handle);
  return handle;
}

/** A PGlite database's data directory as a tar (checkpointed first, so a load starts without replaying the WAL). */
export async function dumpPglite(handle: DbHandle): Promise<Blob> {
  await handle.db.execute(sql`checkpoint`);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  return client.dumpDataDir("none");
}

const pgliteTemplates = new Map<boolean, Promise<Blob>>();

/**
 * A migrated PGlite database (with or without the version triggers), built once per test worker: each suite's
 * database is loaded from its dump, which skips PGlite's initdb and the migrations (seconds per database).
 */
function pgliteTemplate(triggers: boolean): Promise<Blob> {
  let template = pgliteTemplates.get(triggers);
  if (!template) {
    template = (async () => {
      const handle = await openDatabase({});
      try {
        await migrateDatabase(handle);
        if (triggers) await installVersionTriggers(handle.db);
        return await dumpPglite(handle);
      } finally {
        await handle.close();
      }
    })();
    template.catch(() => pgliteTemplates.delete(triggers));
    pgliteTemplates.set(triggers, template);
  }
  return template;
}

/** Migrates an empty database at `url` as a test database of the engine (a template's first step). */
export async function prepareTestDatabase(engine: "postgres" | "citus", url: string): Promise<DbHandle> {
  const handle = await openDatabase({ url });
  try {
    await migrateDatabase(handle);
    await installTestVersioning(engine, handle);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function installTestVersioning(engine: Engine, handle: DbHandle): Promise<void> {
  if (engine === "citus") await installCitusDataVersion(handle.db);
  else await installVersionTriggers(handle.db);
}

async function openTestDatabase(engine: "postgres" | "citus"): Promise<DbHandle> {
  const name = `headroom_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  if (engine === "citus") {
    if (!citusUrl) throw new Error("The citus engine needs TEST_CITUS_URL (a coordinator's URL).");
    const url = await createCitusTestDatabase(citusUrl, name, async (fresh) => {
      const template = await openDatabase({ url: fresh });
      await migrateDatabase(template).finally(() => template.close());
    });
    return openMigrated(url, () => dropCitusDatabase(citusUrl, name));
  }
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openMigrated(url.toString(), () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`));
}

/** Opens a test database (migrating it unless it is a copy of a migrated template); closing it drops it. */
export async function openMigrated(url: string, drop: () => Promise<void>, options: { migrate?: boolean } = {}): Promise<DbHandle> {
  const handle = await openDatabase({ url });
  if (options.migrate ?? true) await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

export async function adminQuery(url: string, query: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(query);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export function describeOnEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(`${title} [${engine}]`, () => body(engine));
}
