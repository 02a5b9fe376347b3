// Demand forecasting (PRODUCT.md §3): damped Holt, Holt-Winters additive with damping once 24 months exist.
// Statistics run on plain numbers (float64): a forecast is an estimate, never money, and nothing here is summed
// into a bill. Callers convert the medians and bands back to Decimal only where they meet capacity figures.

export const SEASON_PERIOD = 12;
export const MIN_SEASONAL_HISTORY = 2 * SEASON_PERIOD;
/** The Capacity page's forecast months. */
export const MAX_HORIZON = 24;
/** The longest forecast asked for: the running month and the procurement planner's 60 months after it. */
const LONGEST_HORIZON = 61;
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

export type ForecastMethod = "none" | "naive" | "damped-holt" | "holt-winters";
export type SmoothingParams = { alpha: number; beta: number; phi: number; gamma?: number };
export type ForecastPoint = { h: number; median: number; lower80: number; upper80: number; lower95: number; upper95: number };
export type Forecast = {
  method: ForecastMethod;
  params: SmoothingParams | null;
  /** σ of the one-step-ahead residuals: √(Σe² ÷ (residuals − parameters)). */
  sigma: number;
  residuals: number[];
  points: ForecastPoint[];
};

export type ForecastOptions = {
  /** Fix the parameters instead of fitting them on the grid. */
  params?: SmoothingParams;
  seasonPeriod?: number;
  minSeasonalHistory?: number;
};

// The grid searched, in this order; the first combination with the least one-step squared error wins ties.
export const ALPHA_GRID = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
export const BETA_GRID = [0.05, 0.1, 0.2, 0.3, 0.5];
export const PHI_GRID = [0.8, 0.85, 0.9, 0.95, 0.98];
export const GAMMA_GRID = [0.05, 0.1, 0.2, 0.3, 0.5];

type State = { level: number; trend: number; season: number[] };
type Fit = { sse: number; residuals: number[]; state: State; params: SmoothingParams };

/** φ_h = φ + φ² + … + φ^h (h for φ = 1): the damped trend's multiplier h steps ahead. */
export function dampedSum(phi: number, h: number): number {
  let sum = 0;
  let power = 1;
  for (let i = 1; i <= h; i++) {
    power *= phi;
    sum += power;
  }
  return sum;
}

// Damped Holt, ℓ₀ = y₀, b₀ = y₁ − y₀; one-step errors of y₁ … y_{n−1}.
// The fits run once per grid point (1,125 for Holt-Winters): `residuals` null keeps only the squared error, with
// the same arithmetic in the same order, so the search picks what a full fit would, without an array per point.
function runDampedHolt(y: readonly number[], params: SmoothingParams, residuals: number[] | null): Fit {
  const { alpha, beta, phi } = params;
  let level = y[0]!;
  let trend = y[1]! - y[0]!;
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const e = y[t]! - (level + phi * trend);
    residuals?.push(e);
    sse += e * e;
    const previous = level;
    level = alpha * y[t]! + (1 - alpha) * (previous + phi * trend);
    trend = beta * (level - previous) + (1 - beta) * phi * trend;
  }
  return { sse, residuals: residuals ?? [], state: { level, trend, season: [] }, params };
}

type SeasonStart = { level: number; trend: number; season: readonly number[] };

/** Holt-Winters' starting state: the first season decomposed by its mean and the slope to the second season's mean. */
function seasonStart(y: readonly number[], m: number): SeasonStart {
  const mean = (from: number) => y.slice(from, from + m).reduce((a, b) => a + b, 0) / m;
  const first = mean(0);
  const trend = (mean(m) - first) / m;
  const season = Array.from({ length: m }, (_, i) => y[i]! - (first + (i - (m - 1) / 2) * trend));
  return { level: first + ((m - 1) / 2) * trend, trend, season };
}

/** Holt-Winters additive with damped trend from `start` (seasonStart); one-step errors of y_m … y_{n−1}. */
function runHoltWinters(y: readonly number[], params: SmoothingParams, m: number, start: SeasonStart, residuals: number[] | null): Fit {
  const { alpha, beta, phi } = params;
  const gamma = params.gamma ?? 0;
  const season = start.season.slice();
  let level = start.level;
  let trend = start.trend;
  let sse = 0;
  for (let t = m; t < y.length; t++) {
    const s = season[t % m]!;
    const e = y[t]! - (level + phi * trend + s);
    residuals?.push(e);
    sse += e * e;
    const previous = level;
    const previousTrend = trend;
    level = alpha * (y[t]! - s) + (1 - alpha) * (previous + phi * previousTrend);
    trend = beta * (level - previous) + (1 - beta) * phi * previousTrend;
    season[t % m] = gamma * (y[t]! - previous - phi * previousTrend) + (1 - gamma) * s;
  }
  return { sse, residuals: residuals ?? [], state: { level, trend, season }, params };
}

/**
 * h-step variance ÷ one-step variance, from the models' error-correction form (Hyndman et al. 2008, class 1):
 * v_h = 1 + Σ_{j=1}^{h−1} c_j², c_j = α(1 + β·φ_j) + γ·[j mod m = 0]. It grows with h, so bands widen.
 */
export function varianceMultiplier(params: SmoothingParams, h: number, m = SEASON_PERIOD): number {
  let v = 1;
  for (let j = 1; j < h; j++) {
    const c = params.alpha * (1 + params.beta * dampedSum(params.phi, j)) + (params.gamma !== undefined && j % m === 0 ? params.gamma : 0);
    v += c * c;
  }
  return v;
}

/** The grid point with the least one-step squared error (the first on ties), fitted in full. */
function gridSearch(fit: (p: SmoothingParams, residuals: number[] | null) => Fit, seasonal: boolean): Fit {
  let best: { sse: number; params: SmoothingParams } | null = null;
  for (const alpha of ALPHA_GRID)
    for (const beta of BETA_GRID)
      for (const phi of PHI_GRID)
        for (const gamma of seasonal ? GAMMA_GRID : [undefined]) {
          const params = gamma === undefined ? { alpha, beta, phi } : { alpha, beta, phi, gamma };
          const sse = fit(params, null).sse;
          if (!best || sse < best.sse - 1e-9 * Math.max(1, best.sse)) best = { sse, params };
        }
  return fit(best!.params, []);
}

function sigmaOf(residuals: readonly number[], parameters: number): number {
  if (residuals.length === 0) return 0;
  const sse = residuals.reduce((sum, e) => sum + e * e, 0);
  return Math.sqrt(sse / Math.max(1, residuals.length - parameters));
}

function point(h: number, median: number, sigma: number, multiplier: number): ForecastPoint {
  const sd = sigma * Math.sqrt(multiplier);
  const clamp = (x: number) => Math.max(0, x);
  return {
    h,
    median: clamp(median),
    lower80: clamp(median - Z80 * sd),
    upper80: clamp(median + Z80 * sd),
    lower95: clamp(median - Z95 * sd),
    upper95: clamp(median + Z95 * sd),
  };
}

/**
 * Forecast `horizon` (1 … 61) months after the last of `history` (oldest first). ≥ minSeasonalHistory (24) points:
 * Holt-Winters additive, damped; ≥ 4: damped Holt; 1 … 3: the last value held, bands of a random walk from the
 * month-to-month changes; none: zeros. Parameters minimise the one-step squared error over the grids above.
 * Bands: median ± z × σ × √v_h with z = 1.2816 (80 %) and 1.9600 (95 %). Medians and bands are clamped at 0.
 */
export function forecastSeries(history: readonly number[], horizon: number, options: ForecastOptions = {}): Forecast {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > LONGEST_HORIZON)
    throw new RangeError(`Horizon must be 1 to ${LONGEST_HORIZON} months.`);
  if (history.some((y) => !Number.isFinite(y))) throw new RangeError("History must be finite numbers.");
  const m = options.seasonPeriod ?? SEASON_PERIOD;
  const steps = Array.from({ length: horizon }, (_, i) => i + 1);
  const n = history.length;
  if (n === 0) return { method: "none", params: null, sigma: 0, residuals: [], points: steps.map((h) => point(h, 0, 0, 1)) };
  if (n < 4) {
    const residuals = history.slice(1).map((y, i) => y - history[i]!);
    const sigma = sigmaOf(residuals, 0);
    return { method: "naive", params: null, sigma, residuals, points: steps.map((h) => point(h, history[n - 1]!, sigma, h)) };
  }
  const seasonal = n >= (options.minSeasonalHistory ?? MIN_SEASONAL_HISTORY) && n >= 2 * m;
  const start = seasonal ? seasonStart(history, m) : null;
  const fit = (p: SmoothingParams, residuals: number[] | null) =>
    start ? runHoltWinters(history, p, m, start, residuals) : runDampedHolt(history, p, residuals);
  const best = options.params ? fit(seasonal ? { gamma: 0, ...options.params } : options.params, []) : gridSearch(fit, seasonal);
  const { params, state, residuals } = best;
  const sigma = sigmaOf(residuals, seasonal ? 4 : 3);
  return {
    method: seasonal ? "holt-winters" : "damped-holt",
    params,
    sigma,
    residuals,
    points: steps.map((h) => {
      const s = seasonal ? state.season[(n - 1 + h) % m]! : 0;
      return point(h, state.level + dampedSum(params.phi, h) * state.trend + s, sigma, varianceMultiplier(params, h, m));
    }),
  };
}

/**
 * The history from its first month of non-zero use (months before a family existed are not zero demand), that month
 * left out when `complete` says it was reported less than fully and later months exist: a feed that began mid-month
 * gives a partial month, not a low one.
 */
export function activeHistory(values: readonly number[], complete?: readonly boolean[]): number[] {
  const first = values.findIndex((v) => v !== 0);
  if (first < 0) return [];
  return values.slice(complete && complete[first] === false && first + 1 < values.length ? first + 1 : first);
}
