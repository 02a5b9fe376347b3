import { chargeByDay } from "@/lib/metrics/charge-days";
import { addUtcDays, isoDay } from "@/lib/metrics/calendar";
import { Dec } from "@/lib/metrics/decimal";
import type { LineKind, SeriesInput, SeriesLine } from "@/lib/metrics/anomalies";
import type { AnomalyData, BlockRow } from "./load";

export type SeriesKind = "service" | "workload" | "utilization";

export type SeriesMeta = {
  key: string;
  kind: SeriesKind;
  label: string;
  providerId: string | null;
  providerName: string | null;
  serviceName: string | null;
  workloadId: string | null;
  workloadName: string | null;
  reservationId: string | null;
  family: string | null;
  siteId: string | null;
  currency: string | null;
  unit: "money" | "ratio";
};

export type BuiltSeries = { meta: SeriesMeta; input: SeriesInput };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type LineAcc = { key: string; label: string; kind: LineKind; block: BlockRow | null; actual: Dec[] };
type SeriesAcc = { meta: SeriesMeta; lines: Map<string, LineAcc>; providers: Set<string>; blocks: Set<BlockRow> };

function capacityHours(b: BlockRow, day: Date): number {
  const lo = Math.max(day.getTime(), b.startAt.getTime());
  const hi = Math.min(day.getTime() + DAY_MS, b.endAt.getTime());
  return hi > lo ? (hi - lo) / HOUR_MS : 0;
}

/** Per provider: the end of its latest daily (≤ 1 day) charge, else of its latest charge; later days are not billed yet. */
function billedThrough(data: AnomalyData): Map<string, number> {
  const daily = new Map<string, number>();
  const any = new Map<string, number>();
  for (const c of data.charges) {
    const p = providerKey(c);
    const end = c.end.getTime();
    any.set(p, Math.max(any.get(p) ?? 0, end));
    if (end - c.start.getTime() <= DAY_MS) daily.set(p, Math.max(daily.get(p) ?? 0, end));
  }
  return new Map([...any].map(([p, end]) => [p, daily.get(p) ?? end]));
}

const providerKey = (c: { providerId: string | null; providerName: string | null }) => c.providerId ?? `name:${c.providerName ?? ""}`;

function lineOf(block: BlockRow | null, sku: string | null, resource: string | null): Omit<LineAcc, "actual"> {
  if (block) return { key: `block:${block.id}`, label: block.name, kind: block.pricingModel === "reserved" ? "reserved" : "usage", block };
  return {
    key: `sku:${sku ?? ""}|${resource ?? ""}`,
    label: [sku, resource].filter(Boolean).join(" · ") || "(no SKU)",
    kind: "seasonal",
    block: null,
  };
}

const byLabel = (a: { label: string; key: string }, b: { label: string; key: string }) =>
  a.label.localeCompare(b.label) || a.key.localeCompare(b.key);

function one<T>(values: Iterable<T>): T | null {
  const set = new Set(values);
  return set.size === 1 ? [...set][0]! : null;
}

function finishLine(l: LineAcc, days: Date[], use: Map<string, (number | null)[]>): SeriesLine {
  const b = l.block;
  if (!b || l.kind === "seasonal") return { key: l.key, label: l.label, kind: l.kind, actual: l.actual };
  const rate = new Dec(b.rate);
  if (l.kind === "reserved") {
    const planned = days.map((d) => rate.times(b.quantity).times(capacityHours(b, d)).toNumber());
    return { key: l.key, label: l.label, kind: "reserved", actual: l.actual, planned };
  }
  return {
    key: l.key,
    label: l.label,
    kind: "usage",
    actual: l.actual,
    usedAh: use.get(b.id) ?? days.map(() => null),
    rate: rate.toNumber(),
  };
}

/** The cost series (provider × service × currency; workload × currency by the charges' rule attribution) and each block's utilization, over `count` days from `from`. */
export function buildSeries(data: AnomalyData, from: Date, count: number): BuiltSeries[] {
  const days = Array.from({ length: count }, (_, i) => addUtcDays(from, i));
  const to = addUtcDays(from, count);
  const isoDays = days.map(isoDay);
  const dayIndex = new Map(isoDays.map((d, i) => [d, i]));
  const blocks = new Map(data.blocks.map((b) => [b.id, b]));
  const providerNames = new Map(data.providers.map((p) => [p.id, p.name]));
  const workloadNames = new Map(data.workloads.map((w) => [w.id, w.name]));
  const use = new Map<string, (number | null)[]>();
  for (const u of data.use) {
    const i = dayIndex.get(u.day);
    if (i === undefined) continue;
    if (!use.has(u.reservationId))
      use.set(
        u.reservationId,
        days.map(() => null),
      );
    use.get(u.reservationId)![i] = Number(u.usedAh);
  }
  const series = new Map<string, SeriesAcc>();
  const blank = (meta: Omit<SeriesMeta, "unit">): SeriesAcc => ({
    meta: { ...meta, unit: "money" },
    lines: new Map(),
    providers: new Set(),
    blocks: new Set(),
  });
  for (const c of data.charges) {
    const block = c.reservationId ? (blocks.get(c.reservationId) ?? null) : null;
    const providerName = (c.providerId ? providerNames.get(c.providerId) : null) ?? c.providerName;
    const keys: [string, () => SeriesAcc][] = [
      [
        `service|${providerKey(c)}|${c.serviceName ?? ""}|${c.currency}`,
        () =>
          blank({
            key: "",
            kind: "service",
            label: `${providerName ?? "Unknown provider"} · ${c.serviceName ?? "(no service)"}${c.currency === "USD" ? "" : ` (${c.currency})`}`,
            providerId: c.providerId,
            providerName,
            serviceName: c.serviceName,
            workloadId: null,
            workloadName: null,
            reservationId: null,
            family: null,
            siteId: null,
            currency: c.currency,
          }),
      ],
    ];
    if (c.workloadId) {
      const name = workloadNames.get(c.workloadId) ?? c.workloadId;
      keys.push([
        `workload|${c.workloadId}|${c.currency}`,
        () =>
          blank({
            key: "",
            kind: "workload",
            label: `Workload ${name}${c.currency === "USD" ? "" : ` (${c.currency})`}`,
            providerId: null,
            providerName: null,
            serviceName: null,
            workloadId: c.workloadId,
            workloadName: name,
            reservationId: null,
            family: null,
            siteId: null,
            currency: c.currency,
          }),
      ]);
    }
    const spread = chargeByDay(c.cost, c.start, c.end, from, to);
    const line = lineOf(block, c.skuId, c.resourceId);
    for (const [key, make] of keys) {
      let s = series.get(key);
      if (!s) {
        s = make();
        s.meta.key = key;
        series.set(key, s);
      }
      s.providers.add(providerKey(c));
      if (block) s.blocks.add(block);
      let l = s.lines.get(line.key);
      if (!l) {
        l = { ...line, actual: days.map(() => new Dec(0)) };
        s.lines.set(line.key, l);
      }
      for (const [i, v] of spread) l.actual[i] = l.actual[i]!.plus(v);
    }
  }
  const through = billedThrough(data);
  const cost: BuiltSeries[] = [...series.values()].map((s) => {
    const last = Math.min(...[...s.providers].map((p) => through.get(p) ?? 0));
    const blockList = [...s.blocks];
    const meta = {
      ...s.meta,
      providerId: s.meta.providerId ?? one(blockList.map((b) => b.providerId)),
      family: one(blockList.map((b) => b.family)),
      siteId: one(blockList.map((b) => b.siteId)),
    };
    const lines = [...s.lines.values()].sort(byLabel).map((l) => finishLine(l, days, use));
    return { meta, input: { days: isoDays, known: days.map((d) => d.getTime() + DAY_MS <= last), lines } };
  });
  // By label (names, not ids), so a run and the bench's seeded draws do not depend on the order rows came in.
  return [
    ...cost.sort((a, b) => byLabel(a.meta, b.meta)),
    ...utilizationSeries(data, days, isoDays, use).sort((a, b) => byLabel(a.meta, b.meta)),
  ];
}

function utilizationSeries(data: AnomalyData, days: Date[], isoDays: string[], use: Map<string, (number | null)[]>): BuiltSeries[] {
  return data.blocks.flatMap((b) => {
    const used = use.get(b.id);
    if (!used) return [];
    const ratio = days.map((d, i) => {
      const cap = b.quantity * capacityHours(b, d);
      return used[i] == null || cap === 0 ? null : used[i] / cap;
    });
    const meta: SeriesMeta = {
      key: `utilization|${b.id}`,
      kind: "utilization",
      label: `Utilization of ${b.name}`,
      providerId: b.providerId,
      providerName: b.providerName,
      serviceName: null,
      workloadId: null,
      workloadName: null,
      reservationId: b.id,
      family: b.family,
      siteId: b.siteId,
      currency: null,
      unit: "ratio",
    };
    const line: SeriesLine = { key: `block:${b.id}`, label: b.name, kind: "seasonal", actual: ratio.map((r) => new Dec(r ?? 0)) };
    return [{ meta, input: { days: isoDays, known: ratio.map((r) => r !== null), lines: [line] } }];
  });
}
