import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { acceleratorTypes, offers, providers, sites } from "@/lib/db/schema";
import {
  likePattern,
  optionalText,
  pageCount,
  parseListParams,
  type ListParams,
  type ListResult,
  type ListSpec,
  type RawSearchParams,
} from "@/lib/queries/lists/params";
import { archivedCondition, archivedFilter, optionalId } from "@/lib/queries/lists/filters";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { OFFER_PRICING_MODELS, OFFER_SOURCES } from "@/lib/enums";

export const OFFER_LIST = {
  sortable: ["provider", "where", "type", "model", "term", "rate", "lead", "valid", "source"],
  defaultSort: "rate",
  defaultDir: "asc",
  filters: {
    provider: optionalId,
    site: optionalId,
    family: optionalText,
    model: z.enum(OFFER_PRICING_MODELS).optional(),
    source: z.enum(OFFER_SOURCES).optional(),
    archived: archivedFilter,
  },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type OfferListParams = ListParams<(typeof OFFER_LIST.sortable)[number], typeof OFFER_LIST.filters>;

export function parseOfferListParams(raw: RawSearchParams | URLSearchParams): OfferListParams {
  return parseListParams(OFFER_LIST, raw);
}

const where_ = sql<string>`coalesce(${sites.name}, ${offers.region})`;

const SORT_COLUMNS = {
  provider: providers.name,
  where: where_,
  type: acceleratorTypes.name,
  model: offers.pricingModel,
  term: offers.termMonths,
  rate: offers.rate,
  lead: offers.leadTimeDays,
  valid: offers.validUntil,
  source: offers.source,
} satisfies Record<OfferListParams["sort"], unknown>;

function where(params: OfferListParams): SQL | undefined {
  const { provider, site, family, model, source, archived } = params.filters;
  return and(
    archivedCondition(offers.archivedAt, archived),
    provider ? eq(offers.providerId, provider) : undefined,
    site ? eq(offers.siteId, site) : undefined,
    family ? eq(acceleratorTypes.family, family) : undefined,
    model ? eq(offers.pricingModel, model) : undefined,
    source ? eq(offers.source, source) : undefined,
    params.q ? or(ilike(offers.region, likePattern(params.q)), ilike(offers.note, likePattern(params.q))) : undefined,
  );
}

export type OfferListRow = Awaited<ReturnType<typeof offerRows>>[number];

/** The rows of the filtered, sorted offer list from `offset`; the page and the CSV export read it. */
export function offerRows(ctx: Ctx, params: OfferListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select({
      id: offers.id,
      providerId: offers.providerId,
      providerName: providers.name,
      siteId: offers.siteId,
      siteName: sites.name,
      region: offers.region,
      typeName: acceleratorTypes.name,
      family: acceleratorTypes.family,
      pricingModel: offers.pricingModel,
      termMonths: offers.termMonths,
      rate: offers.rate,
      currency: offers.currency,
      capexPerAccelerator: offers.capexPerAccelerator,
      facilityCapexPerW: offers.facilityCapexPerW,
      depreciationYears: offers.depreciationYears,
      powerPerMwh: offers.powerPerMwh,
      opexPerAh: offers.opexPerAh,
      minQuantity: offers.minQuantity,
      maxQuantity: offers.maxQuantity,
      step: offers.step,
      leadTimeDays: offers.leadTimeDays,
      validFrom: offers.validFrom,
      validUntil: offers.validUntil,
      source: offers.source,
      note: offers.note,
      archivedAt: offers.archivedAt,
    })
    .from(offers)
    .innerJoin(providers, eq(providers.id, offers.providerId))
    .leftJoin(sites, eq(sites.id, offers.siteId))
    .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, offers.acceleratorTypeId))
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(providers.name), asc(acceleratorTypes.name), asc(offers.id))
    .limit(limit)
    .offset(offset);
}

export async function offerListPage(ctx: Ctx, params: OfferListParams): Promise<ListResult<OfferListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(offers)
      .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, offers.acceleratorTypeId))
      .where(where(params)),
    offerRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await offerRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

/** One offer with its provider, site (PUE for a build) and type (system W for a build). */
export async function getOfferDetail(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [row] = await ctx.db
    .select({
      offer: offers,
      providerName: providers.name,
      siteName: sites.name,
      sitePue: sites.pue,
      typeName: acceleratorTypes.name,
      family: acceleratorTypes.family,
      systemW: acceleratorTypes.systemW,
    })
    .from(offers)
    .innerJoin(providers, eq(providers.id, offers.providerId))
    .leftJoin(sites, eq(sites.id, offers.siteId))
    .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, offers.acceleratorTypeId))
    .where(eq(offers.id, id));
  if (!row) return null;
  const { offer, ...names } = row;
  return { ...offer, ...names };
}
