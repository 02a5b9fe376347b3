import { describe, expect, it } from "vitest";
import { createRng, mulberry32, seedFromLabel } from "./random";

describe("seed PRNG", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
  });

  it("matches the reference mulberry32 output, so the demo data never drifts silently", () => {
    const next = mulberry32(1);
    expect([next(), next(), next()].map((x) => Math.round(x * 4294967296))).toEqual([2693262067, 11749833, 2265367787]);
  });

  it("draws from [0, 1) and changes with the seed", () => {
    const values = Array.from({ length: 10_000 }, mulberry32(7));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });

  it("gives each label its own stable stream", () => {
    expect(seedFromLabel("reservations:ATL")).toBe(seedFromLabel("reservations:ATL"));
    expect(seedFromLabel("reservations:ATL")).not.toBe(seedFromLabel("reservations:ABI"));
    expect(createRng("x").next()).toBe(createRng("x").next());
  });

  it("keeps integers within their inclusive bounds and reaches both ends", () => {
    const rng = createRng(3);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it("picks by weight and never picks a zero weight", () => {
    const rng = createRng(11);
    const picks = Array.from({ length: 4000 }, () =>
      rng.weighted([
        { value: "a", weight: 3 },
        { value: "b", weight: 1 },
        { value: "never", weight: 0 },
      ]),
    );
    const a = picks.filter((p) => p === "a").length;
    expect(picks).not.toContain("never");
    expect(a / picks.length).toBeGreaterThan(0.7);
    expect(a / picks.length).toBeLessThan(0.8);
  });

  it("makes lowercase hex of the asked length", () => {
    expect(createRng(5).hex(17)).toMatch(/^[0-9a-f]{17}$/);
  });
});
