import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import { centsKeepingSum, type PoolShare } from "@/lib/metrics/showback";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { acceleratorTypes, allocations, reservations, teams, workloads } from "@/lib/db/schema";
import type { WorkloadKind } from "@/lib/enums";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead, pageClock } from "@/lib/cache/read";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { getCostsFromUrl } from "../costs/from-url";
import { getShowback } from "./showback";

// The /allocation page, its drills and the chargeback CSV: getShowback's months rounded to cents (centsKeepingSum
// over every amount of the month, so rows add up to the total), rolled up through the team hierarchy, beside the
// Costs page's own total for the same month (its query, not a recomputation).

export type Amounts = {
  allocatedAh: Dec;
  h100eAh: Dec;
  usedAh: Dec;
  idleAh: Dec;
  usedCost: Dec;
  idleCost: Dec;
  unmeasuredCost: Dec;
  directCost: Dec;
  sharedCost: Dec;
  total: Dec;
};
const AMOUNT_KEYS = [
  "allocatedAh",
  "h100eAh",
  "usedAh",
  "idleAh",
  "usedCost",
  "idleCost",
  "unmeasuredCost",
  "directCost",
  "sharedCost",
  "total",
] as const satisfies readonly (keyof Amounts)[];

const zero = () => new Dec(0);
export const emptyAmounts = (): Amounts => Object.fromEntries(AMOUNT_KEYS.map((k) => [k, zero()])) as Amounts;
function addInto(to: Amounts, from: Amounts): Amounts {
  for (const k of AMOUNT_KEYS) to[k] = to[k].plus(from[k]);
  return to;
}
const isEmpty = (a: Amounts) => AMOUNT_KEYS.every((k) => a[k].isZero());

export type ShowbackTeam = { id: string; name: string; costCentre: string | null; parentId: string | null; path: string; level: number };
export type ShowbackWorkload = { id: string; name: string; kind: WorkloadKind; teamId: string };

export type TeamRow = ShowbackTeam & {
  /** The team's own workloads and its own share of the pools. */
  own: Amounts;
  /** Own + every sub-team's, down the hierarchy. */
  rolled: Amounts;
};

export type ShowbackMonthView = {
  month: Period;
  /** YYYY-MM. */
  key: string;
  /** As on Costs: actual where the provider's month is billed, planned otherwise; "mixed" when the month has both. */
  source: "actual" | "planned" | "mixed";
  actual: Dec;
  planned: Dec;
  /** The Costs page's total for the month, to the cent. */
  costsTotal: Dec;
  /** Σ of the top-level teams' rolled totals (= Σ of every team's own). */
  teamsSum: Dec;
  unallocated: Dec;
  total: Dec;
  /** teamsSum + unallocated − costsTotal: zero when the invariant holds. */
  difference: Dec;
  teams: Map<string, TeamRow>;
  workloads: Map<string, Amounts>;
  pools: { family: string; ah: Dec; cost: Dec; rule: PoolShare["rule"]; unallocated: Dec }[];
};

export type ShowbackView = {
  asOf: Date;
  currency: string;
  /** [from, to) in whole months. */
  from: Date;
  to: Date;
  months: ShowbackMonthView[];
  /** The range summed (rounded amounts, so it adds up as each month does). */
  range: Omit<ShowbackMonthView, "month" | "key" | "source" | "actual" | "planned" | "pools"> & { actual: Dec; planned: Dec };
  /** Every team in tree order (a parent before its children, siblings by name). */
  teams: ShowbackTeam[];
  workloads: Map<string, ShowbackWorkload>;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 24;
const monthParam = (d: Date) => d.toISOString().slice(0, 7);
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
function parseMonth(v: string | undefined): Date | null {
  const m = v ? MONTH.exec(v.trim()) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : null;
}

/**
 * The range from the URL: `from` and `to` as YYYY-MM, both months included; by default the last 3 complete months
 * and the current one. A reversed pair is swapped; at most 24 months.
 */
export function parseShowbackRange(raw: RawSearchParams | URLSearchParams, now: Date): { from: Date; to: Date } {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : first(raw[k]));
  const current = startOfUtcMonth(now);
  let from = parseMonth(get("from")) ?? addUtcMonths(current, -3);
  let last = parseMonth(get("to")) ?? (get("from") ? addUtcMonths(from, 3) : current);
  if (last < from) [from, last] = [last, from];
  if (last >= addUtcMonths(from, MAX_MONTHS)) last = addUtcMonths(from, MAX_MONTHS - 1);
  return { from, to: addUtcMonths(last, 1) };
}

/** `?from=YYYY-MM&to=YYYY-MM` of a range (to: its last month). */
export function showbackQuery(range: { from: Date; to: Date }): string {
  return `?from=${monthParam(range.from)}&to=${monthParam(addUtcMonths(range.to, -1))}`;
}

/** Teams in tree order with their path and level (the hierarchy is at most 4 deep). */
function treeOrder(rows: { id: string; name: string; costCentre: string | null; parentId: string | null }[]): ShowbackTeam[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const parent = r.parentId && byId.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: ShowbackTeam[] = [];
  const walk = (parent: string | null, path: string[]) => {
    const kids = (children.get(parent) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name));
    for (const k of kids) {
      const mine = [...path, k.name];
      out.push({ id: k.id, name: k.name, costCentre: k.costCentre, parentId: parent, path: mine.join(" › "), level: mine.length });
      walk(k.id, mine);
    }
  };
  walk(null, []);
  return out;
}

/** Own amounts → rolled up through the tree (children first: reverse tree order). */
function rollUp(order: readonly ShowbackTeam[], own: Map<string, Amounts>): Map<string, TeamRow> {
  const rows = new Map<string, TeamRow>();
  for (const t of order) {
    const mine = own.get(t.id) ?? emptyAmounts();
    rows.set(t.id, { ...t, own: mine, rolled: addInto(emptyAmounts(), mine) });
  }
  for (const t of [...order].reverse()) {
    if (t.parentId) addInto(rows.get(t.parentId)!.rolled, rows.get(t.id)!.rolled);
  }
  return rows;
}

/**
 * Showback for [from, to) at asOf: per month and team (own and rolled up) and workload, rounded to cents that add up,
 * with the Costs page's total beside it. All reads in one round: the showback's and the cost view's at once.
 */
export async function getShowbackView(ctx: Ctx, range: { from: Date; to: Date }, asOf = pageClock()): Promise<ShowbackView> {
  requirePermission(ctx, "app.read");
  return cachedRead("showback", ctx.db, { from: range.from, to: range.to, asOf }, () => computeView(ctx, range, asOf));
}

async function computeView(ctx: Ctx, range: { from: Date; to: Date }, asOf: Date): Promise<ShowbackView> {
  const costParams = new URLSearchParams({ from: monthParam(range.from), to: monthParam(addUtcMonths(range.to, -1)) });
  const [months, costs, teamRows, workloadRows] = await Promise.all([
    getShowback(ctx, { from: range.from, to: range.to, asOf }),
    getCostsFromUrl(ctx, costParams, asOf),
    ctx.db.select({ id: teams.id, name: teams.name, costCentre: teams.costCentre, parentId: teams.parentId }).from(teams),
    ctx.db.select({ id: workloads.id, name: workloads.name, kind: workloads.kind, teamId: workloads.teamId }).from(workloads),
  ]);
  const order = treeOrder(teamRows);
  const workloadsById = new Map(workloadRows.map((w) => [w.id, w]));
  const spend = new Map(costs.view.spend.map((s) => [s.month.from.getTime(), s]));

  const views = months.map((m): ShowbackMonthView => {
    // Round every amount of the month at once so the rows add up to the month's total.
    const wl = [...m.byWorkload];
    const shared = [...m.sharedByTeam];
    const parts = [
      ...wl.flatMap(([, c]) => [c.usedCost, c.idleCost, c.unmeasuredCost, c.directCost]),
      ...shared.map(([, v]) => v),
      m.unallocated,
    ];
    const cents = centsKeepingSum(parts, m.total);
    const byWorkload = new Map<string, Amounts>();
    const own = new Map<string, Amounts>();
    const ownOf = (team: string) => {
      let a = own.get(team);
      if (!a) own.set(team, (a = emptyAmounts()));
      return a;
    };
    wl.forEach(([id, c], i) => {
      const [usedCost, idleCost, unmeasuredCost, directCost] = cents.slice(i * 4, i * 4 + 4) as [Dec, Dec, Dec, Dec];
      const a: Amounts = {
        allocatedAh: c.allocatedAh,
        h100eAh: m.h100eAh.get(id) ?? zero(),
        usedAh: c.usedAh,
        idleAh: c.idleAh,
        usedCost,
        idleCost,
        unmeasuredCost,
        directCost,
        sharedCost: zero(),
        total: usedCost.plus(idleCost).plus(unmeasuredCost).plus(directCost),
      };
      byWorkload.set(id, a);
      const team = workloadsById.get(id)?.teamId;
      if (team) addInto(ownOf(team), a);
    });
    shared.forEach(([team], j) => {
      const v = cents[wl.length * 4 + j]!;
      const a = ownOf(team);
      a.sharedCost = a.sharedCost.plus(v);
      a.total = a.total.plus(v);
    });
    const unallocated = cents[cents.length - 1]!;
    const teamsMap = rollUp(order, own);
    const teamsSum = [...own.values()].reduce((s, a) => s.plus(a.total), zero());
    const s = spend.get(m.month.from.getTime());
    const costsTotal = (s?.total ?? zero()).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
    const actual = s?.actual ?? zero();
    const planned = s?.planned ?? zero();
    return {
      month: m.month,
      key: monthParam(m.month.from),
      source: planned.isZero() && !actual.isZero() ? "actual" : actual.isZero() ? "planned" : "mixed",
      actual,
      planned,
      costsTotal,
      teamsSum,
      unallocated,
      total: m.total.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN),
      difference: teamsSum.plus(unallocated).minus(costsTotal),
      teams: teamsMap,
      workloads: byWorkload,
      pools: [...m.pools].map(([family, p]) => ({ family, ah: p.ah, cost: p.cost, rule: p.rule, unallocated: p.unallocated })),
    };
  });

  const sumOwn = new Map<string, Amounts>();
  const sumWorkloads = new Map<string, Amounts>();
  for (const v of views) {
    for (const [id, t] of v.teams) if (!isEmpty(t.own)) addInto(sumOwn.get(id) ?? sumOwn.set(id, emptyAmounts()).get(id)!, t.own);
    for (const [id, a] of v.workloads) addInto(sumWorkloads.get(id) ?? sumWorkloads.set(id, emptyAmounts()).get(id)!, a);
  }
  const add = (f: (v: ShowbackMonthView) => Dec) => views.reduce((s, v) => s.plus(f(v)), zero());
  const teamsSum = add((v) => v.teamsSum);
  const unallocated = add((v) => v.unallocated);
  const costsTotal = add((v) => v.costsTotal);
  return {
    asOf,
    currency: costs.view.currency,
    from: range.from,
    to: range.to,
    months: views,
    range: {
      costsTotal,
      teamsSum,
      unallocated,
      total: add((v) => v.total),
      difference: teamsSum.plus(unallocated).minus(costsTotal),
      actual: add((v) => v.actual),
      planned: add((v) => v.planned),
      teams: rollUp(order, sumOwn),
      workloads: sumWorkloads,
    },
    teams: order,
    workloads: new Map(workloadRows.map((w) => [w.id, w])),
  };
}

/** The blocks allocated to a workload (archived allocations left out), newest first, with their reservation. */
export async function workloadAllocations(ctx: Ctx, workloadId: string) {
  requirePermission(ctx, "app.read");
  return ctx.db
    .select({
      id: allocations.id,
      reservationId: reservations.id,
      reservationName: reservations.name,
      family: acceleratorTypes.family,
      typeName: acceleratorTypes.name,
      quantity: allocations.quantity,
      blockQuantity: reservations.quantity,
      startAt: allocations.startAt,
      endAt: allocations.endAt,
    })
    .from(allocations)
    .innerJoin(reservations, eq(reservations.id, allocations.reservationId))
    .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
    .where(and(eq(allocations.workloadId, workloadId), isNull(allocations.archivedAt)))
    .orderBy(desc(allocations.startAt), asc(reservations.name));
}
