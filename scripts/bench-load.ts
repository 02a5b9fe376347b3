import { parseArgs } from "node:util";
import autocannon, { type Client, type Result } from "autocannon";
import { freshDemoDatabase, ensureBenchData, type BenchData } from "./lib/bench-pages-data";
import { checkWrite } from "./lib/bench-load-write";
import { fetchPage, signIn, startServer, stopServer, waitUntilServing } from "./lib/bench-server";
import { printMarkdownTable } from "./lib/bench-table";

// Issue 18 §5, the measuring half: N concurrent signed-in users on the Overview, /capacity and /costs. Starts the
// production server (scripts/start.ts, on 127.0.0.1 only) on a database of the Postgres server — by default a fresh
// `headroom_bench_load` with the demo data (--demo), or with --database the large data set of `npm run bench:pages` —
// drives each page with autocannon for --duration seconds at each connection count, and prints requests/s,
// p50/p95/p99 latency of every answer, non-2xx answers and socket errors (timeouts included) apart, then per page
// whether the goal holds at the highest connection count: 0 errors and p95 ≤ 500 ms. Then (unless
// --skip-write-check) it changes a number the Overview shows through the reservations service and checks the next
// request shows it: the page cache must not serve a figure from before the write.

const { values } = parseArgs({
  options: {
    demo: { type: "boolean", default: false },
    database: { type: "string" },
    rebuild: { type: "boolean", default: false },
    duration: { type: "string", default: "120" },
    connections: { type: "string", default: "50,100" },
    pages: { type: "string", default: "/,/capacity,/costs" },
    sessions: { type: "string", default: "10" },
    timeout: { type: "string", default: "30" },
    port: { type: "string", default: "3400" },
    "skip-write-check": { type: "boolean", default: false },
  },
});

const GOAL_P95_MS = 500;
const DEMO_DATABASE = "headroom_bench_load";
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const demoPassword = process.env.HEADROOM_DEMO_PASSWORD ?? "bench-pages-password";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function positive(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} takes a whole number above 0, not "${raw}".`);
  return n;
}

const duration = positive("duration", values.duration);
const connections = values.connections.split(",").map((c) => positive("connections", c.trim()));
const pages = values.pages.split(",").map((p) => p.trim());
const sessions = positive("sessions", values.sessions);
const timeout = positive("timeout", values.timeout);
const port = positive("port", values.port);
if (values.demo && values.database) fail("Give --demo or --database, not both.");
if (pages.some((p) => !p.startsWith("/"))) fail("--pages takes paths such as /,/capacity,/costs.");

type Run = {
  page: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
};

/** Nearest-rank percentile of sorted latencies (ms). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// The signed-in sessions are dealt round-robin to the connections; every answer's latency is kept (autocannon's own
// histogram has no p95 and leaves out non-2xx answers).
function load(base: string, page: string, cookies: readonly string[], n: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: `${base}${page}`,
        connections: n,
        duration,
        timeout,
        setupClient: (client: Client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
      },
      (error: Error | null, result: Result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          page,
          connections: n,
          requests: latencies.length,
          perSecond: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          non2xx: result.non2xx,
          socketErrors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms) => {
      latencies.push(ms);
    });
  });
}

const errorsOf = (r: Run) => r.non2xx + r.socketErrors;
const meetsGoal = (r: Run) => errorsOf(r) === 0 && r.p95 <= GOAL_P95_MS;

function printTable(runs: Run[]) {
  const rows = [
    ["Page", "Connections", "Requests", "Requests/s", "p50 (ms)", "p95 (ms)", "p99 (ms)", "Non-2xx", "Socket errors (timeouts)"],
    ...runs.map((r) => [
      r.page,
      String(r.connections),
      String(r.requests),
      r.perSecond.toFixed(1),
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      r.p99.toFixed(0),
      String(r.non2xx),
      `${r.socketErrors} (${r.timeouts})`,
    ]),
  ];
  printMarkdownTable(rows);
}

function printGoal(runs: Run[]) {
  const top = Math.max(...connections);
  console.log(`\nGoal at ${top} connections (0 errors, p95 ≤ ${GOAL_P95_MS} ms):`);
  for (const r of runs.filter((x) => x.connections === top)) {
    const why = [errorsOf(r) > 0 ? `${errorsOf(r)} errors` : "", r.p95 > GOAL_P95_MS ? `p95 ${r.p95.toFixed(0)} ms` : ""].filter(Boolean);
    console.log(`  ${r.page.padEnd(12)} ${meetsGoal(r) ? "met" : `not met (${why.join(", ")})`}`);
  }
}

async function prepare(): Promise<BenchData> {
  if (values.database) return ensureBenchData({ serverUrl, database: values.database, rebuild: values.rebuild, demoPassword });
  return freshDemoDatabase({ serverUrl, database: DEMO_DATABASE, demoPassword });
}

async function main() {
  const data = await prepare();
  const server = startServer(data.url, port);
  const stop = () => stopServer(server);
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    console.error(`Starting the production server on ${base} (builds first if the sources changed) …`);
    await waitUntilServing(base, server);
    const cookies: string[] = [];
    for (let i = 0; i < sessions; i++) cookies.push(await signIn(base, demoPassword));
    // Each page answers once before its load (a signed-in 200 with a body), and once between runs so the previous
    // run's abandoned requests have drained before the next starts.
    for (const page of pages) await fetchPage(base, page, cookies[0]!);
    const runs: Run[] = [];
    for (const page of pages) {
      for (const n of connections) {
        process.stderr.write(`  ${page} at ${n} connections for ${duration} s …`);
        const run = await load(base, page, cookies, n);
        process.stderr.write(` ${run.perSecond.toFixed(1)} req/s, p95 ${run.p95.toFixed(0)} ms, ${errorsOf(run)} errors\n`);
        runs.push(run);
        await fetchPage(base, page, cookies[0]!);
      }
    }
    console.log(
      `\n${duration} s per run, ${sessions} signed-in sessions, loopback, Postgres database ${new URL(data.url).pathname.slice(1)} ` +
        `(${data.counts.reservations!.toLocaleString("en-US")} blocks, ${data.counts.costLineItems!.toLocaleString("en-US")} billing rows); ` +
        `latency of every answer, timeout ${timeout} s.\n`,
    );
    printTable(runs);
    printGoal(runs);
    if (!values["skip-write-check"]) {
      const check = await checkWrite(data.url, () => fetchPage(base, "/", cookies[0]!));
      console.log(`\nA write is visible on the next request: ${check.ok ? "yes" : "NO"} — ${check.detail}`);
      if (!check.ok) process.exitCode = 1;
    }
    if (runs.some((r) => r.connections === Math.max(...connections) && !meetsGoal(r))) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error: Error) => fail(error.message));
