import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { dropCitusDatabase } from "./citus";
import { adminQuery, citusUrl, ENGINES, serverUrl } from "./databases";
import { runTemplates } from "./run-templates";

/**
 * The integration project's global setup: names this run (the templates of lib/testing/run-templates.ts carry the
 * name) and drops the run's templates when it ends.
 */
export default function setup(project: TestProject) {
  const run = `${Date.now()}_${process.pid}`;
  project.provide("testRunId", run);
  return async () => {
    const templates = runTemplates(run);
    if (ENGINES.includes("pglite")) for (const file of templates.pglite) rmSync(file, { force: true });
    // The Citus run uses the server too (the suites that open a plain server on purpose), so its templates go as well.
    if (ENGINES.includes("postgres") || ENGINES.includes("citus")) {
      for (const name of templates.postgres) {
        await adminQuery(serverUrl, `alter database ${name} with is_template false`).catch(() => {});
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      }
    }
    if (ENGINES.includes("citus") && citusUrl) for (const name of templates.citus) await dropCitusDatabase(citusUrl, name);
  };
}
