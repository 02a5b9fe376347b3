import type { Executor } from "@/lib/db/client";
import { offers } from "@/lib/db/schema";
import { addUtcMonths, isoDay } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import { ownedOfferRate } from "@/lib/metrics/offer-rate";
import { defaultCapex, DEFAULTS } from "@/lib/queries/lease-vs-build/params";
import { accelerator, provider, type CatalogIds, type Family, type ProviderKey } from "./catalog";
import { SEED_ACTOR } from "./constants";
import { LIST_PRICES } from "./list-prices";
import { drawRate } from "./pricing";
import { createRng } from "./random";
import type { ReservationPlan } from "./reservation-plan";
import { SITES, type SiteSeed } from "./sites";

export type OfferPlan = {
  provider: ProviderKey;
  site: string | null;
  region: string | null;
  family: Family;
  pricingModel: "reserved" | "on_demand" | "spot" | "owned";
  termMonths: number | null;
  rate: string;
  build: {
    capexPerAccelerator: string;
    facilityCapexPerW: string;
    depreciationYears: string;
    powerPerMwh: string;
    opexPerAh: string;
  } | null;
  minQuantity: number;
  maxQuantity: number | null;
  step: number;
  leadTimeDays: number;
  validFrom: string;
  validUntil: string | null;
  source: "quote" | "list" | "renewal";
  note: string;
};

// Blocks are sold in whole racks, slices or servers: an NVL72 rack, a 64-chip slice, eight 8-GPU servers.
const STEP: Partial<Record<Family, number>> = { GB200: 72, "TPU v5p": 64, "TPU v6e": 64, Trainium2: 64, "CS-3": 4 };
const stepOf = (family: Family) => STEP[family] ?? 64;
const BLACKWELL = new Set<Family>(["B200", "GB200"]);

// Time in the queue for a reserved block: hyperscalers ~3 months, a neocloud ~6 weeks, a colo ~4 months; Blackwell +2 months.
function quoteLeadTime(site: SiteSeed, family: Family): number {
  const base = { hyperscaler: 90, neocloud: 45, colo: 120, owned: 0 }[provider(site.provider).kind];
  return base + (BLACKWELL.has(family) ? 60 : 0);
}

function listOffers(m0: Date): OfferPlan[] {
  return LIST_PRICES.map((p) => ({
    provider: p.provider,
    site: null,
    region: p.region,
    family: p.family,
    pricingModel: p.model,
    termMonths: p.termMonths,
    rate: p.rate,
    build: null,
    minQuantity: p.step,
    maxQuantity: null,
    step: p.step,
    leadTimeDays: p.model === "reserved" ? 30 : 0,
    validFrom: isoDay(addUtcMonths(m0, -4)),
    validUntil: null,
    source: "list",
    note: `List price from ${p.note}.`,
  }));
}

// A 36-month quote at each leased site for each family it runs, and a 12-month one 12 % dearer; valid for this quarter.
function quoteOffers(m0: Date): OfferPlan[] {
  return SITES.filter((s) => provider(s.provider).kind !== "owned").flatMap((site) =>
    [...new Set(site.mix.map((m) => m.value))].flatMap((family) => {
      const rng = createRng(`offers:${site.code}:${family}`);
      const rate36 = drawRate(rng, family, "reserved", site.provider === "switch");
      const step = stepOf(family);
      const lead = quoteLeadTime(site, family);
      const quote = (termMonths: number, rate: string): OfferPlan => ({
        provider: site.provider,
        site: site.name,
        region: null,
        family,
        pricingModel: "reserved",
        termMonths,
        rate,
        build: null,
        minQuantity: step * 4,
        maxQuantity: step * 128,
        step,
        leadTimeDays: lead,
        validFrom: isoDay(addUtcMonths(m0, -1)),
        validUntil: isoDay(addUtcMonths(m0, 3)),
        source: "quote",
        note: `Demo quote: ${termMonths}-month reserved ${family} at ${site.name}, capacity ${lead} days after signing.`,
      });
      const rate12 = dec(rate36).times("1.12").toDecimalPlaces(4).toFixed();
      return [quote(36, rate36), quote(12, rate12)];
    }),
  );
}

// Each reserved block expiring within 90 days can be renewed in place for a year, 5 % below its current rate.
function renewalOffers(reservations: readonly ReservationPlan[], asOf: Date, m0: Date): OfferPlan[] {
  const horizon = new Date(asOf.getTime() + 90 * 86_400_000);
  return reservations
    .filter((r) => r.pricingModel === "reserved" && r.status === "active" && r.endAt > asOf && r.endAt <= horizon)
    .map((r) => {
      const step = stepOf(r.family);
      return {
        provider: r.provider,
        site: r.site,
        region: null,
        family: r.family,
        pricingModel: "reserved",
        termMonths: 12,
        rate: dec(r.rate).times("0.95").toDecimalPlaces(4).toFixed(),
        build: null,
        minQuantity: step,
        maxQuantity: Math.max(step, Math.floor(r.quantity / step) * step),
        step,
        leadTimeDays: 0,
        validFrom: isoDay(m0),
        validUntil: isoDay(r.endAt),
        source: "renewal",
        note: `Renewal of ${r.name} (ends ${isoDay(r.endAt)}) for 12 months at 5 % below its rate.`,
      };
    });
}

// A build option at each site of our own, per family it runs: the lease-vs-build calculator's documented defaults.
function buildOffers(m0: Date): OfferPlan[] {
  return SITES.filter((s) => provider(s.provider).kind === "owned").flatMap((site) =>
    [...new Set(site.mix.map((m) => m.value))].map((family) => {
      const build = {
        capexPerAccelerator: defaultCapex(family),
        facilityCapexPerW: DEFAULTS.facilityPerW,
        depreciationYears: DEFAULTS.years,
        powerPerMwh: DEFAULTS.power,
        opexPerAh: DEFAULTS.opex,
      };
      const rate = ownedOfferRate({ ...build, systemW: accelerator(family).systemW, pue: site.pue });
      return {
        provider: site.provider,
        site: site.name,
        region: null,
        family,
        pricingModel: "owned",
        termMonths: 60,
        rate: rate.toFixed(),
        build,
        minQuantity: 1024,
        maxQuantity: 16_384,
        step: 512,
        leadTimeDays: BLACKWELL.has(family) ? 365 : 300,
        validFrom: isoDay(m0),
        validUntil: null,
        source: "quote",
        note: `Build at ${site.name}: capex, $/W, years, power and opex are the lease-vs-build calculator's defaults.`,
      };
    }),
  );
}

export function planOffers(reservations: readonly ReservationPlan[], asOf: Date, m0: Date): OfferPlan[] {
  return [...listOffers(m0), ...quoteOffers(m0), ...renewalOffers(reservations, asOf, m0), ...buildOffers(m0)];
}

export async function insertOffers(tx: Executor, plans: readonly OfferPlan[], ids: { catalog: CatalogIds; sites: Map<string, string> }) {
  if (plans.length === 0) return 0;
  await tx.insert(offers).values(
    plans.map((o) => ({
      providerId: ids.catalog.providers.get(o.provider)!,
      siteId: o.site ? ids.sites.get(o.site)! : null,
      region: o.region,
      acceleratorTypeId: ids.catalog.accelerators.get(o.family)!,
      pricingModel: o.pricingModel,
      termMonths: o.termMonths,
      rate: o.rate,
      currency: "USD",
      ...o.build,
      minQuantity: o.minQuantity,
      maxQuantity: o.maxQuantity,
      step: o.step,
      leadTimeDays: o.leadTimeDays,
      validFrom: o.validFrom,
      validUntil: o.validUntil,
      source: o.source,
      note: o.note,
      updatedBy: SEED_ACTOR,
    })),
  );
  return plans.length;
}
