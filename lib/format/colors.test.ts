import { describe, expect, it } from "vitest";
import { familyColor, PALETTE, providerColor, seriesColor, seriesStyle, vendorColor } from "./colors";

describe("colours", () => {
  it("gives each known family its own colour", () => {
    const families = [
      "H100",
      "H200",
      "B200",
      "GB200",
      "MI300X",
      "MI325X",
      "MI355X",
      "Trainium",
      "Trainium2",
      "TPU v5p",
      "TPU v6e",
      "CS-3",
      "Gaudi 3",
      "MTIA",
    ];
    expect(new Set(families.map(familyColor)).size).toBe(families.length);
  });

  it("gives the same family the same colour every time, whatever the case", () => {
    expect(familyColor("Custom-X")).toBe(familyColor("custom-x"));
    expect(PALETTE).toContain(familyColor("Custom-X"));
  });

  it("gives each demo provider its own colour, stable across spellings", () => {
    const providers = ["Microsoft Azure", "AWS", "Google Cloud", "Oracle OCI", "CoreWeave", "Headroom Owned", "Switch"];
    expect(new Set(providers.map(providerColor)).size).toBe(providers.length);
    expect(providerColor("Amazon Web Services")).toBe(providerColor("AWS"));
    expect(PALETTE).toContain(providerColor("Some Neocloud"));
  });

  it("gives each known chip vendor its own colour", () => {
    const vendors = ["NVIDIA", "AMD", "AWS", "Google", "Cerebras", "Intel"];
    expect(new Set(vendors.map(vendorColor)).size).toBe(vendors.length);
    expect(vendorColor("nvidia")).toBe(vendorColor("NVIDIA"));
    expect(PALETTE).toContain(vendorColor("Some Startup"));
  });

  it("cycles the categorical colours for series, dashed on the second round", () => {
    expect(seriesColor(10)).toBe(seriesColor(0));
    expect(seriesStyle(3).dashed).toBe(false);
    expect(seriesStyle(12)).toEqual({ color: seriesColor(2), dashed: true });
  });

  it("draws ten sites in ten colours far apart, each readable on light and dark cards", () => {
    const colours = Array.from({ length: 10 }, (_, i) => seriesColor(i));
    for (const c of colours) {
      expect(contrast(c, "#ffffff"), c).toBeGreaterThanOrEqual(3);
      expect(contrast(c, "#0f172a"), c).toBeGreaterThanOrEqual(3);
    }
    // CIE76 ΔE ≥ 25 between every pair: clearly different hues (blue-500 vs indigo-500 is 22.7, violet vs indigo 14.5).
    for (let i = 0; i < colours.length; i++)
      for (let j = i + 1; j < colours.length; j++)
        expect(deltaE(colours[i]!, colours[j]!), `${colours[i]} vs ${colours[j]}`).toBeGreaterThanOrEqual(25);
  });
});

// sRGB → relative luminance (WCAG) and CIELAB (D65), for the checks above.
const channels = (hex: string) =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
const luminance = (hex: string) => {
  const [r, g, b] = channels(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
function contrast(a: string, b: string): number {
  const [lo, hi] = [luminance(a), luminance(b)].sort((x, y) => x - y) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));
