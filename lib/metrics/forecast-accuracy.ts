import { forecastSeries, type ForecastPoint } from "./forecast";

export type BacktestPoint = ForecastPoint & { actual: number };
export type Accuracy = { points: number; mape: number | null; wape: number | null; coverage80: number | null; coverage95: number | null };

/** Train on the first `train` values, forecast the next `horizon` (≤ the values left), pair each with what happened. */
export function backtest(series: readonly number[], train: number, horizon = series.length - train): BacktestPoint[] {
  const steps = Math.min(horizon, series.length - train);
  if (train < 1 || steps < 1) return [];
  return forecastSeries(series.slice(0, train), steps).points.map((p) => ({ ...p, actual: series[train + p.h - 1]! }));
}

/**
 * MAPE = mean |actual − median| ÷ actual × 100 over points whose actual is > 0; WAPE = Σ |actual − median| ÷ Σ actual
 * × 100 (not blown up by months of tiny use); coverage = share of points whose actual lies within the band (bounds included).
 */
export function accuracy(points: readonly BacktestPoint[]): Accuracy {
  const positive = points.filter((p) => p.actual > 0);
  const actual = points.reduce((sum, p) => sum + p.actual, 0);
  const share = (inside: (p: BacktestPoint) => boolean) => (points.length ? points.filter(inside).length / points.length : null);
  return {
    points: points.length,
    mape: positive.length ? (positive.reduce((s, p) => s + Math.abs(p.actual - p.median) / p.actual, 0) / positive.length) * 100 : null,
    wape: actual > 0 ? (points.reduce((sum, p) => sum + Math.abs(p.actual - p.median), 0) / actual) * 100 : null,
    coverage80: share((p) => p.actual >= p.lower80 && p.actual <= p.upper80),
    coverage95: share((p) => p.actual >= p.lower95 && p.actual <= p.upper95),
  };
}
