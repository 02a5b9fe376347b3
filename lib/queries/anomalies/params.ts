import { hasControlCharacter } from "@/lib/validation/control-characters";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import type { SeriesKind } from "./series";

export const ANOMALY_KINDS = ["all", "service", "workload", "utilization"] as const;
export type AnomalyKindFilter = (typeof ANOMALY_KINDS)[number];

/** /alerts/anomalies' URL state: a provider (id), a kind of series, and the series the chart shows (its key). */
export type AnomalyParams = { provider: string | null; kind: AnomalyKindFilter; series: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseAnomalyParams(raw: RawSearchParams | URLSearchParams): AnomalyParams {
  const get = (k: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(k) : raw[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  const provider = get("provider");
  const kind = get("kind");
  const series = get("series");
  return {
    provider: provider && UUID.test(provider) ? provider.toLowerCase() : null,
    kind: ANOMALY_KINDS.includes(kind as AnomalyKindFilter) ? (kind as AnomalyKindFilter) : "all",
    series: series && series.length <= 200 && !hasControlCharacter(series) ? series : null,
  };
}

export function matchesParams(a: { providerId: string | null; kind: SeriesKind }, p: AnomalyParams): boolean {
  return (p.provider === null || a.providerId === p.provider) && (p.kind === "all" || a.kind === p.kind);
}

export function anomalyQuery(p: AnomalyParams, series?: string | null): URLSearchParams {
  const q = new URLSearchParams();
  if (p.provider) q.set("provider", p.provider);
  if (p.kind !== "all") q.set("kind", p.kind);
  const s = series === undefined ? p.series : series;
  if (s) q.set("series", s);
  return q;
}
