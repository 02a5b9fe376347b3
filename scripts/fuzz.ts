import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import postgres from "postgres";
import { generateApiKey } from "@/lib/auth/api-keys";
import { fuzzFiles, type FuzzFile } from "./lib/fuzz-files";

// npm run fuzz: random FOCUS and utilization files (scripts/lib/fuzz-files.ts) through the HTTP doors of a
// running server on a Postgres database of its own. Each must answer within a time proportional to its size,
// with 200 or 4xx (never 5xx, never a hang), load all of its rows or none, leave no connection busy, and the
// server's memory must come back near where it started. Seeded (FUZZ_SEED), bounded (FUZZ_BUDGET_SECONDS,
// FUZZ_RUNS); the first failure stops the run with the file that caused it.

const BUDGET_S = Number(process.env.FUZZ_BUDGET_SECONDS ?? 180);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 16);
const PORT = Number(process.env.FUZZ_PORT ?? 3296);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Time allowed for one file: a fixed part plus a part per megabyte sent (gzip bombs are bounded by the record limit). */
const ANSWER_S = (bytes: number) => 30 + 20 * (bytes / 2 ** 20);
/** RSS may end this far above its baseline (the V8 heap does not shrink to where it was). */
const RSS_SLACK = 300 * 2 ** 20;

const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = "/headroom_fuzz";
  return u.toString();
})();
const base = `http://127.0.0.1:${PORT}`;

function fail(message: string): never {
  console.error(`\n✖ fuzz: ${message}\n`);
  process.exitCode = 1;
  throw new Error(message);
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe("drop database if exists headroom_fuzz with (force)");
  await admin.unsafe("create database headroom_fuzz");
  await admin.end();
  const server = spawn("npx", ["tsx", "scripts/start.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      HEADROOM_DATA_DIR: dataDir,
      PORT: String(PORT),
      AUTH_SECRET: "fuzz-secret-fuzz-secret-fuzz-secret-fuzz",
      HEADROOM_DEMO_PASSWORD: "fuzz-password",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  server.stdout.on("data", () => {}); // the banner is not needed
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) fail(`the server stopped while starting (exit ${server.exitCode})`);
    try {
      const res = await fetch(`${base}/signin`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail("the server did not start within 5 minutes");
}

/** Resident memory of a process and all its descendants (start.ts → npx → next). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const walk = (pid: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      return;
    }
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return total;
}

type Counts = { lineItems: number; hours: number; usedAh: string };

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "headroom-fuzz-"));
  const started = Date.now();
  const server = await startServer(dataDir);
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  const stop = async () => {
    await sql.end({ timeout: 5 }).catch(() => {});
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    console.log(`fuzz: server up in ${((Date.now() - started) / 1000).toFixed(0)} s on ${base}; seed ${SEED}, budget ${BUDGET_S} s`);
    const { key, prefix, keyHash } = generateApiKey();
    await sql`insert into api_keys (name, prefix, key_hash, role) values ('fuzz', ${prefix}, ${keyHash}, 'admin')`;
    const reservations = (
      await sql<{ name: string }[]>`select name from reservations where archived_at is null order by name limit 20`
    ).map((r) => r.name);
    if (reservations.length === 0) fail("the demo data has no reservations");
    const rssBaseline = treeRss(server.pid!);
    const stats = { tried: 0, byStatus: new Map<number, number>(), slowestPerMb: 0, slowestLabel: "", bytes: 0 };

    const counts = async (): Promise<Counts> => {
      const [c] = await sql<{ items: number; hours: number; used: string }[]>`
        select (select count(*)::int from cost_line_items) as items, (select count(*)::int from utilization_hourly) as hours,
               (select coalesce(sum(used_ah), 0)::text from utilization_hourly) as used`;
      return { lineItems: c!.items, hours: c!.hours, usedAh: c!.used };
    };
    const busyConnections = () =>
      sql<{ state: string; query: string }[]>`
        select state, left(query, 80) as query from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
          and state <> 'idle'`;

    const check = async (file: FuzzFile) => {
      const before = await counts();
      const limit = ANSWER_S(file.body.length);
      const url = file.door === "focus" ? `${base}/api/v1/imports/focus?name=fuzz.csv` : `${base}/api/v1/utilization?name=fuzz.csv`;
      const t0 = performance.now();
      let status: number;
      let answer: Record<string, unknown>;
      const send = () =>
        fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": file.type },
          body: new Uint8Array(file.body),
          signal: AbortSignal.timeout(Math.round(limit * 1000)),
        });
      try {
        // A keep-alive socket the server closed after refusing the previous body early fails at once
        // ("fetch failed", before any answer): that one is sent again, on a new socket.
        const res = await send().catch((error: Error) => (error.message === "fetch failed" ? send() : Promise.reject(error)));
        status = res.status;
        answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      } catch (error) {
        return fail(`${file.label} (${file.body.length} bytes): no answer within ${limit.toFixed(0)} s (${(error as Error).message})`);
      }
      const seconds = (performance.now() - t0) / 1000;
      stats.tried++;
      stats.bytes += file.body.length;
      stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
      const perMb = seconds / Math.max(file.body.length / 2 ** 20, 1 / 16);
      if (perMb > stats.slowestPerMb) Object.assign(stats, { slowestPerMb: perMb, slowestLabel: file.label });
      if (status >= 500 || status < 200 || (status > 200 && status < 400)) {
        fail(`${file.label}: HTTP ${status} ${JSON.stringify(answer).slice(0, 300)}`);
      }
      const after = await counts();
      const loaded = status === 200 && answer.status === "succeeded";
      if (!loaded) {
        if (JSON.stringify(after) !== JSON.stringify(before))
          fail(`${file.label}: refused (${status}) but the data changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      } else if (file.door === "focus") {
        const [n] = await sql<{ n: number }[]>`select count(*)::int as n from cost_line_items where import_id = ${Number(answer.importId)}`;
        if (n!.n !== answer.rows) fail(`${file.label}: ${String(answer.rows)} rows reported, ${n!.n} loaded`);
      } else {
        const hours = (answer.summary as { hours?: number } | null)?.hours ?? -1;
        if (after.hours - before.hours > hours || hours !== answer.rows)
          fail(`${file.label}: ${String(answer.rows)} rows read, ${hours} hours written, ${after.hours - before.hours} new`);
      }
      let busy = await busyConnections();
      for (let i = 0; i < 50 && busy.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        busy = await busyConnections();
      }
      if (busy.length > 0) fail(`${file.label}: connections still busy after the answer: ${JSON.stringify(busy)}`);
    };

    let failure: string | undefined;
    // The time limit ends fc.check without waiting for the file in flight; it is awaited below, so the server
    // is never stopped under a request (and that file's outcome still counts).
    let inFlight: Promise<void> = Promise.resolve();
    const details = await fc.check(
      fc.asyncProperty(fuzzFiles(reservations), async (file) => {
        inFlight = check(file).catch((error: unknown) => {
          failure ??= (error as Error).message;
          throw error;
        });
        await inFlight;
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: BUDGET_S * 1000, markInterruptAsFailure: false, endOnFailure: true },
    );
    await inFlight.catch(() => {});
    if (details.failed || failure) fail(`${failure ?? String(details.errorInstance)} (seed ${SEED}, after ${details.numRuns} files)`);

    let rss = treeRss(server.pid!);
    for (let i = 0; i < 60 && rss > rssBaseline + RSS_SLACK; i++) {
      await new Promise((r) => setTimeout(r, 500));
      rss = treeRss(server.pid!);
    }
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    const statuses = [...stats.byStatus]
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(", ");
    console.log(`fuzz: ${stats.tried} files tried (${mb(stats.bytes)} sent): ${statuses}`);
    console.log(`fuzz: slowest ${stats.slowestPerMb.toFixed(2)} s per MB (${stats.slowestLabel})`);
    console.log(`fuzz: server RSS ${mb(rssBaseline)} at start, ${mb(rss)} at the end`);
    if (stats.tried === 0) fail("no file was tried");
    if (rss > rssBaseline + RSS_SLACK) fail(`the server's memory did not come back: ${mb(rssBaseline)} → ${mb(rss)}`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  if (!process.exitCode) console.error(error);
  process.exitCode = 1;
});
