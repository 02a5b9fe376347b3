import { dec, sumDec } from "@/lib/metrics/decimal";

import { hoursBetween, monthKeyAt } from "./hours";
import type { PlanModel } from "./model";
import type { FamilyMonth, MonthShares, PlanBlock, PlanOffer, PlanOfferInfo, PlanWorld, ShareSummary, SiteMonth } from "./types";

export type ChosenBlock = PlanBlock & { offerIndex: number; start: number; end: number };

/** The blocks of a solution, with exact committed cost (whole term) and cost inside the horizon. */
export function chosenBlocks(world: PlanWorld, model: PlanModel, values: Map<string, number>): ChosenBlock[] {
  const first = world.months[0] ?? "";
  const M = world.months.length;
  const out: ChosenBlock[] = [];
  for (const c of model.blocks) {
    const steps = values.get(c.name) ?? 0;
    if (steps <= 0) continue;
    const o = world.offers[c.offer] as PlanOffer;
    const quantity = steps * o.step;
    const term = o.pricingModel === "reserved" || o.pricingModel === "owned";
    const rate = dec(o.ratePerHour);
    out.push({
      offerIndex: c.offer,
      start: c.start,
      end: c.end,
      offerId: o.id,
      label: o.label,
      providerId: o.providerId,
      providerName: o.providerName,
      vendor: o.vendor,
      siteId: o.siteId,
      family: o.family,
      pricingModel: o.pricingModel,
      quantity,
      h100e: quantity * o.h100ePerUnit,
      startMonth: world.months[c.start] ?? "",
      endMonth: monthKeyAt(first, term ? c.start + o.termMonths - 1 : M - 1),
      termMonths: term ? o.termMonths : M - c.start,
      ratePerHour: o.ratePerHour,
      committedCost: dec(quantity).times(c.hours).times(rate).toFixed(),
      costInHorizon: dec(quantity)
        .times(hoursBetween(first, c.start, c.end))
        .times(rate)
        .toFixed(),
      leadTimeDays: o.leadTimeDays,
      ...offerInfo(o),
    });
  }
  return out;
}

function offerInfo(o: PlanOffer): PlanOfferInfo {
  const { acceleratorTypeId, typeName, siteName, region, source } = o;
  return Object.fromEntries(Object.entries({ acceleratorTypeId, typeName, siteName, region, source }).filter(([, v]) => v !== undefined));
}

export function totalCost(blocks: PlanBlock[], field: "committedCost" | "costInHorizon"): string {
  return sumDec(blocks.map((b) => b[field])).toFixed();
}

function heldIn(b: ChosenBlock, m: number): boolean {
  return b.start <= m && m < b.end;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function familyMonths(world: PlanWorld, blocks: ChosenBlock[], coverDual: (f: number, m: number) => number): FamilyMonth[] {
  return world.families.flatMap((family, f) =>
    world.months.map((month, m) => {
      const demand = world.demand[family]?.[m] ?? 0;
      const before = world.existingCapacity[family]?.[m] ?? 0;
      const after = before + blocks.reduce((a, b) => a + (b.family === family && heldIn(b, m) ? b.h100e : 0), 0);
      return {
        family,
        month,
        demand,
        capacityBefore: before,
        capacityAfter: round6(after),
        unmet: round6(Math.max(0, demand - after)),
        marginalUsdPerH100e: coverDual(f, m),
      };
    }),
  );
}

export function siteMonths(world: PlanWorld, blocks: ChosenBlock[]): SiteMonth[] {
  return world.sites.flatMap((site) =>
    world.months.map((month, m) => {
      const before = site.existingMw[m] ?? 0;
      const added = blocks.reduce(
        (a, b) =>
          a + (b.siteId === site.id && heldIn(b, m) ? (b.quantity * (world.offers[b.offerIndex]?.facilityWattsPerUnit ?? 0)) / 1e6 : 0),
        0,
      );
      return { siteId: site.id, month, budgetMw: site.budgetMw?.[m] ?? null, mwBefore: before, mwAfter: before + added };
    }),
  );
}

export function holderName(world: PlanWorld, dimension: "provider" | "vendor" | "site", id: string): string {
  if (dimension === "site") return world.sites.find((s) => s.id === id)?.name ?? world.names?.[id] ?? id;
  if (dimension === "provider") return world.offers.find((o) => o.providerId === id)?.providerName ?? world.names?.[id] ?? id;
  return id;
}

function summary(world: PlanWorld, dimension: "provider" | "vendor" | "site", held: Map<string, number>): ShareSummary {
  const total = [...held.values()].reduce((a, x) => a + x, 0);
  let largestId = "";
  let largest = 0;
  let hhi = 0;
  for (const [id, h] of held) {
    const share = total > 0 ? h / total : 0;
    hhi += share * share * 10_000;
    if (share > largest) [largestId, largest] = [id, share];
  }
  return { largestId, largestName: largestId ? holderName(world, dimension, largestId) : "", largestShare: largest, hhi };
}

export function monthShares(world: PlanWorld, blocks: ChosenBlock[]): MonthShares[] {
  const key = { provider: (b: ChosenBlock) => b.providerId, vendor: (b: ChosenBlock) => b.vendor, site: (b: ChosenBlock) => b.siteId };
  const existing = { provider: world.existingByProvider, vendor: world.existingByVendor, site: world.existingBySite };
  return world.months.map((month, m) => {
    const of = (dimension: "provider" | "vendor" | "site") => {
      const held = new Map<string, number>();
      for (const [id, series] of Object.entries(existing[dimension])) if ((series[m] ?? 0) > 0) held.set(id, series[m] ?? 0);
      for (const b of blocks) {
        const id = key[dimension](b);
        if (id !== null && heldIn(b, m)) held.set(id, (held.get(id) ?? 0) + b.h100e);
      }
      return summary(world, dimension, held);
    };
    return { month, provider: of("provider"), vendor: of("vendor"), site: of("site") };
  });
}
