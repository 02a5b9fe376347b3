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
import { Dec } from "@/lib/metrics/decimal";
import { getContractBurndowns, type ContractBurndown } from "./burndown";

export const CONTRACT_LIST = {
  sortable: ["name", "provider", "start", "end", "committed", "status", "reservations", "consumed", "burned", "projected", "gap"],
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
};

type BurndownSort = Exclude<ContractListParams["sort"], keyof typeof SORT_COLUMNS>;

// The burn-down's columns sort in memory (they are computed, not stored): consumed, share of the commitment
// consumed, projected at end (the final position once ended), and the gap to the commitment (shortfall below 0).
const BURNDOWN_SORT_KEYS = {
  consumed: (b) => b.consumed,
  burned: (b) => (b.committed.isZero() ? (b.consumed.gt(0) ? new Dec(Infinity) : new Dec(0)) : b.consumed.div(b.committed)),
  projected: (b) => b.atEnd,
  gap: (b) => b.atEnd.minus(b.committed),
} satisfies Record<BurndownSort, (b: ContractBurndown) => Dec>;

const isBurndownSort = (sort: ContractListParams["sort"]): sort is BurndownSort => Object.hasOwn(BURNDOWN_SORT_KEYS, sort);

function where(params: ContractListParams): SQL | undefined {
  const { provider, status, archived } = params.filters;
  return and(
    archivedCondition(contracts.archivedAt, archived),
    provider ? eq(contracts.providerId, provider) : undefined,
    status ? eq(contracts.status, status) : undefined,
    params.q ? or(ilike(contracts.name, likePattern(params.q)), ilike(contracts.reference, likePattern(params.q))) : undefined,
  );
}

export type ContractRow = Awaited<ReturnType<typeof contractRows>>[number];
export type ContractListRow = ContractRow & { burndown: ContractBurndown };

/**
 * The rows of the filtered contract list from `offset`, sorted by a stored column (a burn-down sort falls back to
 * the name here: contractListRows sorts those).
 */
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
    .orderBy(isBurndownSort(params.sort) ? asc(contracts.name) : order(SORT_COLUMNS[params.sort]), asc(contracts.name), asc(contracts.id))
    .limit(limit)
    .offset(offset);
}

/**
 * The rows of the filtered, sorted contract list from `offset`, each with its burn-down at asOf; the page and the CSV
 * exports read it. Burn-downs are computed for the rows in one batch (getContractBurndowns: three or four queries);
 * a sort by a burn-down column computes them for every filtered contract, sorts and then slices.
 */
export async function contractListRows(
  ctx: Ctx,
  params: ContractListParams,
  offset: number,
  limit: number,
  asOf = new Date(),
): Promise<ContractListRow[]> {
  const withBurndowns = async (rows: ContractRow[]) => {
    const burndowns = await getContractBurndowns(ctx, rows, asOf);
    return rows.map((r, i) => ({ ...r, burndown: burndowns[i]! }));
  };
  if (!isBurndownSort(params.sort)) return withBurndowns(await contractRows(ctx, params, offset, limit));
  const key = BURNDOWN_SORT_KEYS[params.sort];
  const sign = params.dir === "asc" ? 1 : -1;
  const all = await withBurndowns(await contractRows(ctx, params, 0, Number.MAX_SAFE_INTEGER));
  // Array.prototype.sort is stable: ties keep contractRows' order (name, id).
  return all.sort((a, b) => sign * key(a.burndown).comparedTo(key(b.burndown))).slice(offset, offset + limit);
}

export async function contractListPage(ctx: Ctx, params: ContractListParams, asOf = new Date()): Promise<ListResult<ContractListRow>> {
  requirePermission(ctx, "app.read");
  const [[total], firstRows] = await Promise.all([
    ctx.db.select({ n: count() }).from(contracts).innerJoin(providers, eq(providers.id, contracts.providerId)).where(where(params)),
    contractListRows(ctx, params, (params.page - 1) * params.pageSize, params.pageSize, asOf),
  ]);
  const n = Number(total?.n ?? 0);
  const pages = pageCount(n, params.pageSize);
  const rows = params.page > pages ? await contractListRows(ctx, params, (pages - 1) * params.pageSize, params.pageSize, asOf) : firstRows;
  return { rows, total: n, page: Math.min(params.page, pages), pageCount: pages, pageSize: params.pageSize };
}
