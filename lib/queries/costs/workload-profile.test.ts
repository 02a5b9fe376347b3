import { describe, expect, it } from "vitest";
import { defaultTokensPerSecond, parseWorkloadProfile, profileMap, profileParams } from "./workload-profile";

const families = [
  { family: "H100", h100eFactor: "1" },
  { family: "TPU v5p", h100eFactor: "0.4639" },
  { family: "GB200", h100eFactor: "2.5268" },
];

describe("workload profile", () => {
  it("uses published figures where they exist and scales the H100 figure elsewhere", () => {
    expect(defaultTokensPerSecond({ family: "GB200", h100eFactor: "2.5268" }).tokensPerSecond).toBe("12000");
    // 3,000 × 0.4639 = 1,391.7 → 1,392
    expect(defaultTokensPerSecond({ family: "TPU v5p", h100eFactor: "0.4639" }).tokensPerSecond).toBe("1392");
  });

  it("takes edited values from the URL and ignores bad ones", () => {
    const entries = parseWorkloadProfile(new URLSearchParams("tps.H100=4,500&tps.TPU v5p=-3&tps.GB200=12000"), families);
    expect(entries.map((e) => [e.family, e.tokensPerSecond, e.edited])).toEqual([
      ["GB200", "12000", false],
      ["H100", "4500", true],
      ["TPU v5p", "1392", false],
    ]);
    expect(profileMap(entries).get("H100")).toBe("4500");
    expect(profileParams(entries)).toEqual([["tps.H100", "4500"]]);
  });

  it("reads plain search-param records too", () => {
    const entries = parseWorkloadProfile({ "tps.TPU v5p": ["2000", "1"] }, families);
    expect(entries.find((e) => e.family === "TPU v5p")!.tokensPerSecond).toBe("2000");
    expect(parseWorkloadProfile({ "tps.H100": "99999999" }, families).find((e) => e.family === "H100")!.edited).toBe(false);
  });
});
