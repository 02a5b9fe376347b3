import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
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

// Loads one generated FOCUS file through Headroom (importFocus) and through a raw COPY into a bare
// table with the file's columns, on a fresh database of the Postgres server, and compares them.

const { values } = parseArgs({ options: { rows: { type: "string" }, file: { type: "string" } } });
const rows = Number(values.rows ?? 1_000_000);
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const file = values.file ?? path.join(tmpdir(), `headroom-bench-focus-${rows}.csv`);

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
  const name = `headroom_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  try {
    await migrateDatabase(handle);
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    console.error(`Headroom import of ${file} (${mb(size)}) …`);
    const phases: { phase: string; seconds: number }[] = [];
    let t = performance.now();
    const result = await runFocusImport(
      {
        ctx: systemCtx(handle.db, "bench"),
        source: createReadStream(file, { highWaterMark: 1 << 18 }),
        fileName: path.basename(file),
        onProgress: (p) => process.stderr.write(`\r  ${Math.floor((p.bytes / size) * 100)}% · ${p.rows.toLocaleString("en-US")} rows`),
      },
      { fxRates: {}, onPhase: (name, ms) => phases.push({ phase: name, seconds: +(ms / 1000).toFixed(1) }) },
    );
    const headroomSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    process.stderr.write("\n");
    if (result.status !== "succeeded") throw new Error(`Headroom import ${result.status}: ${JSON.stringify(result.errors.slice(0, 3))}`);

    const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await raw.unsafe(`create table bench_raw (${GENERATED_HEADER.map((c) => `"${c}" text`).join(", ")})`);
    console.error("Raw COPY of the same file …");
    t = performance.now();
    await pipeline(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      await raw.unsafe(`copy bench_raw from stdin (format csv, header true)`).writable(),
    );
    const rawSeconds = (performance.now() - t) / 1000;
    const [{ n }] = (await raw.unsafe(`select count(*)::int as n from bench_raw`)) as unknown as [{ n: number }];
    await raw.end();

    const report = {
      rows: result.rows,
      fileBytes: size,
      headroom: { seconds: +headroomSeconds.toFixed(1), rowsPerSecond: Math.round(result.rows / headroomSeconds) },
      rawCopy: { seconds: +rawSeconds.toFixed(1), rowsPerSecond: Math.round(n / rawSeconds) },
      ratio: +(headroomSeconds / rawSeconds).toFixed(2),
      phases,
      baseRssMB: Math.round(baseRss / 1024 / 1024),
      peakRssMB: Math.round(peakRss / 1024 / 1024),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      totals: result.summary?.total,
    };
    console.log(JSON.stringify(report, null, 2));
    console.error(
      `Headroom ${report.headroom.rowsPerSecond.toLocaleString("en-US")} rows/s · raw COPY ${report.rawCopy.rowsPerSecond.toLocaleString("en-US")} rows/s · ratio ${report.ratio}× · peak RSS ${report.peakRssMB} MB`,
    );
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
