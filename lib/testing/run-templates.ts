import { randomBytes } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The databases a test run builds once and copies for every suite, named by the run's id (lib/testing/global-setup.ts
// provides it; the run drops them when it ends): the migrated schema with and without the test version triggers, and
// the seeded demo. Databases on the servers, data-directory dumps (tar files in the temporary directory) for PGlite.

export type Versioning = "versioned" | "plain";

export function schemaTemplateNames(run: string) {
  return {
    postgres: (v: Versioning) => `headroom_schema_${v}_${run}`,
    pglite: (v: Versioning) => path.join(tmpdir(), `headroom-schema-${v}-${run}.tar`),
  };
}

export function demoTemplateNames(run: string) {
  return {
    postgres: `headroom_demo_${run}`,
    citus: `headroom_citus_demo_${run}`,
    pglite: path.join(tmpdir(), `headroom-demo-${run}.tar`),
  };
}

/** Every template of a run, for the run's teardown. */
export function runTemplates(run: string): { postgres: string[]; pglite: string[]; citus: string[] } {
  const schema = schemaTemplateNames(run);
  const demo = demoTemplateNames(run);
  const both: Versioning[] = ["versioned", "plain"];
  return {
    postgres: [...both.map(schema.postgres), demo.postgres],
    pglite: [...both.map(schema.pglite), demo.pglite],
    citus: [demo.citus],
  };
}

/** Writes a file aside and renames it into place: a test worker reading it never sees half a file. */
export function writeFileAtomically(file: string, data: Buffer): void {
  const partial = `${file}.${randomBytes(4).toString("hex")}`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
