import type { Executor } from "@/lib/db/client";
import { businessMetrics } from "@/lib/db/schema";
import { SEED_ACTOR } from "./constants";
import { addDays } from "./dates";
import { createRng } from "./random";

export const BUSINESS_METRIC_DAYS = 180;

type Profile = {
  workload: string;
  metric: string;
  /** Tokens per day at the first and the last day of growth (geometric between; growth stops where a fall starts). */
  start: number;
  end: number;
  /** Weekend days as a share of a weekday. */
  weekend: number;
  /** Relative day-to-day noise (uniform ±). */
  noise: number;
  /** The last `fallDays` days lose `fall` of their volume, linearly: a product whose traffic moved elsewhere. */
  fallDays?: number;
  fall?: number;
  /** Chance of a day lost to an interruption (a training restart), at 40–70 % of normal. */
  outage?: number;
};

// Chat grows from 1.2 to 4.6 × 10^11 tokens a day; API traffic grows then slips in the last six weeks (while its
// blocks still cost the same, so its $ per 1M tokens rises); pre-training runs flat out with the odd restart.
const PROFILES: readonly Profile[] = [
  { workload: "Chat inference", metric: "tokens_served", start: 1.2e11, end: 4.6e11, weekend: 0.85, noise: 0.05 },
  { workload: "API inference", metric: "tokens_served", start: 6e10, end: 1.6e11, weekend: 0.7, noise: 0.06, fallDays: 42, fall: 0.3 },
  { workload: "Frontier pre-training", metric: "training_tokens", start: 1.4e11, end: 1.6e11, weekend: 1, noise: 0.03, outage: 0.04 },
];

export type PlannedMetric = { workload: string; metric: string; day: string; value: string };

/** Daily values for the BUSINESS_METRIC_DAYS whole UTC days before the day of `asOf`; whole tokens, deterministic. */
export function planBusinessMetrics(asOf: Date): PlannedMetric[] {
  const today = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate()));
  return PROFILES.flatMap((p) => {
    const rng = createRng(`business-metrics:${p.workload}:${p.metric}`);
    return Array.from({ length: BUSINESS_METRIC_DAYS }, (_, i) => {
      const day = addDays(today, i - BUSINESS_METRIC_DAYS);
      const fromFall = i - (BUSINESS_METRIC_DAYS - (p.fallDays ?? 0));
      const t = Math.min(i, BUSINESS_METRIC_DAYS - 1 - (p.fallDays ?? 0)) / (BUSINESS_METRIC_DAYS - 1 - (p.fallDays ?? 0));
      let v = p.start * Math.pow(p.end / p.start, t);
      const weekday = day.getUTCDay();
      if (weekday === 0 || weekday === 6) v *= p.weekend;
      if (p.fallDays && p.fall && fromFall >= 0) v *= 1 - (p.fall * (fromFall + 1)) / p.fallDays;
      v *= 1 + (rng.next() * 2 - 1) * p.noise;
      if (p.outage && rng.chance(p.outage)) v *= 0.4 + rng.next() * 0.3;
      return { workload: p.workload, metric: p.metric, day: day.toISOString().slice(0, 10), value: String(Math.round(v)) };
    });
  });
}

/** Inserts the planned values for the seeded workloads (ids by name); returns how many. */
export async function insertBusinessMetrics(
  tx: Executor,
  planned: readonly PlannedMetric[],
  workloadIds: Map<string, string>,
): Promise<number> {
  if (planned.length === 0) return 0;
  await tx.insert(businessMetrics).values(
    planned.map((m) => ({
      workloadId: workloadIds.get(m.workload)!,
      metric: m.metric,
      day: m.day,
      value: m.value,
      updatedBy: SEED_ACTOR,
    })),
  );
  return planned.length;
}
