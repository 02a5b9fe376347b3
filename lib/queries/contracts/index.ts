import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contracts, providers, reservations } from "@/lib/db/schema";
import {
  pageCount,
  parseListParams,
  likePattern,
  type ListParams,
  type ListResult,
  type ListSpec,
  type RawSearchParams,
} from "@/lib/queries/lists/params";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { CONTRACT_STATUSES } from "@/lib/enums";
import { archivedCondition, archivedFilter, optionalId } from "@/lib/queries/lists/filters";

export const CONTRACT_LIST = {
  sortable: ["name", "provider", "start", "end", "committed", "status", "reservations"],
  defaultSort: "end",
  defaultDir: "asc",
  filters: { provider: optionalId, status: z.enum(CONTRACT_STATUSES).optional(), archived: archivedFilter },
} as const satisfies ListSpec<string, z.ZodRawShape>;

export type ContractListParams = ListParams<(typeof CONTRACT_LIST.sortable)[number], typeof CONTRACT_LIST.filters>;

export function parseContractListParams(raw: RawSearchParams | URLSearchParams): ContractListParams {
  return parseListParams(CONTRACT_LIST, raw);
}

const reservationCount = sql<number>`(select count(*)::int from ${reservations} where ${reservations.contractId} = ${contracts.id} and ${reservations.archivedAt} is null)`;

const SORT_COLUMNS = {
  name: contracts.name,
  provider: providers.name,
  start: contracts.startDate,
  end: contracts.endDate,
  committed: contracts.committedAmount,
  status: contracts.status,
  reservations: reservationCount,
} satisfies Record<ContractListParams["sort"], unknown>;

function where(params: ContractListParams): SQL | undefined {
  const { provider, status, archived } = params.filters;
  return and(
    archivedCondition(contracts.archivedAt, archived),
    provider ? eq(contracts.providerId, provider) : undefined,
    status ? eq(contracts.status, status) : undefined,
    params.q ? or(ilike(contracts.name, likePattern(params.q)), ilike(contracts.reference, likePattern(params.q))) : undefined,
  );
}

export type ContractListRow = Awaited<ReturnType<typeof contractRows>>[number];

/** The rows of the filtered, sorted contract list from `offset`; the page and the CSV export both read it. */
export async function contractRows(ctx: Ctx, params: ContractListParams, offset: number, limit: number) {
  requirePermission(ctx, "app.read");
  const order = params.dir === "asc" ? asc : desc;
  return ctx.db
    .select({
      id: contracts.id,
      name: contracts.name,
      reference: contracts.reference,
      providerId: contracts.providerId,
      providerName: providers.name,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      committedAmount: contracts.committedAmount,
      currency: contracts.currency,
      discountPct: contracts.discountPct,
      paymentTerms: contracts.paymentTerms,
      status: contracts.status,
      reservationCount,
      archivedAt: contracts.archivedAt,
    })
    .from(contracts)
    .innerJoin(providers, eq(providers.id, contracts.providerId))
    .where(where(params))
    .orderBy(order(SORT_COLUMNS[params.sort]), asc(contracts.name), asc(contracts.id))
    .limit(limit)
    .offset(offset);
}

export async function contractListPage(ctx: Ctx, params: ContractListParams): Promise<ListResult<ContractListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(contracts).innerJoin(providers, eq(providers.id, contracts.providerId)).where(where(params)),
    contractRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await contractRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}
