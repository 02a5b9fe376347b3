import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/client";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { getCapacity } from "@/lib/queries/capacity";
import { CAPACITY_DEFAULTS } from "@/lib/queries/reports/sections";
import { getConcentration } from "@/lib/queries/concentration";
import { getPowerPage } from "@/lib/queries/power";
import { expiringReservations, parseReservationListParams, reservationListPage, reservationTimelinePage } from "@/lib/queries/reservations";
import { getUtilizationFromUrl } from "@/lib/queries/utilization";
import { timelineLayout } from "@/lib/queries/reservations/timeline";
import { systemCtx } from "@/lib/services/system-actor";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { getOverview } from "@/lib/queries/overview";

// Where the heavy pages spend their server time, without Next.js in the way: opens the bench database (built by
// `npm run bench:pages`, default headroom_bench_pages on 127.0.0.1:5432), calls each page's loader directly with a
// system admin ctx and the page's default filters, N times after a warm-up, and prints the median and the fastest
// run in ms, and the median CPU time of this process per run ("JS cpu": parsing rows and building the page's numbers,
// not the database server's work; steadier than wall time on a busy machine). It times the loaders, not React rendering.
//
//   npx tsx scripts/profile-pages.ts [--runs 10] [--pages concentration,utilization] [--database NAME] [--cpu-prof out.cpuprofile]
//
// --cpu-prof records a V8 CPU profile of the timed runs (open it in Chrome DevTools → Performance, or speedscope).
// TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; the database is read only.

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    pages: { type: "string" },
    database: { type: "string", default: "headroom_bench_pages" },
    "cpu-prof": { type: "string" },
  },
});

const server = new URL(process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
server.pathname = `/${values.database}`;
const runs = Math.max(1, Number(values.runs));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main() {
  const handle = await openDatabase({ url: server.toString() });
  const ctx = systemCtx(handle.db, "profile-pages");
  const pages: Record<string, () => Promise<unknown>> = {
    overview: () => getOverview(ctx, {}),
    costs: () => getCostsFromUrl(ctx, {}),
    concentration: () => getConcentration(ctx, parsePlanningFilters({})),
    utilization: () => getUtilizationFromUrl(ctx, {}),
    capacity: () => getCapacity(ctx, parsePlanningFilters({}, { defaults: CAPACITY_DEFAULTS })),
    power: () => getPowerPage(ctx, parsePlanningFilters({}, { defaults: { range: "24m" } }), null),
    reservations: async () => {
      // What app/(app)/reservations/page.tsx loads: the list page, the timeline's blocks laid out, the expiry list.
      const params = parseReservationListParams({});
      const asOf = new Date();
      const window = { from: addUtcMonths(startOfUtcMonth(asOf), -12), to: addUtcMonths(startOfUtcMonth(asOf), 18) };
      const [, timeline] = await Promise.all([
        reservationListPage(ctx, params),
        reservationTimelinePage(ctx, params, window),
        expiringReservations(ctx, params, asOf),
      ]);
      return timelineLayout(timeline.rows, params.filters.group ?? "provider", window, asOf);
    },
  };
  const names = values.pages ? values.pages.split(",").map((s) => s.trim()) : Object.keys(pages);
  for (const n of names) if (!pages[n]) throw new Error(`Unknown page "${n}"; pages: ${Object.keys(pages).join(", ")}.`);

  const session = values["cpu-prof"] ? new Session() : null;
  try {
    for (const n of names) await pages[n]!(); // warm-up: JIT, connections, planner caches
    if (session) {
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
    }
    console.log(
      `${"page".padEnd(14)} ${"median ms".padStart(10)} ${"min ms".padStart(8)} ${"JS cpu ms".padStart(10)}   (${runs} runs, ${values.database})`,
    );
    for (const n of names) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await pages[n]!();
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      const row = [median(times), Math.min(...times), median(cpu)].map((x, i) => x.toFixed(0).padStart(i === 1 ? 8 : 10));
      console.log(`${n.padEnd(14)} ${row.join(" ")}`);
    }
    if (session) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(values["cpu-prof"]!, JSON.stringify(profile));
      console.log(`CPU profile written to ${values["cpu-prof"]}.`);
    }
  } finally {
    session?.disconnect();
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
