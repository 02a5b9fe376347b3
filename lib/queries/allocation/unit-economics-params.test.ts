import { describe, expect, it } from "vitest";
import { parseUnitEconomicsRange } from "./unit-economics-params";

const NOW = new Date("2026-12-05T12:00:00Z");
const iso = (r: { from: Date; to: Date }) => [r.from.toISOString().slice(0, 7), r.to.toISOString().slice(0, 7)];

describe("parseUnitEconomicsRange", () => {
  it("defaults to the last 12 complete months", () => {
    const r = parseUnitEconomicsRange({}, NOW);
    expect(iso(r)).toEqual(["2025-12", "2026-12"]);
    expect(r.preset).toBe(12);
  });

  it("reads a preset and an explicit range, the last month inclusive", () => {
    expect(iso(parseUnitEconomicsRange({ months: "6" }, NOW))).toEqual(["2026-06", "2026-12"]);
    const r = parseUnitEconomicsRange({ from: "2026-03", to: "2026-08" }, NOW);
    expect(iso(r)).toEqual(["2026-03", "2026-09"]);
    expect(r.preset).toBeNull();
  });

  it("stops at the last complete month and falls back on a reversed or malformed range", () => {
    expect(iso(parseUnitEconomicsRange({ from: "2026-09", to: "2027-06" }, NOW))).toEqual(["2026-09", "2026-12"]);
    expect(iso(parseUnitEconomicsRange({ from: "2026-12", to: "2027-01" }, NOW))).toEqual(["2025-12", "2026-12"]);
    expect(iso(parseUnitEconomicsRange({ from: "2026-08", to: "2026-03" }, NOW))).toEqual(["2025-12", "2026-12"]);
    expect(iso(parseUnitEconomicsRange({ from: "x", to: "2026-03", months: "7" }, NOW))).toEqual(["2025-12", "2026-12"]);
    expect(iso(parseUnitEconomicsRange({ from: "2020-01", to: "2026-03" }, NOW))).toEqual(["2025-12", "2026-12"]);
  });
});
