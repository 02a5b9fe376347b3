import { COST_ANOMALY_DEFAULTS, detectSeries, UTILIZATION_ANOMALY_DEFAULTS, type DayVerdict, type LineKind } from "@/lib/metrics/anomalies";
import type { BuiltSeries, SeriesMeta } from "./series";

export type AnomalyDriver = { label: string; kind: LineKind; actual: string; expected: string; delta: string };

export type Anomaly = Omit<SeriesMeta, "key" | "label"> & {
  seriesKey: string;
  series: string;
  day: string;
  /** Money: the charges' exact sum to the cent (a monthly charge's daily share can be a repeating decimal); utilization: 4 decimals. Expected, delta and threshold rounded the same way. */
  actual: string;
  expected: string;
  delta: string;
  threshold: string;
  /** delta ÷ expected; null when nothing was expected. */
  pct: number | null;
  direction: "spike" | "drop";
  basis: LineKind[];
  /** Parts taken at their actual because their history is too short. */
  unjudged: LineKind[];
  basisText: string;
  drivers: AnomalyDriver[];
};

const BASIS_TEXT: Record<SeriesMeta["unit"], Record<LineKind, string>> = {
  money: { reserved: "reserved blocks' planned cost", usage: "on-demand/spot recent use × rate", seasonal: "same-weekday median" },
  ratio: { reserved: "", usage: "", seasonal: "same-weekday median utilization" },
};

export function basisText(unit: SeriesMeta["unit"], basis: readonly LineKind[]): string {
  return basis.map((b) => BASIS_TEXT[unit][b]).join(" + ");
}

function round(meta: SeriesMeta, v: number): string {
  return v.toFixed(meta.unit === "money" ? 2 : 4);
}

export function toAnomaly(meta: SeriesMeta, v: DayVerdict): Anomaly {
  const { key, label, ...rest } = meta;
  return {
    ...rest,
    seriesKey: key,
    series: label,
    day: v.day,
    actual: v.actual.toFixed(meta.unit === "money" ? 2 : 4),
    expected: round(meta, v.expected),
    delta: round(meta, v.delta),
    threshold: round(meta, v.threshold),
    pct: v.pct,
    direction: v.delta > 0 ? "spike" : "drop",
    basis: v.basis,
    unjudged: v.unjudged,
    basisText: basisText(meta.unit, v.basis),
    drivers: v.drivers.map((d) => ({
      label: d.label,
      kind: d.kind,
      actual: round(meta, d.actual),
      expected: round(meta, d.expected),
      delta: round(meta, d.delta),
    })),
  };
}

/** The detector at its defaults for the series' unit: verdicts from day index `from` on. */
export function verdictsOf(s: BuiltSeries, from: number): (DayVerdict | null)[] {
  return detectSeries(s.input, s.meta.unit === "money" ? COST_ANOMALY_DEFAULTS : UTILIZATION_ANOMALY_DEFAULTS, from);
}
