import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import type { Family } from "./catalog";
import { UTILIZATION_HISTORY_MONTHS } from "./constants";
import { addMonths, dateFromIso, hoursBetween, maxDate, minDate } from "./dates";
import { createRng, type Rng } from "./random";
import type { ReservationPlan } from "./reservation-plan";
import { SITES } from "./sites";

type Workload = "training" | "inference" | "batch";

export type UtilizationProfile = {
  name: string;
  quantity: number;
  workload: Workload;
  seed: number;
  base: number;
  amp: number;
  growth: number;
  utcOffset: number;
  rampFrom: number;
  rampHours: number;
  firstHour: number;
  lastHour: number;
  hours: number;
};

const TRAINING_SHARE: Record<Family, number> = {
  H100: 0.4,
  H200: 0.2,
  B200: 0.7,
  GB200: 0.85,
  MI300X: 0.1,
  MI325X: 0.3,
  Trainium2: 0.6,
  "TPU v5p": 0.8,
  "TPU v6e": 0.2,
  "CS-3": 0.5,
};

const HOUR_MS = 3_600_000;

function workloadOf(r: ReservationPlan, rng: Rng): Workload {
  if (r.pricingModel === "on_demand") return "inference";
  if (r.pricingModel === "spot") return "batch";
  if (rng.chance(TRAINING_SHARE[r.family])) return "training";
  return rng.chance(0.75) ? "inference" : "batch";
}

// Per block: the hours it reported, [max(start, delivery, history start), min(end, asOf)), and the shape of its load.
export function planUtilization(blocks: readonly ReservationPlan[], asOf: Date): UtilizationProfile[] {
  const from = addMonths(asOf, -UTILIZATION_HISTORY_MONTHS);
  return blocks.flatMap((r) => {
    const rng = createRng(`utilization:${r.name}`);
    const arrived = r.deliveryDate ? maxDate(r.startAt, dateFromIso(r.deliveryDate)) : r.startAt;
    const first = maxDate(arrived, from);
    const end = minDate(r.endAt, asOf);
    if (end <= first) return [];
    const workload = workloadOf(r, rng);
    const base = workload === "training" ? rng.int(900, 970) : workload === "inference" ? rng.int(450, 680) : rng.int(550, 750);
    const amp = workload === "training" ? 40 : workload === "inference" ? rng.int(140, 240) : rng.int(250, 400);
    return [
      {
        name: r.name,
        quantity: r.quantity,
        workload,
        seed: rng.int(1, 2_147_483_646),
        base: base / 1000,
        amp: amp / 1000,
        growth: workload === "inference" ? rng.int(2, 5) / 10_000 : 0,
        utcOffset: SITES.find((s) => s.name === r.site)!.utcOffset,
        rampFrom: Math.floor(arrived.getTime() / HOUR_MS),
        rampHours: rng.int(7, 30) * 24,
        firstHour: Math.floor(first.getTime() / HOUR_MS),
        lastHour: Math.floor(end.getTime() / HOUR_MS) - 1,
        hours: hoursBetween(first, end),
      },
    ];
  });
}

// Local hour of day → load relative to the daily mean (−1 … 1), for inference traffic.
const DIURNAL = [
  -0.85, -0.95, -1, -0.95, -0.85, -0.65, -0.35, 0, 0.3, 0.55, 0.75, 0.88, 0.95, 1, 0.98, 0.92, 0.85, 0.75, 0.6, 0.4, 0.15, -0.15, -0.45,
  -0.7,
];

// hashint8extended is the hash behind hash partitioning, so it is stable across Postgres versions; with only
// + − × ÷ on float8 besides it, PGlite and the server produce the same figures bit for bit.
const uniform = (key: string, salt: number) => sql.raw(`(hashint8extended(${key}, b.seed + ${salt}) & 4294967295)::float8 / 4294967296.0`);

export async function insertUtilization(tx: Executor, profiles: readonly UtilizationProfile[], ids: Map<string, string>): Promise<number> {
  const blocks = profiles.map(({ name, hours: _hours, ...p }) => ({ id: ids.get(name)!, ...p }));
  const diurnal = sql.raw(`array[${DIURNAL.join(",")}]::float8[]`);
  await tx.execute(sql`
    insert into utilization_hourly (reservation_id, hour, used_ah)
    select b.id, to_timestamp(k.h * 3600),
      round((b.quantity * least(1.0, greatest(0.0,
        l.level * (0.25 + 0.75 * least(1.0, greatest(0, k.h - b."rampFrom")::float8 / b."rampHours"))
      )))::numeric, 4)
    from jsonb_to_recordset(${JSON.stringify(blocks)}::jsonb) as b(
      id uuid, quantity int, workload text, seed bigint, base float8, amp float8, growth float8,
      "utcOffset" int, "rampFrom" bigint, "rampHours" int, "firstHour" bigint, "lastHour" bigint)
    cross join lateral generate_series(b."firstHour", b."lastHour") as k(h)
    cross join lateral (select
      ${uniform("k.h", 0)} as hour_u,
      ${uniform("k.h / 48", 1)} as window_u,
      ${uniform("k.h / 24", 2)} as day_u) u
    cross join lateral (select case b.workload
      when 'training' then case
        when u.window_u < 0.05 then 0.12 + 0.5 * u.window_u / 0.05
        when u.window_u < 0.08 then b.base - 0.3 + 0.1 * u.hour_u
        when u.hour_u < 0.015 then b.base * 0.55
        else b.base + (u.hour_u - 0.5) * b.amp end
      when 'inference' then b.base
        + b.amp * (${diurnal})[(((k.h + b."utcOffset") % 24) + 1)::int]
        + b.growth * greatest(0, k.h - b."rampFrom") / 24
        - case when (((k.h + b."utcOffset") / 24 + 3) % 7) >= 5 then 0.07 else 0 end
        + (u.hour_u - 0.5) * 0.06
      else b.base + (u.day_u - 0.5) * b.amp + (u.hour_u - 0.5) * 0.08 end as level) l
  `);
  return profiles.reduce((sum, p) => sum + p.hours, 0);
}

// Rollups every view reads: the one definition, shared with the utilization feeds.
export { rollUpUtilization } from "@/lib/ingest/utilization/rollups";
