import { describe, expect, it } from "vitest";
import {
  activeHistory,
  ALPHA_GRID,
  BETA_GRID,
  dampedSum,
  forecastSeries,
  PHI_GRID,
  varianceMultiplier,
  Z80,
  Z95,
  type SmoothingParams,
} from "./forecast";

const width95 = (p: { lower95: number; upper95: number }) => p.upper95 - p.lower95;

describe("dampedSum", () => {
  it("is φ + φ² + … + φ^h, and h when φ = 1", () => {
    expect(dampedSum(0.9, 3)).toBeCloseTo(0.9 + 0.81 + 0.729, 12);
    expect(dampedSum(1, 7)).toBe(7);
  });
});

describe("forecastSeries", () => {
  it("forecasts a constant series as that constant with zero-width bands", () => {
    const f = forecastSeries(Array(10).fill(50), 24);
    expect(f.method).toBe("damped-holt");
    expect(f.sigma).toBe(0);
    for (const p of f.points) expect([p.median, p.lower80, p.upper80, p.lower95, p.upper95]).toEqual([50, 50, 50, 50, 50]);
  });

  it("extrapolates a perfect line when the trend is not damped (φ = 1)", () => {
    // y_t = 10 + 3t for t = 0 … 9: ℓ₀ = 10, b₀ = 3; every one-step forecast is exact, so ℓ₉ = 37, b₉ = 3.
    const y = Array.from({ length: 10 }, (_, t) => 10 + 3 * t);
    const f = forecastSeries(y, 5, { params: { alpha: 0.5, beta: 0.3, phi: 1 } });
    expect(f.residuals.every((e) => Math.abs(e) < 1e-9)).toBe(true);
    expect(f.points.map((p) => p.median)).toEqual([40, 43, 46, 49, 52].map((v) => expect.closeTo(v, 9)));
    expect(f.points.every((p) => p.upper95 - p.lower95 < 1e-9)).toBe(true);
  });

  it("follows the damped Holt recursion worked by hand", () => {
    // y = 10, 12, 15, 15; α = 0.5, β = 0.5, φ = 0.9; ℓ₀ = 10, b₀ = 2.
    // t=1: ŷ = 10 + 0.9×2 = 11.8, e = 0.2; ℓ₁ = 0.5×12 + 0.5×11.8 = 11.9; b₁ = 0.5×1.9 + 0.5×0.9×2 = 1.85
    // t=2: ŷ = 11.9 + 0.9×1.85 = 13.565, e = 1.435; ℓ₂ = 7.5 + 6.7825 = 14.2825; b₂ = 0.5×2.3825 + 0.5×0.9×1.85 = 2.02375
    // t=3: ŷ = 14.2825 + 0.9×2.02375 = 16.103875, e = −1.103875; ℓ₃ = 7.5 + 8.0519375 = 15.5519375;
    //      b₃ = 0.5×1.2694375 + 0.5×0.9×2.02375 = 1.54540625
    // h=1: 15.5519375 + 0.9×1.54540625 = 16.942803125; h=2: 15.5519375 + 1.71×1.54540625 = 18.1945821875
    const params = { alpha: 0.5, beta: 0.5, phi: 0.9 };
    const y = [10, 12, 15, 15];
    const f = forecastSeries(y, 2, { params });
    expect(f.residuals).toEqual([expect.closeTo(0.2, 12), expect.closeTo(1.435, 12), expect.closeTo(-1.103875, 12)]);
    expect(f.points[0]!.median).toBeCloseTo(16.942803125, 9);
    expect(f.points[1]!.median).toBeCloseTo(18.1945821875, 9);
    // σ² = (0.04 + 2.059225 + 1.218540015625) ÷ max(1, 3 residuals − 3 parameters) = 3.317765015625
    expect(f.sigma).toBeCloseTo(Math.sqrt(3.317765015625), 9);
    // v₂ = 1 + (α(1 + β·φ₁))² = 1 + (0.5 × 1.45)² = 1.525625
    expect(varianceMultiplier(params, 2)).toBeCloseTo(1.525625, 12);
    expect(f.points[1]!.upper80).toBeCloseTo(18.1945821875 + Z80 * Math.sqrt(3.317765015625 * 1.525625), 9);
    expect(f.points[1]!.lower95).toBeCloseTo(18.1945821875 - Z95 * Math.sqrt(3.317765015625 * 1.525625), 9);
  });

  it("reproduces a known seasonal series with Holt-Winters from 24 months", () => {
    // y_t = 100 + 2t + p[t mod 12], Σp = 0. Season 1 mean = 100 + 2×5.5 = 111, season 2 mean = 135, so b = 24 ÷ 12 = 2,
    // ℓ at month 11 = 111 + 5.5×2 = 122 and sᵢ = yᵢ − (111 + (i − 5.5)×2) = pᵢ: every later one-step forecast is exact.
    const p = [5, -3, 8, 0, -6, 2, -4, 7, -1, -5, 3, -6];
    const y = (t: number) => 100 + 2 * t + p[t % 12]!;
    const history = Array.from({ length: 36 }, (_, t) => y(t));
    const f = forecastSeries(history, 24, { params: { alpha: 0.3, beta: 0.1, phi: 1, gamma: 0.2 } });
    expect(f.method).toBe("holt-winters");
    expect(f.sigma).toBeCloseTo(0, 9);
    f.points.forEach((pt) => expect(pt.median).toBeCloseTo(y(35 + pt.h), 9));
  });

  it("fits the seasonal series closely on the grid and beats the non-seasonal model out of sample", () => {
    const p = [5, -3, 8, 0, -6, 2, -4, 7, -1, -5, 3, -6];
    const y = (t: number) => 100 + 2 * t + p[t % 12]!;
    const history = Array.from({ length: 36 }, (_, t) => y(t));
    const seasonal = forecastSeries(history, 12);
    const flat = forecastSeries(history, 12, { minSeasonalHistory: 1000 });
    const error = (f: typeof seasonal) => f.points.reduce((s, pt) => s + Math.abs(pt.median - y(35 + pt.h)), 0);
    expect(seasonal.method).toBe("holt-winters");
    expect(flat.method).toBe("damped-holt");
    expect(error(seasonal)).toBeLessThan(error(flat) / 3);
  });

  it("uses damped Holt below 24 months of history", () => {
    expect(
      forecastSeries(
        Array.from({ length: 23 }, (_, t) => t),
        3,
      ).method,
    ).toBe("damped-holt");
    expect(
      forecastSeries(
        Array.from({ length: 24 }, (_, t) => t),
        3,
      ).method,
    ).toBe("holt-winters");
  });

  it("widens its bands with the horizon", () => {
    const noisy = [100, 108, 103, 115, 111, 120, 117, 129, 122, 133, 131, 140];
    const f = forecastSeries(noisy, 24);
    expect(f.sigma).toBeGreaterThan(0);
    for (let i = 1; i < f.points.length; i++) expect(width95(f.points[i]!)).toBeGreaterThan(width95(f.points[i - 1]!));
    for (const pt of f.points) {
      expect(pt.lower95).toBeLessThanOrEqual(pt.lower80);
      expect(pt.lower80).toBeLessThanOrEqual(pt.median);
      expect(pt.median).toBeLessThanOrEqual(pt.upper80);
      expect(pt.upper80).toBeLessThanOrEqual(pt.upper95);
    }
  });

  it("picks the grid point with the least one-step squared error", () => {
    const y = [100, 108, 103, 115, 111, 120, 117, 129, 122, 133, 131, 140];
    const sse = (params: SmoothingParams) => forecastSeries(y, 1, { params }).residuals.reduce((sum, e) => sum + e * e, 0);
    const best = sse(forecastSeries(y, 1).params!);
    for (const alpha of ALPHA_GRID)
      for (const beta of BETA_GRID) for (const phi of PHI_GRID) expect(sse({ alpha, beta, phi })).toBeGreaterThanOrEqual(best - 1e-9);
  });

  it("holds the last value for fewer than four months and forecasts zeros with no history", () => {
    const short = forecastSeries([10, 14, 12], 3);
    expect(short.method).toBe("naive");
    expect(short.points.map((p) => p.median)).toEqual([12, 12, 12]);
    // Random walk: σ = √((4² + 2²) ÷ 2) = √10, v_h = h.
    expect(short.points[2]!.upper95).toBeCloseTo(12 + Z95 * Math.sqrt(10 * 3), 9);
    expect(forecastSeries([], 2).points).toEqual([
      { h: 1, median: 0, lower80: 0, upper80: 0, lower95: 0, upper95: 0 },
      { h: 2, median: 0, lower80: 0, upper80: 0, lower95: 0, upper95: 0 },
    ]);
  });

  it("never forecasts negative use", () => {
    const f = forecastSeries([100, 80, 60, 40, 20, 5], 24, { params: { alpha: 0.5, beta: 0.5, phi: 1 } });
    expect(f.points.every((p) => p.median >= 0 && p.lower95 >= 0)).toBe(true);
    expect(f.points[23]!.median).toBe(0);
  });

  it("refuses a horizon outside 1 … 61 months", () => {
    expect(() => forecastSeries([1, 2, 3, 4], 0)).toThrow(RangeError);
    expect(() => forecastSeries([1, 2, 3, 4], 62)).toThrow(RangeError);
    expect(forecastSeries([1, 2, 3, 4], 61).points).toHaveLength(61);
  });
});

describe("activeHistory", () => {
  it("starts at the first month with use, skipping it when it was only partly reported", () => {
    expect(activeHistory([0, 0, 5, 9, 0, 7])).toEqual([5, 9, 0, 7]);
    expect(activeHistory([0, 5, 9, 7], [false, false, true, false])).toEqual([9, 7]);
    expect(activeHistory([0, 5], [true, false])).toEqual([5]);
    expect(activeHistory([0, 0])).toEqual([]);
  });
});
