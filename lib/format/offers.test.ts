import { describe, expect, it } from "vitest";
import { offerPlace, offerQuantities } from "./offers";

describe("offer formats", () => {
  it("names the site, else the region", () => {
    expect(offerPlace({ siteName: "Abilene", region: null })).toBe("Abilene");
    expect(offerPlace({ siteName: null, region: "us-central1" })).toBe("us-central1 (region)");
  });

  it("writes the quantity range in steps", () => {
    expect(offerQuantities({ minQuantity: 8, maxQuantity: 2048, step: 8 })).toBe("8–2,048 by 8");
    expect(offerQuantities({ minQuantity: 1024, maxQuantity: null, step: 1024 })).toBe("1,024+ by 1,024");
  });
});
