import { randomBytes } from "node:crypto";
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
  const handle = await openTestDatabase(engine);
  if (options.versionTriggers ?? true) await installTestVersioning(engine, handle);
  return handle;
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

async function openTestDatabase(engine: Engine): Promise<DbHandle> {
  if (engine === "pglite") {
    const handle = await openDatabase({});
    await migrateDatabase(handle);
    return handle;
  }
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
