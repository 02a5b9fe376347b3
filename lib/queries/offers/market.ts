import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { tsParam } from "@/lib/db/sql";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead } from "@/lib/cache/read";
import { compareToMarket, comparableListModel, marketOf, type Market, type MarketComparison } from "@/lib/metrics/market-rate";
import type { PricingModel } from "@/lib/metrics/planned-cost";
import { blockFilterSql, type CostFilters } from "@/lib/queries/costs/blocks";
import type { OFFER_PRICING_MODELS } from "@/lib/enums";

type OfferModel = (typeof OFFER_PRICING_MODELS)[number];

/** List prices (offers of source `list`, not archived, valid on the day) by accelerator type and currency. */
export type ListRates = {
  byType: ReadonlyMap<string, readonly { model: OfferModel; rate: string }[]>;
  /** Markets already sorted, by type, currency and the block's pricing model. */
  markets: Map<string, Market | null>;
};

const key = (typeId: string, currency: string) => `${typeId}|${currency}`;

export async function loadListRates(ctx: Ctx, asOf: Date): Promise<ListRates> {
  requirePermission(ctx, "app.read");
  const day = asOf.toISOString().slice(0, 10);
  const rows = await queryRows<{ accelerator_type_id: string; currency: string; model: OfferModel; rate: string }>(
    ctx.db,
    sql`select accelerator_type_id, currency, pricing_model::text as model, rate::text as rate from offers
        where source = 'list' and archived_at is null and valid_from <= ${day}::date and (valid_until is null or valid_until > ${day}::date)`,
  );
  const byType = new Map<string, { model: OfferModel; rate: string }[]>();
  for (const r of rows) {
    const k = key(r.accelerator_type_id, r.currency);
    byType.set(k, [...(byType.get(k) ?? []), { model: r.model, rate: r.rate }]);
  }
  return { byType, markets: new Map() };
}

/** A block's rate against the comparable list prices of its type and currency (lib/metrics/market-rate.ts). */
export function blockMarket(
  list: ListRates,
  b: { acceleratorTypeId: string; currency: string; pricingModel: PricingModel; rate: string; quantity: number },
): MarketComparison | null {
  const k = `${key(b.acceleratorTypeId, b.currency)}|${b.pricingModel}`;
  if (!list.markets.has(k)) {
    const rates = (list.byType.get(key(b.acceleratorTypeId, b.currency)) ?? []).filter((l) => comparableListModel(b.pricingModel, l.model));
    list.markets.set(k, marketOf(rates.map((l) => l.rate)));
  }
  const market = list.markets.get(k)!;
  return market ? compareToMarket(market, b.rate, b.quantity) : null;
}

export type MarketRow = {
  id: string;
  name: string;
  providerName: string;
  siteName: string;
  typeName: string;
  family: string;
  quantity: number;
  pricingModel: PricingModel;
  rate: string;
  currency: string;
  market: MarketComparison | null;
};

/**
 * The reservations held on `asOf` (not archived, not expired, asOf ∈ [start, end)) that match the filters, each
 * with its rate against the market; those furthest above the median list price a year first, those without a
 * market last.
 */
export async function getMarketRates(
  ctx: Ctx,
  filters: Pick<CostFilters, "provider" | "family" | "site">,
  asOf: Date,
): Promise<MarketRow[]> {
  requirePermission(ctx, "app.read");
  const { provider, family, site } = filters;
  return cachedRead("market-rates", ctx.db, { provider, family, site, asOf }, () => loadMarketRates(ctx, { provider, family, site }, asOf));
}

async function loadMarketRates(ctx: Ctx, filters: Pick<CostFilters, "provider" | "family" | "site">, asOf: Date): Promise<MarketRow[]> {
  const [list, rows] = await Promise.all([
    loadListRates(ctx, asOf),
    queryRows<{
      id: string;
      name: string;
      provider_name: string;
      site_name: string;
      accelerator_type_id: string;
      type_name: string;
      family: string;
      quantity: number;
      pricing_model: PricingModel;
      rate: string;
      currency: string;
    }>(
      ctx.db,
      sql`select r.id, r.name, p.name as provider_name, s.name as site_name, r.accelerator_type_id, t.name as type_name, t.family,
                 r.quantity, r.pricing_model::text as pricing_model, r.rate::text as rate, r.currency
          from reservations r
          join providers p on p.id = r.provider_id
          join sites s on s.id = r.site_id
          join accelerator_types t on t.id = r.accelerator_type_id
          where ${blockFilterSql(filters)} and r.status <> 'expired' and r.start_at <= ${tsParam(asOf)} and r.end_at > ${tsParam(asOf)}
          order by r.name`,
    ),
  ]);
  const out = rows.map((r): MarketRow => ({
    id: r.id,
    name: r.name,
    providerName: r.provider_name,
    siteName: r.site_name,
    typeName: r.type_name,
    family: r.family,
    quantity: r.quantity,
    pricingModel: r.pricing_model,
    rate: r.rate,
    currency: r.currency,
    market: blockMarket(list, {
      acceleratorTypeId: r.accelerator_type_id,
      currency: r.currency,
      pricingModel: r.pricing_model,
      rate: r.rate,
      quantity: r.quantity,
    }),
  }));
  return out.sort((a, b) => {
    if (!a.market || !b.market) return a.market ? -1 : b.market ? 1 : 0;
    return b.market.abovePerYear.comparedTo(a.market.abovePerYear);
  });
}
