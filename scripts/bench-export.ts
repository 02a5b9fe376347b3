import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { csvBytesResponse, csvResponse } from "@/lib/csv/response";
import { openDatabase } from "@/lib/db/client";
import { FOCUS_COST_FROM, FOCUS_COST_SELECT, focusCostCsv } from "@/lib/queries/costs/focus-csv";
import { RESERVATION_SCHEDULE_HEADER, reservationScheduleRows } from "@/lib/queries/reservations/schedule-csv";
import { parseReservationListParams } from "@/lib/queries/reservations";
import type { Ctx } from "@/lib/auth/context";

// PRODUCT.md issue 6 scale bar: on the large data set bench:pages builds (database headroom_bench_pages; build it with
// `npm run bench:pages -- --data-only`, this script never builds or changes it), exports the reservation schedule and
// the FOCUS-shaped cost export through Headroom's streaming code (the functions the routes call, body read to the end)
// beside `COPY (same select) TO STDOUT` of the same rows, and prints both times, the ratio and Headroom's peak RSS.
// Targets: within 2× of COPY, peak RSS under 300 MB.

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "headroom_bench_pages" },
    limit: { type: "string" },
  },
});

const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const url = new URL(serverUrl);
url.pathname = `/${values.database}`;
const TARGET_RATIO = 2;
const TARGET_RSS_MB = 300;

async function drain(body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | Buffer>): Promise<{ bytes: number; lines: number }> {
  let bytes = 0;
  let lines = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  }
  return { bytes, lines };
}

// COPY through psql, read by this process as Headroom's output is: the baseline is the server's own CSV writer.
async function copyOut(statement: string): Promise<{ bytes: number; lines: number }> {
  const child = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", statement.replace(/\s+/g, " "), url.toString()], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const counted = await drain(child.stdout);
  if ((await exited) !== 0) throw new Error("psql COPY failed");
  return counted;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T; peakMb: number }> {
  global.gc?.();
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { ms, result, peakMb: peakRss / 2 ** 20 };
}

async function main() {
  const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const rows = await raw<{ n: number }[]>`select count(*)::int as n from cost_line_items`.catch(() => null);
  if (!rows?.[0]?.n) {
    console.error(`No large data set in ${values.database}; build it first with: npm run bench:pages -- --data-only`);
    await raw.end({ timeout: 5 });
    process.exitCode = 1;
    return;
  }
  const handle = await openDatabase({ url: url.toString() });
  const ctx: Ctx = { db: handle.db, actor: { id: null, email: "bench@headroom.local", role: "admin", kind: "system" } };
  const limit = values.limit ? ` limit ${Number(values.limit)}` : "";

  const schedule = {
    name: "reservation schedule",
    headroom: () =>
      drain(
        csvResponse("s.csv", RESERVATION_SCHEDULE_HEADER, reservationScheduleRows(ctx, parseReservationListParams({}), 90), { bom: false })
          .body!,
      ),
    copy: `copy (select r.name, p.name, s.name, t.name, t.family, r.quantity, r.start_at, r.end_at, r.rate, r.currency, r.pricing_model,
             case when r.pricing_model = 'reserved' then r.quantity * 730 * r.rate end, k.name, (r.end_at - interval '90 days')::date, r.status,
             r.capacity_reservation_id, r.id
           from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
           join accelerator_types t on t.id = r.accelerator_type_id left join contracts k on k.id = r.contract_id
           where r.archived_at is null order by r.start_at, r.name) to stdout with (format csv, header)`,
  };
  const costs = {
    name: "FOCUS cost export",
    headroom: async () => {
      if (!values.limit) return drain(csvBytesResponse("c.csv", focusCostCsv(ctx, { from: null, to: null }), { bom: false }).body!);
      // --limit: stop reading after N rows (the response is cancelled, as when a user aborts a download).
      const max = Number(values.limit) + 1;
      let lines = 0;
      let bytes = 0;
      for await (const chunk of csvBytesResponse("c.csv", focusCostCsv(ctx, { from: null, to: null }), { bom: false })
        .body! as unknown as AsyncIterable<Uint8Array>) {
        let end = chunk.length;
        for (let i = 0; i < chunk.length; i++)
          if (chunk[i] === 10 && ++lines === max) {
            end = i + 1;
            break;
          }
        bytes += end;
        if (lines >= max) break;
      }
      return { bytes, lines };
    },
    copy: `copy (select ${FOCUS_COST_SELECT} from ${FOCUS_COST_FROM} order by c.id${limit}) to stdout with (format csv, header)`,
  };

  console.log(`bench:export on ${values.database}\n`);
  console.log(
    [
      "export".padEnd(22),
      "rows".padStart(10),
      "COPY s".padStart(8),
      "Headroom s".padStart(11),
      "ratio".padStart(6),
      "MB/s".padStart(6),
      "peak RSS MB".padStart(12),
      "  target",
    ].join(" "),
  );
  let ok = true;
  // Warm both paths (connections, plans, JIT) on the small export so the first timing is not start-up.
  await copyOut(schedule.copy);
  await schedule.headroom();
  for (const bench of [schedule, costs]) {
    const copy = await timed(() => copyOut(bench.copy));
    const ours = await timed(bench.headroom);
    const ratio = ours.ms / copy.ms;
    const pass = ratio <= TARGET_RATIO && ours.peakMb < TARGET_RSS_MB;
    ok &&= pass;
    console.log(
      [
        bench.name.padEnd(22),
        String(ours.result.lines - 1).padStart(10),
        (copy.ms / 1000).toFixed(2).padStart(8),
        (ours.ms / 1000).toFixed(2).padStart(11),
        ratio.toFixed(2).padStart(6),
        (ours.result.bytes / 2 ** 20 / (ours.ms / 1000)).toFixed(0).padStart(6),
        ours.peakMb.toFixed(0).padStart(12),
        `  ${pass ? "met" : "MISSED"} (≤ ${TARGET_RATIO}× COPY, < ${TARGET_RSS_MB} MB)`,
      ].join(" "),
    );
    if (ours.result.lines !== copy.result.lines)
      console.log(`  row counts differ: COPY ${copy.result.lines - 1}, Headroom ${ours.result.lines - 1}`);
  }
  console.log(`\nprocess max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await handle.close();
  await raw.end({ timeout: 5 });
  if (!ok) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    clearInterval(sampler);
  });
