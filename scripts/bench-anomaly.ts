import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo";
import { BILLED_MONTHS } from "@/lib/demo/billing";
import { mulberry32, seedFromLabel } from "@/lib/demo/random";
import { COST_ANOMALY_DEFAULTS, detectSeries, type SeriesInput } from "@/lib/metrics/anomalies";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { Dec } from "@/lib/metrics/decimal";
import { loadAnomalyData } from "@/lib/queries/anomalies/load";
import { buildSeries, type BuiltSeries } from "@/lib/queries/anomalies/series";

// Injects spikes, drops and level shifts into the demo's billing series (provider × service and workload, built by
// the same query code the app runs, from a fresh in-memory PGlite seeded with the demo) and runs the detector at its
// defaults day by day (each day judged on the days before it only). A change is found when an anomaly in its
// direction falls on its first day or the next; every other anomaly in a run is a false alarm (so a level shift that
// keeps alarming costs precision). Goal (issue 21): recall ≥ 90 % for changes ≥ 20 % of the series' daily cost and
// ≤ 1 false alarm per series per month on the clean series.

const AS_OF = new Date("2026-11-17T09:30:00Z");
const SEED = "bench-anomaly 2026";
const TRIALS_PER_SERIES = 150;
const WARM_UP_DAYS = 21;
const KINDS = ["spike", "drop", "shift"] as const;
type Kind = (typeof KINDS)[number];

type Trial = { kind: Kind; size: number; found: boolean; falseAlarms: number; newFalseAlarms: number };

function inject(input: SeriesInput, kind: Kind, day: number, size: number, sign: number): SeriesInput {
  const factor = new Dec(1).plus(new Dec(size).times(kind === "spike" ? 1 : kind === "drop" ? -1 : sign));
  const hit = (d: number) => (kind === "shift" ? d >= day : d === day);
  return { ...input, lines: input.lines.map((l) => ({ ...l, actual: l.actual.map((v, d) => (hit(d) ? v.times(factor) : v)) })) };
}

function alarms(input: SeriesInput): { day: number; sign: number }[] {
  return detectSeries(input, COST_ANOMALY_DEFAULTS).flatMap((v, d) =>
    v?.anomaly && d >= WARM_UP_DAYS ? [{ day: d, sign: Math.sign(v.delta) }] : [],
  );
}

function lastKnown(input: SeriesInput): number {
  return input.known.lastIndexOf(true);
}

function runTrials(series: BuiltSeries[], next: () => number): Trial[] {
  const trials: Trial[] = [];
  for (const s of series) {
    const clean = new Set(alarms(s.input).map((a) => a.day));
    const last = lastKnown(s.input);
    if (last - 3 <= WARM_UP_DAYS) continue;
    for (let i = 0; i < TRIALS_PER_SERIES; i++) {
      const kind = KINDS[Math.floor(next() * KINDS.length)]!;
      const size = 0.05 + Math.round(next() * 95) / 100;
      const day = WARM_UP_DAYS + Math.floor(next() * (last - 3 - WARM_UP_DAYS));
      const sign = kind === "spike" ? 1 : kind === "drop" ? -1 : next() < 0.5 ? 1 : -1;
      const found = alarms(inject(s.input, kind, day, size, sign));
      const hits = found.filter((a) => a.sign === sign && (a.day === day || a.day === day + 1));
      const others = found.filter((a) => a !== hits[0]);
      trials.push({
        kind,
        size,
        found: hits.length > 0,
        falseAlarms: others.length,
        newFalseAlarms: others.filter((a) => !clean.has(a.day)).length,
      });
    }
  }
  return trials;
}

const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)} %`);

async function demoSeries(): Promise<BuiltSeries[]> {
  const handle = await openDatabase({});
  try {
    await migrateDatabase(handle);
    console.error("Seeding the demo portfolio into an in-memory PGlite …");
    await seedDemo(handle.db, { demoPassword: "bench-anomaly-only", asOf: AS_OF });
    const to = startOfUtcMonth(AS_OF);
    const from = addUtcMonths(to, -BILLED_MONTHS);
    const data = await loadAnomalyData(handle.db, from, to);
    const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
    return buildSeries(data, from, days).filter((s) => s.meta.unit === "money");
  } finally {
    await handle.close();
  }
}

async function main() {
  const series = await demoSeries();
  let cleanAlarms = 0;
  let cleanDays = 0;
  for (const s of series) {
    const a = alarms(s.input);
    cleanAlarms += a.length;
    cleanDays += s.input.known.filter((k, d) => k && d >= WARM_UP_DAYS).length;
    if (a.length > 0) console.error(`  clean alarms in ${s.meta.label}: ${a.map((x) => s.input.days[x.day]).join(", ")}`);
  }
  const perSeriesMonth = cleanDays === 0 ? 0 : cleanAlarms / (cleanDays / 30);
  const trials = runTrials(series, mulberry32(seedFromLabel(SEED)));
  const found = trials.filter((t) => t.found).length;
  const falseAlarms = trials.reduce((a, t) => a + t.falseAlarms, 0);
  const newFalseAlarms = trials.reduce((a, t) => a + t.newFalseAlarms, 0);
  const big = trials.filter((t) => t.size >= 0.2);
  const bigFound = big.filter((t) => t.found).length;
  const o = COST_ANOMALY_DEFAULTS;
  console.log(
    `Anomaly bench: ${series.length} demo billing series (provider × service, workload), ${BILLED_MONTHS} billed months, ` +
      `${trials.length} injected changes (5–100 % of the series' daily cost, seed "${SEED}"), defaults k=${o.k} $${o.minAbs} ${o.minPct * 100} % σ≥${o.madFloorPct * 100} %`,
  );
  console.log(
    `precision, every alarm            ${pct(found, found + falseAlarms)}  (${found} found, ${falseAlarms} other alarms in injected runs)`,
  );
  console.log(
    `precision, injection's own alarms ${pct(found, found + newFalseAlarms)}  (leaving out the clean series' own ${falseAlarms - newFalseAlarms} alarms repeated in the runs)`,
  );
  console.log(`recall, all changes               ${pct(found, trials.length)}`);
  console.log(`recall, changes ≥ 20 %            ${pct(bigFound, big.length)}  (${bigFound} of ${big.length})`);
  for (const kind of KINDS) {
    const k = big.filter((t) => t.kind === kind);
    console.log(`  ${kind.padEnd(6)} ≥ 20 %                     ${pct(k.filter((t) => t.found).length, k.length)}  (${k.length})`);
  }
  console.log(`false alarms per series per month ${perSeriesMonth.toFixed(2)}  (${cleanAlarms} on ${cleanDays} clean series-days)`);
  const ok = big.length > 0 && bigFound / big.length >= 0.9 && perSeriesMonth <= 1;
  console.log(ok ? "goal met: recall ≥ 90 % for changes ≥ 20 %, ≤ 1 false alarm per series per month" : "GOAL NOT MET");
  if (!ok) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
