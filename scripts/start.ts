import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { DatabaseUnavailableError, openDatabase, type DbHandle } from "@/lib/db/client";
import { env, EnvError, type Env } from "@/lib/env";
import { buildIfNeeded } from "./lib/build";
import { prepareDatabase, type PreparedDatabase } from "./lib/prepare-database";
import { releaseLock, runningPid, takeLock } from "./lib/server-lock";

const dev = process.argv.includes("--dev");
const DEMO_EMAILS = ["admin", "finance", "infra", "viewer"].map((r) => `${r}@headroom.local`);

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

async function build(): Promise<void> {
  if (dev) return;
  try {
    await buildIfNeeded();
  } catch (error) {
    fail((error as Error).message);
  }
}

function printBanner(e: Env, db: PreparedDatabase) {
  const url = `http://localhost:${e.port}`;
  const lines = [
    `Headroom is running at ${url}`,
    `Database: ${db.kind === "pglite" ? `embedded PGlite in ${e.dataDir}` : "Postgres server (DATABASE_URL)"}`,
  ];
  if (db.seeded) {
    lines.push(`Demo data loaded in ${db.seconds.toFixed(1)} s. Demo logins (password shown once, keep it):`);
    for (const email of DEMO_EMAILS) lines.push(`  ${email}`);
    lines.push(`  password: ${db.demoPassword}`);
  } else {
    lines.push(`Demo logins: ${DEMO_EMAILS.join(", ")} (password from HEADROOM_DEMO_PASSWORD or printed at first start)`);
  }
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  console.log(`\n┌${"─".repeat(width)}┐`);
  for (const l of lines) console.log(`│ ${l.padEnd(width - 1)}│`);
  console.log(`└${"─".repeat(width)}┘\n`);
}

async function waitUntilServing(port: number, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/signin`, { redirect: "manual" });
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main() {
  let e: Env;
  try {
    e = env();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  if (!e.databaseUrl) {
    mkdirSync(e.dataDir, { recursive: true });
    const pid = runningPid(e.dataDir);
    if (pid) fail(`Headroom is already running on this data folder (process ${pid}); stop it first.`);
  }
  let handle: DbHandle;
  try {
    handle = await openDatabase({ url: e.databaseUrl, dataDir: e.dataDir });
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) fail(error.message);
    throw error;
  }
  const [, db] = await Promise.all([build(), prepareDatabase(handle, e)]);
  if (!e.databaseUrl) takeLock(e.dataDir);
  const authEnv: Record<string, string> = e.authUrl ? {} : { AUTH_TRUST_HOST: "true" };
  // Production: Next.js behind the rendered-page cache (scripts/server.ts); development: `next dev` as it comes.
  const command = dev ? ["next", "dev", "-p", String(e.port)] : ["tsx", "scripts/server.ts"];
  const server = run("npx", command, {
    ...authEnv,
    ...(dev ? {} : { NODE_ENV: "production", PORT: String(e.port) }),
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (await waitUntilServing(e.port, server)) printBanner(e, db);
  const code = await exited(server);
  if (!e.databaseUrl) releaseLock(e.dataDir);
  process.exit(code);
}

void main();
