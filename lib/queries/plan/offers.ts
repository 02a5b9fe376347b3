import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { isoDate, isoTs } from "@/lib/db/sql";
import { parseUtc } from "@/lib/metrics/calendar";
import { deliverySlipP80Days } from "@/lib/metrics/delivery-slip";
import { toUsd, type FxRates } from "@/lib/metrics/fx";
import { firstStartMonth, offerReadyAt } from "@/lib/metrics/lead-time";
import { dec } from "@/lib/metrics/decimal";
import { ownedOfferRate } from "@/lib/metrics/offer-rate";
import type { PlanningModel } from "@/lib/planning/model";
import type { PlanOffer, PlanPricingModel } from "@/lib/planning/procurement/types";
import type { PlanInputs } from "@/lib/validation/plan";

type OfferRow = {
  id: string;
  provider_id: string;
  provider_name: string;
  site_id: string | null;
  site_name: string | null;
  region: string | null;
  accelerator_type_id: string;
  type_name: string;
  source: "quote" | "list" | "renewal";
  family: string;
  vendor: string;
  factor: string;
  system_w: number;
  pricing_model: PlanPricingModel;
  term_months: number | null;
  rate: string;
  currency: string;
  capex_per_accelerator: string | null;
  facility_capex_per_w: string | null;
  depreciation_years: string | null;
  power_per_mwh: string | null;
  opex_per_ah: string | null;
  min_quantity: number;
  max_quantity: number | null;
  step: number;
  lead_time_days: number;
  valid_from: string;
};

/**
 * Offers not archived (nor their provider, site or type) that can be ordered in [asOf, horizon end). A cloud-region
 * offer (no site) carries the provider's site in that region (sites.region_code, not archived; the first by name), so
 * a plan's block can be saved as a reservation there; with no such site, site_id stays null.
 */
export function readOffers(db: Executor, asOf: Date, horizonEnd: Date): Promise<OfferRow[]> {
  return queryRows<OfferRow>(
    db,
    sql`select o.id, o.provider_id, p.name as provider_name, coalesce(o.site_id, rs.id) as site_id,
               coalesce(s.name, rs.name) as site_name, o.region, o.accelerator_type_id, o.source::text as source,
               t.name as type_name, t.family, t.vendor, t.h100_equivalent::text as factor, t.system_w,
               o.pricing_model::text as pricing_model, o.term_months, o.rate::text as rate, o.currency,
               o.capex_per_accelerator::text as capex_per_accelerator, o.facility_capex_per_w::text as facility_capex_per_w,
               o.depreciation_years::text as depreciation_years, o.power_per_mwh::text as power_per_mwh,
               o.opex_per_ah::text as opex_per_ah, o.min_quantity, o.max_quantity, o.step, o.lead_time_days,
               ${isoDate("o.valid_from")} as valid_from
        from offers o
        join providers p on p.id = o.provider_id
        join accelerator_types t on t.id = o.accelerator_type_id
        left join sites s on s.id = o.site_id
        left join lateral (
          select rs.id, rs.name from sites rs
          where o.site_id is null and rs.provider_id = o.provider_id and rs.region_code = o.region and rs.archived_at is null
          order by rs.name, rs.id limit 1
        ) rs on true
        where o.archived_at is null and p.archived_at is null and t.archived_at is null and s.archived_at is null
          and o.valid_from < ${horizonEnd.toISOString().slice(0, 10)}::date
          and (o.valid_until is null or o.valid_until > ${asOf.toISOString().slice(0, 10)}::date)
        order by p.name, t.name, o.pricing_model, o.term_months nulls first, o.id`,
  );
}

/** Each provider's p80 delivery slip in days (lib/metrics/delivery-slip.ts) over its reservations delivered by asOf. */
export async function readDeliverySlips(db: Executor, asOf: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ provider_id: string; start_at: string; delivery_date: string }>(
    db,
    sql`select provider_id, ${isoTs("start_at")} as start_at, ${isoDate("delivery_date")} as delivery_date
        from reservations where archived_at is null and delivery_date is not null`,
  );
  const byProvider = new Map<string, { startAt: Date; deliveryDate: Date }[]>();
  for (const r of rows) {
    const list = byProvider.get(r.provider_id) ?? [];
    list.push({ startAt: parseUtc(r.start_at), deliveryDate: parseUtc(r.delivery_date) });
    byProvider.set(r.provider_id, list);
  }
  return new Map([...byProvider].map(([id, blocks]) => [id, deliverySlipP80Days(blocks, asOf)]));
}

const MODEL_WORDS: Record<PlanPricingModel, string> = { reserved: "reserved", on_demand: "on-demand", spot: "spot", owned: "build" };

/** "AWS Trainium2 reserved 12 mo · Rainier": the provider once, even when the type's name starts with it ("AWS Trainium2"). */
export function offerLabel(
  r: Pick<OfferRow, "provider_name" | "type_name" | "pricing_model" | "term_months" | "site_name" | "region">,
): string {
  const term = r.term_months ? ` ${r.term_months} mo` : "";
  const named = r.type_name.toLowerCase().startsWith(`${r.provider_name.toLowerCase()} `);
  const what = named ? r.type_name : `${r.provider_name} ${r.type_name}`;
  return `${what} ${MODEL_WORDS[r.pricing_model]}${term} · ${r.region ?? r.site_name ?? ""}`;
}

function allowed(r: OfferRow, inputs: PlanInputs, families: ReadonlySet<string>): boolean {
  if (!families.has(r.family)) return false;
  if (r.pricing_model === "on_demand") return !inputs.noOnDemand;
  if (r.pricing_model === "spot") return !inputs.noSpot;
  if (r.pricing_model === "owned") return !inputs.noBuild;
  return true;
}

/** USD per accelerator-hour: a lease's rate, a build's from its inputs at the (scenario's) site PUE; null without an FX rate. */
function usdRate(r: OfferRow, pue: string | undefined, rates: FxRates): string | null {
  const rate =
    r.pricing_model === "owned" && pue !== undefined
      ? ownedOfferRate({
          capexPerAccelerator: r.capex_per_accelerator!,
          facilityCapexPerW: r.facility_capex_per_w!,
          depreciationYears: r.depreciation_years!,
          powerPerMwh: r.power_per_mwh!,
          opexPerAh: r.opex_per_ah!,
          systemW: r.system_w,
          pue,
        })
      : r.rate;
  return toUsd(rate, r.currency, rates)?.toFixed() ?? null;
}

/**
 * The offers the plan may buy, as the solver takes them: the chosen families and pricing models; rates in USD; the first
 * month a block may start from the lead time (and the provider's p80 slip when planning for late delivery); a minimum
 * no larger than one step dropped (any block already meets it); offers another one beats left out (withoutDominated).
 * Offers with no FX rate for their currency are left out
 * and named in `warnings`.
 */
export function planOffers(input: {
  rows: readonly OfferRow[];
  inputs: PlanInputs;
  families: ReadonlySet<string>;
  model: PlanningModel;
  asOf: Date;
  firstMonth: Date;
  slips: ReadonlyMap<string, number>;
  rates: FxRates;
}): { offers: PlanOffer[]; warnings: string[] } {
  const { inputs, model } = input;
  const pue = new Map(model.sites.map((s) => [s.id, s.pue]));
  const offers: PlanOffer[] = [];
  const noRate = new Map<string, number>();
  const siteless = new Map<string, number>();
  for (const r of input.rows) {
    if (!allowed(r, inputs, input.families)) continue;
    // A reservation is always held at a site: an offer in a cloud region with no site of ours could not be saved or
    // shown on the pages, so the plan leaves it out and says how to let it in.
    if (r.site_id === null) {
      const where = `${r.provider_name} ${r.region ?? ""}`.trim();
      siteless.set(where, (siteless.get(where) ?? 0) + 1);
      continue;
    }
    const sitePue = r.site_id ? pue.get(r.site_id) : undefined;
    const rate = usdRate(r, sitePue, input.rates);
    if (rate === null) {
      noRate.set(r.currency, (noRate.get(r.currency) ?? 0) + 1);
      continue;
    }
    const slipDays = inputs.lateDelivery ? (input.slips.get(r.provider_id) ?? 0) : 0;
    const ready = offerReadyAt({ asOf: input.asOf, validFrom: parseUtc(r.valid_from), leadTimeDays: r.lead_time_days, slipDays });
    offers.push({
      id: r.id,
      label: offerLabel(r),
      providerId: r.provider_id,
      providerName: r.provider_name,
      vendor: r.vendor,
      siteId: r.site_id,
      family: r.family,
      pricingModel: r.pricing_model,
      termMonths: r.term_months ?? 0,
      ratePerHour: rate,
      h100ePerUnit: Number(r.factor),
      facilityWattsPerUnit: r.system_w * Number(sitePue ?? 1),
      minQuantity: r.min_quantity > r.step ? r.min_quantity : 0,
      maxQuantity: r.max_quantity,
      step: r.step,
      earliestStartMonth: firstStartMonth(input.firstMonth, ready),
      leadTimeDays: Math.round(r.lead_time_days + slipDays),
      acceleratorTypeId: r.accelerator_type_id,
      typeName: r.type_name,
      siteName: r.site_name,
      region: r.region,
      source: r.source,
    });
  }
  const warnings = [...noRate].map(
    ([currency, n]) =>
      `${n} offer${n === 1 ? "" : "s"} in ${currency} left out: no exchange rate (set HEADROOM_FX_RATES, e.g. ${currency}=1.08).`,
  );
  if (siteless.size) warnings.push(sitelessWarning(siteless));
  return { offers: withoutDominated(offers), warnings };
}

/** "12 offers in 3 cloud regions with no site of ours are left out (AWS ap-south-1, …): add a site …". */
export function sitelessWarning(siteless: ReadonlyMap<string, number>): string {
  const n = [...siteless.values()].reduce((a, b) => a + b, 0);
  const places = [...siteless.keys()].sort();
  const named = places.length > 4 ? `${places.slice(0, 4).join(", ")} and ${places.length - 4} more` : places.join(", ");
  return `${n} offer${n === 1 ? "" : "s"} in ${places.length} cloud region${places.length === 1 ? "" : "s"} with no site of ours ${n === 1 ? "is" : "are"} left out (${named}): a reservation is held at a site, so add the region as a site under Sites to let the plan buy there.`;
}

function sameTerms(o: PlanOffer): string {
  return JSON.stringify([
    o.providerId,
    o.siteId,
    o.family,
    o.vendor,
    o.h100ePerUnit,
    o.siteId === null ? 0 : o.facilityWattsPerUnit,
    o.pricingModel,
    o.termMonths,
    o.step,
    o.minQuantity,
  ]);
}

/**
 * The offers without those another makes useless: of two offers with no quantity limit that agree on everything the
 * plan weighs but rate and first start (provider, site, family, vendor, H100e and power per unit, pricing model, term,
 * step, minimum), one no dearer and starting no later serves every block the other could (on ties the first kept). A
 * list catalog's same chip in many regions of one cloud becomes one offer; nothing a plan could choose is lost.
 */
export function withoutDominated(offers: readonly PlanOffer[]): PlanOffer[] {
  const groups = new Map<string, PlanOffer[]>();
  for (const o of offers) {
    if (o.maxQuantity !== null) continue;
    const key = sameTerms(o);
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const dropped = new Set<PlanOffer>();
  for (const group of groups.values()) {
    group.forEach((b, i) => {
      const beaten = group.some(
        (a, j) =>
          j !== i &&
          !dropped.has(a) &&
          a.earliestStartMonth <= b.earliestStartMonth &&
          dec(a.ratePerHour).lte(b.ratePerHour) &&
          (j < i || a.earliestStartMonth < b.earliestStartMonth || dec(a.ratePerHour).lt(b.ratePerHour)),
      );
      if (beaten) dropped.add(b);
    });
  }
  return offers.filter((o) => !dropped.has(o));
}
