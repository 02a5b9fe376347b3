import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo";
import { mulberry32 } from "@/lib/demo/random";
import { activeHistory } from "@/lib/metrics/forecast";
import { accuracy, backtest, type Accuracy, type BacktestPoint } from "@/lib/metrics/forecast-accuracy";
import { hoursIn } from "@/lib/metrics/period";
import { loadUsageHistory } from "@/lib/queries/capacity/history";

// Backtests the demand forecast (lib/metrics/forecast.ts): on the demo portfolio (a fresh in-memory PGlite, seeded)
// per family — train on the early months of average H100e in use, forecast the rest — and on synthetic series with a known
// trend, seasonality and noise. Prints MAPE and how often the actual fell inside the 80 % and 95 % bands.

const DEMO_HOLDOUT = 6;
const REPLICATES = 200;

const NAME = 44;

function row(name: string, train: string, a: Accuracy): string {
  const share = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)} %`);
  const pct = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} %`);
  return [
    name.padEnd(NAME),
    train.padStart(6),
    String(a.points).padStart(6),
    pct(a.mape).padStart(9),
    pct(a.wape).padStart(8),
    share(a.coverage80).padStart(8),
    share(a.coverage95).padStart(8),
  ].join("  ");
}

function header(): string {
  return [
    "series".padEnd(NAME),
    "train".padStart(6),
    "points".padStart(6),
    "MAPE".padStart(9),
    "WAPE".padStart(8),
    "in 80 %".padStart(8),
    "in 95 %".padStart(8),
  ].join("  ");
}

function gaussian(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

// y_t = level + slope·t + amplitude·sin(2πt/12) + N(0, noise²)
function synthetic(seed: number, length: number, shape: { level: number; slope: number; amplitude: number; noise: number }): number[] {
  const next = mulberry32(seed);
  return Array.from(
    { length },
    (_, t) => shape.level + shape.slope * t + shape.amplitude * Math.sin((2 * Math.PI * t) / 12) + shape.noise * gaussian(next),
  );
}

async function demo(): Promise<string[]> {
  const asOf = new Date();
  const handle = await openDatabase({});
  try {
    await migrateDatabase(handle);
    console.error("Seeding the demo portfolio into an in-memory PGlite …");
    const t = performance.now();
    await seedDemo(handle.db, { demoPassword: "bench-forecast-only", asOf });
    console.error(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const history = await loadUsageHistory(handle.db, { before: asOf, months: 36, by: "family", unit: "h100e" });
    const lines: string[] = [];
    const all: BacktestPoint[] = [];
    for (const g of history.groups) {
      // As /capacity forecasts it: the average H100e in use each month (used H100e·h ÷ hours of the month).
      const values = activeHistory(
        g.used.map((v, i) => v.div(hoursIn(history.months[i]!)).toNumber()),
        g.complete,
      );
      const train = values.length - DEMO_HOLDOUT;
      if (train < 4) {
        lines.push(`${`demo ${g.label}`.padEnd(NAME)}  only ${values.length} months of use: not backtested`);
        continue;
      }
      const points = backtest(values, train);
      all.push(...points);
      lines.push(row(`demo ${g.label} (avg H100e in use)`, `${train} mo`, accuracy(points)));
    }
    lines.push(row("demo, all families pooled", "", accuracy(all)));
    return lines;
  } finally {
    await handle.close();
  }
}

function syntheticRows(): string[] {
  const cases = [
    { name: "trend + season, Holt-Winters", length: 48, train: 36, shape: { level: 10_000, slope: 150, amplitude: 900, noise: 250 } },
    { name: "trend only, damped Holt", length: 24, train: 18, shape: { level: 10_000, slope: 150, amplitude: 0, noise: 250 } },
    { name: "trend + season, only 18 months", length: 24, train: 18, shape: { level: 10_000, slope: 150, amplitude: 900, noise: 250 } },
  ];
  return cases.map((c) => {
    const points: BacktestPoint[] = [];
    for (let i = 0; i < REPLICATES; i++) points.push(...backtest(synthetic(1000 + i, c.length, c.shape), c.train));
    return row(`synthetic ${c.name}`, `${c.train} mo`, accuracy(points));
  });
}

async function main() {
  const lines = [header(), ...(await demo()), ...syntheticRows()];
  console.log(`Forecast backtest: demo holds out the last ${DEMO_HOLDOUT} whole months; synthetic = ${REPLICATES} seeded series each`);
  for (const line of lines) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
