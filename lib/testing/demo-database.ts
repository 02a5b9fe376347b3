import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo";
import { createCitusTestDatabase, dropCitusDatabase, type CitusTemplate } from "./citus";
import { demoTemplateNames } from "./global-setup";
import {
  adminQuery,
  citusUrl,
  createTestDatabase,
  dumpPglite,
  openMigrated,
  prepareTestDatabase,
  serverUrl,
  type Engine,
} from "./databases";

// The demo, seeded as of one instant, is what a dozen suites read. Seeding it takes 10–25 s per engine, so each run
// seeds it once per engine into a template and every suite gets a copy: Postgres and Citus by CREATE DATABASE …
// TEMPLATE (on every node of the cluster), PGlite by loading a dump of the seeded data directory (a tar file in the
// temporary directory, shared by the test workers). The run's id (lib/testing/global-setup.ts) names the templates,
// and the run drops them when it ends. The copies hold the test databases' version triggers, like any test database.

export const DEMO_AS_OF = new Date("2026-11-17T09:30:00Z");
export const DEMO_PASSWORD = "demo password 1";

declare module "vitest" {
  interface ProvidedContext {
    testRunId: string;
  }
}

const DEMO_LOCK = 0x44454d4f; // "DEMO"

/** A fresh database of the engine holding the demo seeded as of DEMO_AS_OF (demo users' password DEMO_PASSWORD). */
export async function createDemoTestDatabase(engine: Engine): Promise<DbHandle> {
  const run = inject("testRunId");
  if (engine === "pglite") return pgliteCopy(run);
  if (engine === "postgres") return postgresCopy(run);
  return citusCopy(run);
}

async function seeded(handle: DbHandle): Promise<DbHandle> {
  try {
    await seedDemo(handle.db, { demoPassword: DEMO_PASSWORD, asOf: DEMO_AS_OF });
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The first suite of a worker that finds no dump seeds its own database and leaves a dump for the others. */
async function pgliteCopy(run: string): Promise<DbHandle> {
  const file = demoTemplateNames(run).pglite;
  if (existsSync(file)) return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
  const handle = await seeded(await createTestDatabase("pglite"));
  const dump = Buffer.from(await (await dumpPglite(handle)).arrayBuffer());
  // Written aside and renamed: another worker never reads half a file.
  const partial = `${file}.${randomBytes(4).toString("hex")}`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  return handle;
}

async function postgresCopy(run: string): Promise<DbHandle> {
  const template = demoTemplateNames(run).postgres;
  const lock = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await lock`select pg_advisory_lock(${DEMO_LOCK})`;
    const [ready] = await lock`select 1 from pg_database where datname = ${template} and datistemplate`;
    if (!ready) {
      await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
      await adminQuery(serverUrl, `create database ${template}`);
      const handle = await seeded(await prepareTestDatabase("postgres", urlOn(serverUrl, template)));
      await handle.close();
      await adminQuery(serverUrl, `alter database ${template} with is_template true`);
    }
  } finally {
    await lock.end({ timeout: 5 });
  }
  const name = `headroom_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name} template ${template}`);
  return openMigrated(urlOn(serverUrl, name), () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`), {
    migrate: false,
  });
}

async function citusCopy(run: string): Promise<DbHandle> {
  const coordinator = citusUrl;
  if (!coordinator) throw new Error("The citus engine needs TEST_CITUS_URL (a coordinator's URL).");
  const template: CitusTemplate = { name: () => demoTemplateNames(run).citus, stale: demoTemplateNames(run).citus, lock: DEMO_LOCK };
  const name = `headroom_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const url = await createCitusTestDatabase(
    coordinator,
    name,
    async (fresh) => {
      const handle = await seeded(await prepareTestDatabase("citus", fresh));
      await handle.close();
    },
    template,
  );
  return openMigrated(url, () => dropCitusDatabase(coordinator, name), { migrate: false });
}

function urlOn(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}
