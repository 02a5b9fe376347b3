import { aliasedTable, and, asc, count, desc, eq, gt, ilike, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { acceleratorTypes, contracts, providers, reservations, sites } from "@/lib/db/schema";
import {
  optionalText,
  pageCount,
  parseListParams,
  likePattern,
  type ListParams,
  type ListResult,
  type ListSpec,
  type RawSearchParams,
} from "@/lib/queries/lists/params";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { RESERVATION_STATUSES } from "@/lib/enums";
import { EXPIRING_DAYS, expiringWithin } from "@/lib/metrics/expiring";
import type { Period } from "@/lib/metrics/period";
import { TIMELINE_GROUPS } from "@/lib/queries/reservations/timeline";
import { archivedCondition, archivedFilter, optionalId } from "@/lib/queries/lists/filters";

export const RESERVATION_LIST = {
  sortable: ["name", "provider", "site", "type", "quantity", "start", "end", "rate", "status"],
  defaultSort: "start",
  defaultDir: "asc",
  filters: {
    provider: optionalId,
    site: optionalId,
    family: optionalText,
    contract: optionalId,
    status: z.enum(RESERVATION_STATUSES).optional(),
    archived: archivedFilter,
    /** How the timeline groups its lanes; not a row filter. */
    group: z.enum(TIMELINE_GROUPS).optional(),
    /** The timeline's page (TIMELINE_PAGE_SIZE blocks each); not a row filter. */
    timeline: z.coerce.number().int().min(1).max(100_000).optional(),
  },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type ReservationListParams = ListParams<(typeof RESERVATION_LIST.sortable)[number], typeof RESERVATION_LIST.filters>;

export function parseReservationListParams(raw: RawSearchParams | URLSearchParams): ReservationListParams {
  return parseListParams(RESERVATION_LIST, raw);
}

const linkedContract = aliasedTable(contracts, "linked_contract");

const SORT_COLUMNS = {
  name: reservations.name,
  provider: providers.name,
  site: sites.name,
  type: acceleratorTypes.name,
  quantity: reservations.quantity,
  start: reservations.startAt,
  end: reservations.endAt,
  rate: reservations.rate,
  status: reservations.status,
} satisfies Record<ReservationListParams["sort"], unknown>;

function where(params: ReservationListParams): SQL | undefined {
  const { provider, site, family, contract, status, archived } = params.filters;
  return and(
    archivedCondition(reservations.archivedAt, archived),
    provider ? eq(reservations.providerId, provider) : undefined,
    site ? eq(reservations.siteId, site) : undefined,
    family ? eq(acceleratorTypes.family, family) : undefined,
    contract ? eq(reservations.contractId, contract) : undefined,
    status ? eq(reservations.status, status) : undefined,
    params.q
      ? or(ilike(reservations.name, likePattern(params.q)), ilike(reservations.capacityReservationId, likePattern(params.q)))
      : undefined,
  );
}

export type ReservationListRow = Awaited<ReturnType<typeof reservationRows>>[number];

/** The rows of the filtered, sorted reservation list from `offset`; the page, the timeline and the CSV export read it. */
export function reservationRows(ctx: Ctx, params: ReservationListParams, offset: number, limit: number) {
  const order = params.dir === "asc" ? asc : desc;
  return selectReservations(ctx, where(params), [order(SORT_COLUMNS[params.sort]), asc(reservations.name)], offset, limit);
}

async function selectReservations(ctx: Ctx, condition: SQL | undefined, orderBy: SQL[], offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  return ctx.db
    .select({
      id: reservations.id,
      name: reservations.name,
      providerId: reservations.providerId,
      providerName: providers.name,
      siteId: reservations.siteId,
      siteName: sites.name,
      acceleratorTypeId: reservations.acceleratorTypeId,
      typeName: acceleratorTypes.name,
      family: acceleratorTypes.family,
      contractId: reservations.contractId,
      contractName: linkedContract.name,
      contractReference: linkedContract.reference,
      quantity: reservations.quantity,
      startAt: reservations.startAt,
      endAt: reservations.endAt,
      pricingModel: reservations.pricingModel,
      rate: reservations.rate,
      currency: reservations.currency,
      status: reservations.status,
      deliveryDate: reservations.deliveryDate,
      capacityReservationId: reservations.capacityReservationId,
      archivedAt: reservations.archivedAt,
    })
    .from(reservations)
    .innerJoin(providers, eq(providers.id, reservations.providerId))
    .innerJoin(sites, eq(sites.id, reservations.siteId))
    .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
    .leftJoin(linkedContract, eq(linkedContract.id, reservations.contractId))
    .where(condition)
    .orderBy(...orderBy)
    .limit(limit)
    .offset(offset);
}

export async function reservationListPage(ctx: Ctx, params: ReservationListParams): Promise<ListResult<ReservationListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(reservations)
      .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
      .where(where(params)),
    reservationRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await reservationRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}

export const TIMELINE_LIMIT = 1500;
/** Blocks per timeline page: enough to see the lanes fill, few enough that the page stays small (1,500 bars come to about 3.5 MB). */
export const TIMELINE_PAGE_SIZE = 200;

/**
 * One page of the filtered blocks that overlap the window, earliest start first (then name, then id), for the
 * timeline: the page asked for in `params.filters.timeline` (1 by default, past the last page → the last page), how
 * many blocks overlap the window in all, and the page count.
 */
export async function reservationTimelinePage(
  ctx: Ctx,
  params: ReservationListParams,
  window: Period,
  pageSize = TIMELINE_PAGE_SIZE,
): Promise<ListResult<ReservationListRow>> {
  requirePermission(ctx, "app.read");
  const condition = and(where(params), gt(reservations.endAt, window.from), lt(reservations.startAt, window.to));
  const order = [asc(reservations.startAt), asc(reservations.name), asc(reservations.id)];
  const asked = params.filters.timeline ?? 1;
  const [[total], firstRows] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(reservations)
      .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
      .where(condition),
    selectReservations(ctx, condition, order, (asked - 1) * pageSize, pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, pageSize);
  const rows = asked > pages ? await selectReservations(ctx, condition, order, (pages - 1) * pageSize, pageSize) : firstRows;
  return { rows, total: n, page: Math.min(asked, pages), pageCount: pages, pageSize: pageSize };
}

/** The filtered blocks whose term ends within the next 90 days of asOf, soonest first. */
export async function expiringReservations(ctx: Ctx, params: ReservationListParams, asOf: Date) {
  const horizon = new Date(asOf.getTime() + EXPIRING_DAYS * 86_400_000);
  const candidates = await selectReservations(
    ctx,
    and(where(params), gt(reservations.endAt, asOf), lte(reservations.endAt, horizon)),
    [asc(reservations.endAt), asc(reservations.name)],
    0,
    TIMELINE_LIMIT,
  );
  return expiringWithin(candidates, asOf, EXPIRING_DAYS);
}
