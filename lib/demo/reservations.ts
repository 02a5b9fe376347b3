import type { Executor } from "@/lib/db/client";
import { reservations } from "@/lib/db/schema";
import { accelerator, provider, type CatalogIds, type Family } from "./catalog";
import { SEED_ACTOR, WINDOW_END_MONTHS, WINDOW_START_MONTHS } from "./constants";
import { linkableContracts, type ContractSeed } from "./contracts";
import { isoDay } from "@/lib/metrics/calendar";
import { addDays, minDate, monthDay } from "./dates";
import { drawQuantity, drawRate } from "./pricing";
import type { ReservationStatus } from "@/lib/metrics/capacity";
import type { PricingModel } from "@/lib/metrics/planned-cost";
import type { ReservationPlan } from "./reservation-plan";
import { createRng, type Rng } from "./random";
import { SITES, type SiteSeed } from "./sites";

type Timing = { startAt: Date; endAt: Date; contract: ContractSeed | null };

const DURATIONS = [6, 9, 12, 12, 18, 24, 24, 36] as const;

// Start months skew towards the future (capacity grows); terms that would run past the contract or
// the seed window end with it, as co-terminous blocks do.
function reservedTiming(rng: Rng, site: SiteSeed, m0: Date): Timing {
  const contracts = linkableContracts(site.provider);
  const contract = contracts.length > 0 && rng.chance(0.8) ? rng.pick(contracts) : null;
  const lo = Math.max(WINDOW_START_MONTHS, contract?.fromMonth ?? WINDOW_START_MONTHS);
  const hi = Math.min(WINDOW_END_MONTHS, contract?.toMonth ?? WINDOW_END_MONTHS);
  const from = lo + Math.floor((hi - lo - 3) * rng.next() ** site.startBias);
  const to = Math.min(hi, from + rng.pick(DURATIONS));
  const day = to < hi && rng.chance(0.35) ? 15 : 1;
  return { startAt: monthDay(m0, from, day), endAt: monthDay(m0, to, day), contract };
}

// A block whose term ends 1–2.5 months after the month of asOf: always within 90 days of asOf.
function expiringTiming(rng: Rng, site: SiteSeed, m0: Date): Timing {
  const endMonth = rng.int(1, 2);
  const day = rng.pick([1, 15]);
  const endsBy = endMonth + (day === 1 ? 0 : 1);
  const contracts = linkableContracts(site.provider).filter((c) => c.fromMonth <= endMonth - 6 && c.toMonth >= endsBy);
  const contract = contracts.length > 0 ? rng.pick(contracts) : null;
  const from = Math.max(endMonth - rng.pick([6, 12, 18]), contract?.fromMonth ?? WINDOW_START_MONTHS, WINDOW_START_MONTHS);
  return { startAt: monthDay(m0, from, day), endAt: monthDay(m0, endMonth, day), contract };
}

// Pay-as-you-go bursts of two weeks to four months, bought in the past or this month.
function burstTiming(rng: Rng, m0: Date): Timing {
  const startAt = monthDay(m0, rng.int(WINDOW_START_MONTHS, 0), rng.int(1, 28));
  return { startAt, endAt: addDays(startAt, rng.int(14, 120)), contract: null };
}

// Capacity arrives on its start date, or late ("time in queue"); owned sites run late more often.
function deliveryDate(rng: Rng, site: SiteSeed, timing: Timing): Date {
  if (!rng.chance(site.provider === "owned" ? 0.4 : 0.18)) return timing.startAt;
  return minDate(addDays(timing.startAt, rng.int(7, 75)), addDays(timing.endAt, -30));
}

function statusAt(startAt: Date, endAt: Date, asOf: Date): ReservationStatus {
  if (startAt > asOf) return "planned";
  return endAt > asOf ? "active" : "expired";
}

function planSite(site: SiteSeed, m0: Date, asOf: Date): Omit<ReservationPlan, "name">[] {
  const rng = createRng(`reservations:${site.code}`);
  const ownedHardware = site.provider === "owned" || site.provider === "switch";
  const blocks: Omit<ReservationPlan, "name">[] = [];
  for (let i = 0; i < site.blocks; i++) {
    const family = rng.weighted(site.mix);
    const pricingModel: PricingModel =
      ownedHardware || i === 0
        ? "reserved"
        : rng.weighted([
            { value: "reserved" as const, weight: 84 },
            { value: "on_demand" as const, weight: 8 },
            { value: "spot" as const, weight: 8 },
          ]);
    const timing =
      pricingModel !== "reserved"
        ? burstTiming(rng, m0)
        : i === 0 && site.blocks >= 10
          ? expiringTiming(rng, site, m0)
          : reservedTiming(rng, site, m0);
    const delivery = pricingModel === "reserved" ? deliveryDate(rng, site, timing) : null;
    const withCapacityId = site.provider === "aws" || (pricingModel === "reserved" && !ownedHardware && rng.chance(0.4));
    blocks.push({
      provider: site.provider,
      site: site.name,
      family,
      contractReference: timing.contract?.reference ?? null,
      quantity: drawQuantity(rng, family, pricingModel),
      startAt: timing.startAt,
      endAt: timing.endAt,
      pricingModel,
      rate: drawRate(rng, family, pricingModel, ownedHardware),
      status: statusAt(timing.startAt, timing.endAt, asOf),
      deliveryDate: delivery ? isoDay(delivery) : null,
      capacityReservationId: withCapacityId ? `cr-${rng.hex(17)}` : null,
    });
  }
  return blocks;
}

// Names like AZ-ATL-GB200-07, numbered per site and family in order of start.
export function planReservations(asOf: Date, m0: Date): ReservationPlan[] {
  return SITES.flatMap((site) => {
    const counters = new Map<Family, number>();
    return planSite(site, m0, asOf)
      .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.quantity - b.quantity)
      .map((block) => {
        const n = (counters.get(block.family) ?? 0) + 1;
        counters.set(block.family, n);
        const name = `${provider(site.provider).code}-${site.code}-${accelerator(block.family).code}-${String(n).padStart(2, "0")}`;
        return { ...block, name };
      });
  });
}

export async function insertReservations(
  tx: Executor,
  plans: readonly ReservationPlan[],
  ids: { catalog: CatalogIds; sites: Map<string, string>; contracts: Map<string, string> },
): Promise<Map<string, string>> {
  const rows = await tx
    .insert(reservations)
    .values(
      plans.map((r) => ({
        name: r.name,
        providerId: ids.catalog.providers.get(r.provider)!,
        siteId: ids.sites.get(r.site)!,
        acceleratorTypeId: ids.catalog.accelerators.get(r.family)!,
        contractId: r.contractReference ? ids.contracts.get(r.contractReference)! : null,
        quantity: r.quantity,
        startAt: r.startAt,
        endAt: r.endAt,
        pricingModel: r.pricingModel,
        rate: r.rate,
        currency: "USD",
        status: r.status,
        deliveryDate: r.deliveryDate,
        capacityReservationId: r.capacityReservationId,
        updatedBy: SEED_ACTOR,
      })),
    )
    .returning({ id: reservations.id, name: reservations.name });
  return new Map(rows.map((r) => [r.name, r.id]));
}
