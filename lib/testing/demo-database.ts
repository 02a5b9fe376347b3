import { existsSync, readFileSync } from "node:fs";
import { inject } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo";
import { createCitusTestDatabase, dropCitusDatabase, type CitusTemplate } from "./citus";
import {
  copyServerTemplate,
  citusUrl,
  createTestDatabase,
  dumpPglite,
  installTestVersioning,
  openMigrated,
  prepareTestDatabase,
  testDatabaseName,
  type Engine,
} from "./databases";
import { demoTemplateNames, writeFileAtomically } from "./run-templates";

// The demo, seeded as of one instant, is what a dozen suites read. Seeding it takes 10–25 s per engine, so each run
// seeds it once per engine into a template and every suite gets a copy: Postgres and Citus by CREATE DATABASE …
// TEMPLATE (on every node of the cluster), PGlite by loading a dump of the seeded data directory (a tar file in the
// temporary directory, shared by the test workers). The run's id (lib/testing/global-setup.ts) names the templates,
// and the run drops them when it ends. The copies hold the test databases' version triggers, like any test database.

export const DEMO_AS_OF = new Date("2026-11-17T09:30:00Z");
export const DEMO_PASSWORD = "demo password 1";

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
  writeFileAtomically(file, Buffer.from(await (await dumpPglite(handle)).arrayBuffer()));
  return handle;
}

function postgresCopy(run: string): Promise<DbHandle> {
  return copyServerTemplate(demoTemplateNames(run).postgres, DEMO_LOCK, async (handle) => {
    await installTestVersioning("postgres", handle);
    await seedDemo(handle.db, { demoPassword: DEMO_PASSWORD, asOf: DEMO_AS_OF });
  });
}

async function citusCopy(run: string): Promise<DbHandle> {
  const coordinator = citusUrl;
  if (!coordinator) throw new Error("The citus engine needs TEST_CITUS_URL (a coordinator's URL).");
  const template: CitusTemplate = { name: () => demoTemplateNames(run).citus, stale: demoTemplateNames(run).citus, lock: DEMO_LOCK };
  const name = testDatabaseName();
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
