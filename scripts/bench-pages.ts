import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { BENCH_PAGES, loadBenchIds, sessionQuery, type BenchPage } from "./lib/bench-pages-list";
import { ensureBenchData } from "./lib/bench-pages-data";
import { fetchPage, signIn, startServer, stopServer, waitUntilServing } from "./lib/bench-server";
import { printMarkdownTable } from "./lib/bench-table";

// PRODUCT.md §8 speed bar: builds the large data set on the Postgres server (scripts/lib/bench-pages-data.ts),
// starts the production server on it, signs in, and prints per page the median server render time over N
// requests (until the whole body is read) beside the median time of the page's bare SQL issued directly with
// postgres.js (scripts/lib/bench-pages-list.ts), and whether the page meets the targets: median < 300 ms and
// ≤ 3× its bare SQL. Run it from a clean clone when someone else builds .next in the working copy.

const { values } = parseArgs({
  options: {
    rebuild: { type: "boolean", default: false },
    requests: { type: "string", default: "20" },
    port: { type: "string", default: "3400" },
    database: { type: "string", default: "headroom_bench_pages" },
    pages: { type: "string" },
    "base-url": { type: "string" },
    "data-only": { type: "boolean", default: false },
    json: { type: "string" },
  },
});

const TARGET_MS = 300;
const TARGET_RATIO = 3;
const WARMUP = 2;
const SLOW_MS = 3_000;
const SLOW_REQUESTS = 5;
const requests = Number(values.requests);
const port = Number(values.port);
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const demoPassword = process.env.HEADROOM_DEMO_PASSWORD ?? "bench-pages-password";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function render(base: string, path: string, cookie: string): Promise<number> {
  const t = performance.now();
  await fetchPage(base, path, cookie);
  return performance.now() - t;
}

// The page's queries run the way the page runs them: the session's user row first, then the page's own reads
// concurrently on a pool (the app's is 10 connections).
async function bareSql(sql: postgres.Sql, session: string, queries: readonly string[]): Promise<number> {
  const t = performance.now();
  await sql.unsafe(session, [], { prepare: true });
  await Promise.all(queries.map((q) => sql.unsafe(q, [], { prepare: true })));
  return performance.now() - t;
}

type Result = {
  page: string;
  path: string;
  requests: number;
  renderMs: number;
  sqlMs: number;
  ratio: number;
  ok: boolean;
  statements: number;
};

async function measure(
  base: string,
  cookie: string,
  sql: postgres.Sql,
  page: BenchPage,
  path: string,
  session: string,
  queries: string[],
): Promise<Result> {
  let slowest = 0;
  for (let i = 0; i < WARMUP; i++) {
    slowest = Math.max(slowest, await render(base, path, cookie));
    await bareSql(sql, session, queries);
  }
  // A page that takes seconds gets SLOW_REQUESTS requests: its median is clear and the run stays short.
  const n = slowest > SLOW_MS ? Math.min(requests, SLOW_REQUESTS) : requests;
  const renders: number[] = [];
  const sqls: number[] = [];
  for (let i = 0; i < n; i++) {
    renders.push(await render(base, path, cookie));
    sqls.push(await bareSql(sql, session, queries));
  }
  const renderMs = median(renders);
  const sqlMs = median(sqls);
  const ratio = renderMs / sqlMs;
  return {
    page: page.name,
    path,
    requests: n,
    renderMs,
    sqlMs,
    ratio,
    ok: renderMs < TARGET_MS && ratio <= TARGET_RATIO,
    statements: queries.length + 1,
  };
}

function printTable(results: Result[]) {
  const rows = [
    ["Page", "Requests", "Median render (ms)", "Bare SQL (ms)", "Render − SQL (ms)", "Ratio", `< ${TARGET_MS} ms and ≤ ${TARGET_RATIO}×`],
    ...results.map((r) => [
      r.page,
      String(r.requests),
      r.renderMs.toFixed(0),
      r.sqlMs.toFixed(1),
      (r.renderMs - r.sqlMs).toFixed(0),
      `${r.ratio.toFixed(1)}×`,
      r.ok ? "yes" : `no${r.renderMs >= TARGET_MS ? " (slow)" : ""}${r.ratio > TARGET_RATIO ? " (ratio)" : ""}`,
    ]),
  ];
  printMarkdownTable(rows);
}

async function main() {
  const data = await ensureBenchData({ serverUrl, database: values.database, rebuild: values.rebuild, demoPassword });
  console.error(
    `Data set: ${Object.entries(data.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
      .join(", ")}`,
  );
  if (values["data-only"]) return;

  const only = values.pages?.split(",").map((p) => p.trim());
  const pages = only ? BENCH_PAGES.filter((p) => only.includes(p.name)) : BENCH_PAGES;
  const sql = postgres(data.url, { max: 10, onnotice: () => {} });
  const server = values["base-url"] ? null : startServer(data.url, port);
  const stop = () => server && stopServer(server);
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const base = values["base-url"] ?? `http://127.0.0.1:${port}`;
    console.error(
      server ? `Starting the production server on ${base} (builds first if the sources changed) …` : `Using the server at ${base}.`,
    );
    await waitUntilServing(base, server);
    const cookie = await signIn(base, demoPassword);
    const ids = await loadBenchIds(sql);
    const results: Result[] = [];
    const failed: string[] = [];
    for (const page of pages) {
      process.stderr.write(`  ${page.name} …`);
      try {
        const result = await measure(base, cookie, sql, page, page.path(ids), sessionQuery(ids), page.queries(ids));
        process.stderr.write(` ${result.renderMs.toFixed(0)} ms (SQL ${result.sqlMs.toFixed(1)} ms)\n`);
        results.push(result);
      } catch (error) {
        process.stderr.write(` failed: ${(error as Error).message}\n`);
        failed.push(page.name);
      }
    }
    console.log(
      `\nMedian of ${requests} requests per page (${SLOW_REQUESTS} when a warm-up took over ${SLOW_MS / 1000} s), after ${WARMUP} warm-up requests, Postgres, ${data.counts.reservations!.toLocaleString("en-US")} blocks, ` +
        `${data.counts.utilizationHourly!.toLocaleString("en-US")} hourly utilization rows, ${data.counts.costLineItems!.toLocaleString("en-US")} billing rows.\n`,
    );
    printTable(results);
    if (values.json) writeFileSync(values.json, JSON.stringify({ counts: data.counts, requests, results }, null, 2));
    if (failed.length > 0) console.log(`\nNot measured (see above): ${failed.join(", ")}`);
    if (failed.length > 0 || results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    stop();
    await sql.end();
  }
}

main().catch((error: Error) => {
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
});
