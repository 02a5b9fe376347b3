import { describe, expect, it } from "vitest";
import { ownedOfferRate } from "@/lib/metrics/offer-rate";
import { offerIssues, OfferFields } from "@/lib/services/offers/schemas";
import { ACCELERATORS, accelerator, PROVIDERS } from "./catalog";
import { planDemo } from "./";
import { SITES } from "./sites";

const plan = planDemo(new Date("2026-11-17T09:30:00Z"));
const by = (source: string, model?: string) => plan.offers.filter((o) => o.source === source && (!model || o.pricingModel === model));

describe("demo offers", () => {
  it("seeds the list prices, quotes, renewals and builds", () => {
    expect(by("list")).toHaveLength(250);
    expect(by("list", "on_demand").length).toBeGreaterThan(50);
    expect(by("list", "spot").length).toBeGreaterThan(50);
    expect(by("list", "reserved").map((o) => o.termMonths)).toEqual(expect.arrayContaining([12, 36]));
    expect(by("quote", "reserved").length).toBeGreaterThanOrEqual(40);
    expect(by("renewal").length).toBeGreaterThanOrEqual(1);
    expect(
      by("quote", "owned")
        .map((o) => `${o.site} ${o.family}`)
        .sort(),
    ).toEqual(["Headroom Ridge B200", "Headroom Ridge H100", "Headroom Ridge MI325X"]);
  });

  it("passes the register's own rules, on the demo's providers and accelerators", () => {
    const families = new Set(ACCELERATORS.map((a) => a.family));
    const providers = new Set(PROVIDERS.map((p) => p.key));
    for (const o of plan.offers) {
      const fields = OfferFields.parse({
        providerId: "00000000-0000-4000-8000-000000000001",
        siteId: o.site ? "00000000-0000-4000-8000-000000000002" : "",
        region: o.region ?? "",
        acceleratorTypeId: "00000000-0000-4000-8000-000000000003",
        pricingModel: o.pricingModel,
        termMonths: o.termMonths ?? "",
        rate: o.rate,
        currency: "USD",
        ...o.build,
        minQuantity: o.minQuantity,
        maxQuantity: o.maxQuantity ?? "",
        step: o.step,
        leadTimeDays: o.leadTimeDays,
        validFrom: o.validFrom,
        validUntil: o.validUntil ?? "",
        source: o.source,
        note: o.note,
      });
      expect(offerIssues(fields), o.note).toEqual({});
      expect(families.has(o.family)).toBe(true);
      expect(providers.has(o.provider)).toBe(true);
    }
  });

  it("names each list price's source file and region", () => {
    for (const o of by("list")) {
      expect(o.note).toMatch(/^List price from (gcp|gpuhunt|skypilot)\/\S+: .+ in /);
      expect(o.note).toContain(o.region!);
    }
  });

  it("prices a build with the lease-vs-build definitions at its site's PUE", () => {
    const ridge = SITES.find((s) => s.name === "Headroom Ridge")!;
    for (const o of by("quote", "owned")) {
      expect(o.rate).toBe(ownedOfferRate({ ...o.build!, systemW: accelerator(o.family).systemW, pue: ridge.pue }).toFixed());
    }
    // H100: (35,000 + 10 × 1,275) ÷ (5 × 8,760) = 1.090183 + 1,275 × 1.18 × 80 ÷ 10⁶ = 0.12036 + 0.25 → 1.460543
    expect(by("quote", "owned").find((o) => o.family === "H100")!.rate).toBe("1.460543");
  });

  it("renews only reserved blocks ending within 90 days, at their site", () => {
    for (const o of by("renewal")) {
      const block = plan.reservations.find((r) => o.note.startsWith(`Renewal of ${r.name} `))!;
      expect([block.site, block.family, block.pricingModel]).toEqual([o.site, o.family, "reserved"]);
      expect(block.endAt.getTime() - plan.asOf.getTime()).toBeLessThanOrEqual(90 * 86_400_000);
    }
  });
});
