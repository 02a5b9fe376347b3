import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { GENERATED_HEADER } from "@/lib/demo/generate-focus";
import { runFocusImport } from "@/lib/services/imports/focus";
import { systemCtx } from "@/lib/services/system-actor";

// Loads one generated FOCUS file through Headroom (runFocusImport) and through a raw COPY into a bare
// table with the file's columns, on a fresh database, and compares them: on the Postgres server (default),
// on the local Citus cluster (--citus: ../shared/citus/cluster.sh; the raw COPY goes into a distributed
// table of text columns), or on PGlite (--pglite: Headroom's time and peak RSS only, PGlite has no COPY
// from a client stream to compare with).

const { values } = parseArgs({
  options: {
    rows: { type: "string" },
    file: { type: "string" },
    citus: { type: "boolean" },
    pglite: { type: "boolean" },
    // Internal: create and migrate a PGlite folder in a process of its own, then exit.
    "prepare-pglite": { type: "string" },
  },
});
const rows = Number(values.rows ?? 1_000_000);
const engine = values.pglite ? "pglite" : values.citus ? "citus" : "server";
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const citusScript = path.resolve(process.cwd(), "../shared/citus/cluster.sh");
const file = values.file ?? path.join(tmpdir(), `headroom-bench-focus-${rows}.csv`);

/** A fresh database for the run: its URL (none for PGlite) and how to remove it. */
async function freshDatabase(): Promise<{ url?: string; dataDir?: string; drop: () => Promise<void> }> {
  const name = `headroom_bench_${Date.now()}`;
  if (engine === "pglite") {
    // Created and migrated by a child process: creating a PGlite database (initdb) peaks near 900 MB on its own,
    // which is PGlite's, not the import's; opening an existing one, as the app does, takes ≈ 360 MB.
    const dataDir = mkdtempSync(path.join(tmpdir(), "headroom-bench-pglite-"));
    execFileSync(process.execPath, ["--import", "tsx", "scripts/bench-ingest.ts", "--prepare-pglite", dataDir], { stdio: "inherit" });
    return { dataDir, drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
  }
  if (engine === "citus") {
    execFileSync("bash", [citusScript, "start"], { stdio: ["ignore", "ignore", "inherit"] });
    const url = execFileSync("bash", [citusScript, "createdb", name], { encoding: "utf8" }).trim().split("\n").at(-1)!;
    return { url, drop: () => Promise.resolve(void execFileSync("bash", [citusScript, "dropdb", name], { stdio: "ignore" })) };
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main() {
  if (!existsSync(file)) {
    console.error(`Generating ${rows.toLocaleString("en-US")} rows into ${file} …`);
    execFileSync(process.execPath, ["--import", "tsx", "scripts/gen.ts", "focus", "--rows", String(rows), "--out", file], {
      stdio: "inherit",
    });
  }
  const size = statSync(file).size;
  const target = await freshDatabase();
  const handle = await openDatabase({ url: target.url, dataDir: target.dataDir });
  try {
    await migrateDatabase(handle);
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    console.error(`Headroom import of ${file} (${mb(size)}) on ${engine} …`);
    // Each phase with the peak RSS so far (sampled every 100 ms).
    const phases: { phase: string; seconds: number; peakRssMB: number }[] = [];
    const t = performance.now();
    const cpu = process.cpuUsage();
    const result = await runFocusImport(
      {
        ctx: systemCtx(handle.db, "bench"),
        source: createReadStream(file, { highWaterMark: 1 << 18 }),
        fileName: path.basename(file),
        onProgress: (p) => process.stderr.write(`\r  ${Math.floor((p.bytes / size) * 100)}% · ${p.rows.toLocaleString("en-US")} rows`),
      },
      {
        fxRates: {},
        onPhase: (name, ms) =>
          phases.push({
            phase: name,
            seconds: +(ms / 1000).toFixed(1),
            peakRssMB: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024),
          }),
      },
    );
    const headroomSeconds = (performance.now() - t) / 1000;
    const cpuUsed = process.cpuUsage(cpu);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    process.stderr.write("\n");
    if (result.status !== "succeeded") throw new Error(`Headroom import ${result.status}: ${JSON.stringify(result.errors.slice(0, 3))}`);

    const rawCopy = target.url ? await rawCopyOf(target.url) : null;
    const report = {
      rows: result.rows,
      fileBytes: size,
      headroom: { seconds: +headroomSeconds.toFixed(1), rowsPerSecond: Math.round(result.rows / headroomSeconds) },
      engine,
      rawCopy: rawCopy && { seconds: +rawCopy.seconds.toFixed(1), rowsPerSecond: Math.round(rawCopy.rows / rawCopy.seconds) },
      ratio: rawCopy && +(headroomSeconds / rawCopy.seconds).toFixed(2),
      // The importer's process (all its threads), user + system, per row read.
      nodeCpuMicrosPerRow: +((cpuUsed.user + cpuUsed.system) / Math.max(1, result.rows)).toFixed(2),
      phases,
      baseRssMB: Math.round(baseRss / 1024 / 1024),
      peakRssMB: Math.round(peakRss / 1024 / 1024),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      totals: result.summary?.total,
    };
    console.log(JSON.stringify(report, null, 2));
    console.error(
      `Headroom on ${engine} ${report.headroom.rowsPerSecond.toLocaleString("en-US")} rows/s` +
        (report.rawCopy ? ` · raw COPY ${report.rawCopy.rowsPerSecond.toLocaleString("en-US")} rows/s · ratio ${report.ratio}×` : "") +
        ` · peak RSS ${report.peakRssMB} MB`,
    );
  } finally {
    await handle.close();
    await target.drop();
  }
}

/** The same file by a plain COPY into a table of text columns (distributed on Citus), and the rows it holds. */
async function rawCopyOf(url: string): Promise<{ seconds: number; rows: number }> {
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await raw.unsafe(`create table bench_raw (${GENERATED_HEADER.map((c) => `"${c}" text`).join(", ")})`);
    if (engine === "citus") await raw.unsafe(`select create_distributed_table('bench_raw', 'ResourceId')`);
    console.error(`Raw COPY of the same file${engine === "citus" ? " into a distributed table" : ""} …`);
    const t = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      await raw.unsafe(`copy bench_raw from stdin (format csv, header true)`).writable(),
    );
    const seconds = (performance.now() - t) / 1000;
    const [{ n }] = (await raw.unsafe(`select count(*)::int as n from bench_raw`)) as unknown as [{ n: number }];
    return { seconds, rows: n };
  } finally {
    await raw.end();
  }
}

async function preparePglite(dataDir: string): Promise<void> {
  const handle = await openDatabase({ dataDir });
  await migrateDatabase(handle);
  await handle.close();
}

(values["prepare-pglite"] ? preparePglite(values["prepare-pglite"]) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
