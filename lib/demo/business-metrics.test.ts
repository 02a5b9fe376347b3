import { describe, expect, it } from "vitest";
import { BUSINESS_METRIC_DAYS, planBusinessMetrics } from "./business-metrics";
import { WORKLOADS } from "./teams";

const AS_OF = new Date("2026-11-15T13:00:00Z");

describe("demo business metrics", () => {
  const planned = planBusinessMetrics(AS_OF);
  const series = (workload: string) => planned.filter((p) => p.workload === workload);

  it("gives each of the three workloads one value a day for the 180 whole days before asOf, deterministic", () => {
    for (const name of ["Chat inference", "API inference", "Frontier pre-training"]) {
      expect(WORKLOADS.some((w) => w.name === name)).toBe(true);
      const days = series(name).map((p) => p.day);
      expect(days).toHaveLength(BUSINESS_METRIC_DAYS);
      expect(new Set(days).size).toBe(BUSINESS_METRIC_DAYS);
      expect(days[0]).toBe("2026-05-19");
      expect(days.at(-1)).toBe("2026-11-14");
    }
    expect(planBusinessMetrics(AS_OF)).toEqual(planned);
  });

  it("names the metrics by kind and keeps plausible magnitudes (whole tokens)", () => {
    expect(new Set(series("Chat inference").map((p) => p.metric))).toEqual(new Set(["tokens_served"]));
    expect(new Set(series("Frontier pre-training").map((p) => p.metric))).toEqual(new Set(["training_tokens"]));
    for (const p of planned) expect(p.value).toMatch(/^\d+$/);
    const chat = series("Chat inference").map((p) => Number(p.value));
    for (const v of chat) expect(v).toBeGreaterThan(0.9e11);
    for (const v of chat) expect(v).toBeLessThan(5e11);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(chat.slice(-28))).toBeGreaterThan(2.5 * mean(chat.slice(0, 28)));
  });

  it("has API traffic falling over its last six weeks", () => {
    const api = series("API inference").map((p) => Number(p.value));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(api.slice(-14))).toBeLessThan(0.85 * mean(api.slice(-56, -42)));
  });
});
