import type { Ctx } from "@/lib/auth/context";
import { addUtcDays, isoDay } from "@/lib/metrics/calendar";
import { anomaliesOf, ANOMALY_LOOKBACK_DAYS, runAnomalySeries, type Anomaly } from "./index";
import { verdictsOf } from "./detect";
import { matchesParams, type AnomalyParams } from "./params";
import { anomalyPoints, type AnomalyPoint } from "./points";

export const ANOMALY_PAGE_DAYS = 30;

export type AnomalyChart = { key: string; label: string; unit: "money" | "ratio"; currency: string | null; points: AnomalyPoint[] };

export type AnomaliesView = {
  from: string;
  to: string;
  rows: Anomaly[];
  providers: { id: string; name: string }[];
  seriesOptions: { key: string; label: string }[];
  chart: AnomalyChart | null;
};

/** The last 30 whole days' anomalies matching the URL's filters (newest first), and one series' actual vs expected: the URL's, else the newest anomaly's, else the first matching. */
export async function getAnomaliesView(ctx: Ctx, params: AnomalyParams, asOf: Date): Promise<AnomaliesView> {
  const run = await runAnomalySeries(ctx, asOf, ANOMALY_PAGE_DAYS);
  const all = anomaliesOf(run);
  const rows = all.filter((a) => matchesParams(a, params));
  const providers = new Map<string, string>();
  for (const s of run.series) if (s.meta.providerId && s.meta.providerName) providers.set(s.meta.providerId, s.meta.providerName);
  const shown = run.series.filter((s) => matchesParams(s.meta, params));
  const chosen =
    run.series.find((s) => s.meta.key === params.series) ?? run.series.find((s) => s.meta.key === rows[0]?.seriesKey) ?? shown[0];
  const seriesOptions = [...new Set(chosen ? [chosen, ...shown] : shown)]
    .map((s) => ({ key: s.meta.key, label: s.meta.label }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const days = chosen?.input.days.slice(ANOMALY_LOOKBACK_DAYS) ?? [];
  return {
    from: isoDay(addUtcDays(run.from, ANOMALY_LOOKBACK_DAYS)),
    to: isoDay(addUtcDays(run.from, ANOMALY_LOOKBACK_DAYS + run.days - 1)),
    rows,
    providers: [...providers].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    seriesOptions,
    chart: chosen
      ? {
          key: chosen.meta.key,
          label: chosen.meta.label,
          unit: chosen.meta.unit,
          currency: chosen.meta.currency,
          points: anomalyPoints(days, verdictsOf(chosen, ANOMALY_LOOKBACK_DAYS), chosen.meta.unit),
        }
      : null,
  };
}
