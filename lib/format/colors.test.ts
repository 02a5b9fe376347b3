import { describe, expect, it } from "vitest";
import { familyColor, PALETTE, providerColor, seriesColor, vendorColor } from "./colors";

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

  it("cycles the palette for series", () => {
    expect(seriesColor(PALETTE.length)).toBe(PALETTE[0]);
  });
});
