import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropCitusDatabase } from "./citus";
import { adminQuery, citusUrl, ENGINES, serverUrl } from "./databases";

/**
 * The integration project's global setup: names this run (the demo templates of lib/testing/demo-database.ts carry
 * the name) and drops the run's templates when it ends.
 */
export default function setup(project: TestProject) {
  const run = `${Date.now()}_${process.pid}`;
  project.provide("testRunId", run);
  return async () => {
    const names = demoTemplateNames(run);
    if (ENGINES.includes("pglite")) rmSync(names.pglite, { force: true });
    if (ENGINES.includes("postgres")) {
      await adminQuery(serverUrl, `alter database ${names.postgres} with is_template false`).catch(() => {});
      await adminQuery(serverUrl, `drop database if exists ${names.postgres} with (force)`);
    }
    if (ENGINES.includes("citus") && citusUrl) await dropCitusDatabase(citusUrl, names.citus);
  };
}

/** The demo templates of a run, per engine: databases on the servers, a dump file for PGlite. */
export function demoTemplateNames(run: string) {
  return {
    postgres: `headroom_demo_${run}`,
    citus: `headroom_citus_demo_${run}`,
    pglite: path.join(tmpdir(), `headroom-demo-${run}.tar`),
  };
}
