import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, inject } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { createCitusTestDatabase, dropCitusDatabase } from "./citus";
import { installCitusDataVersion } from "./citus-data-version";
import { schemaTemplateNames, writeFileAtomically, type Versioning } from "./run-templates";
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

declare module "vitest" {
  interface ProvidedContext {
    testRunId: string;
  }
}

const SCHEMA_LOCK = 0x53434845; // "SCHE"

/**
 * A fresh migrated database of the engine, dropped when closed. `versionTriggers: false` leaves data_version to the
 * app's own bumps (lib/testing/version-triggers.ts). On PGlite and the Postgres server it is a copy of the run's
 * migrated template (lib/testing/run-templates.ts), built once per run by the first suite that needs it: a PGlite
 * database loaded from a dump skips initdb and the migrations (~10 s per suite under load), a server database made
 * by CREATE DATABASE … TEMPLATE skips the migrations.
 */
export async function createTestDatabase(engine: Engine, options: { versionTriggers?: boolean } = {}): Promise<DbHandle> {
  const versioning: Versioning = (options.versionTriggers ?? true) ? "versioned" : "plain";
  if (engine === "pglite") return openDatabase({ loadDataDir: await pgliteTemplate(versioning) });
  if (engine === "postgres") {
    const template = schemaTemplateNames(inject("testRunId")).postgres(versioning);
    return copyServerTemplate(template, SCHEMA_LOCK, async (handle) => {
      if (versioning === "versioned") await installTestVersioning("postgres", handle);
    });
  }
  const handle = await openCitusTestDatabase();
  if (versioning === "versioned") await installTestVersioning(engine, handle);
  return handle;
}

/** A PGlite database's data directory as a tar (checkpointed first, so a load starts without replaying the WAL). */
export async function dumpPglite(handle: DbHandle): Promise<Blob> {
  await handle.db.execute(sql`checkpoint`);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  return client.dumpDataDir("none");
}

const pgliteTemplates = new Map<Versioning, Blob>();

/** The run's migrated PGlite template: this worker's copy, the dump another worker left, or built and left here. */
async function pgliteTemplate(versioning: Versioning): Promise<Blob> {
  const cached = pgliteTemplates.get(versioning);
  if (cached) return cached;
  const file = schemaTemplateNames(inject("testRunId")).pglite(versioning);
  let dump: Blob;
  if (existsSync(file)) dump = new Blob([readFileSync(file)]);
  else {
    const handle = await openDatabase({});
    try {
      await migrateDatabase(handle);
      if (versioning === "versioned") await installVersionTriggers(handle.db);
      dump = await dumpPglite(handle);
    } finally {
      await handle.close();
    }
    writeFileAtomically(file, Buffer.from(await dump.arrayBuffer()));
  }
  pgliteTemplates.set(versioning, dump);
  return dump;
}

/**
 * A copy of a template database on the Postgres server, made by CREATE DATABASE … TEMPLATE. The first caller of the
 * run builds the template (migrated, then `prepare`d) under an advisory lock the test workers share.
 */
export async function copyServerTemplate(
  template: string,
  lockKey: number,
  prepare: (handle: DbHandle) => Promise<void>,
): Promise<DbHandle> {
  const lock = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${lockKey})`;
    const [ready] = await lock`select 1 from pg_database where datname = ${template} and datistemplate`;
    if (!ready) {
      await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
      await adminQuery(serverUrl, `create database ${template}`);
      const handle = await openDatabase({ url: serverDatabaseUrl(template) });
      try {
        await migrateDatabase(handle);
        await prepare(handle);
      } finally {
        await handle.close();
      }
      await adminQuery(serverUrl, `alter database ${template} with is_template true`);
    }
  } finally {
    await lock.end({ timeout: 5 });
  }
  const name = testDatabaseName();
  await adminQuery(serverUrl, `create database ${name} template ${template}`);
  return openMigrated(serverDatabaseUrl(name), () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`), {
    migrate: false,
  });
}

/** A fresh name for a test database. */
export const testDatabaseName = () => `headroom_test_${Date.now()}_${randomBytes(4).toString("hex")}`;

/** The URL of another database on the Postgres server. */
export function serverDatabaseUrl(database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
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

export async function installTestVersioning(engine: Engine, handle: DbHandle): Promise<void> {
  if (engine === "citus") await installCitusDataVersion(handle.db);
  else await installVersionTriggers(handle.db);
}

/** A copy of the cluster's migrated, distributed template (lib/testing/citus.ts). */
async function openCitusTestDatabase(): Promise<DbHandle> {
  const name = testDatabaseName();
  if (!citusUrl) throw new Error("The citus engine needs TEST_CITUS_URL (a coordinator's URL).");
  const url = await createCitusTestDatabase(citusUrl, name, async (fresh) => {
    const template = await openDatabase({ url: fresh });
    await migrateDatabase(template).finally(() => template.close());
  });
  return openMigrated(url, () => dropCitusDatabase(citusUrl, name), { migrate: false });
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

/**
 * A suite about the Postgres server itself (its pool, its connections): it runs with the postgres engine and is left
 * out of a run on the other engines only (the Citus run of npm test, which follows the Postgres one).
 */
export function describeOnServer(title: string, body: () => void): void {
  describe.runIf(ENGINES.includes("postgres"))(title, body);
}

export function describeOnEachEngine(title: string, body: (engine: Engine) => void): void {
  for (const engine of ENGINES) describe(`${title} [${engine}]`, () => body(engine));
}
