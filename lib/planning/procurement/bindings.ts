import { formatDecimal, formatMoney, formatPercent } from "@/lib/format/number";

import { monthLabel } from "./hours";
import type { PlanModel, RowInfo } from "./model";
import { holderName } from "./plan-result";
import type { Binding, FamilyMonth, PlanOffer, PlanWorld, UnmetCause } from "./types";

const DUAL_EPS = 1e-6;

export type Duals = { rowDual: Float64Array | null; activity: Float64Array };

/** A row binds when the plan meets its bound, or when its dual on the plan's support is not 0 (a whole step more would not fit). */
function binds(model: PlanModel, { rowDual, activity }: Duals, r: number): boolean {
  const dual = Math.abs(rowDual?.[r] ?? 0) > DUAL_EPS;
  // An offer's maximum row reads 0 ≤ 0 both when unused and when bought to the maximum (its used binary):
  // only its dual tells.
  if (model.rows[r]?.kind === "offer_max") return dual;
  const rhs = model.rowRhs[r] ?? 0;
  return (activity[r] ?? 0) >= rhs - Math.max(1e-6, Math.abs(rhs) * 1e-7) || dual;
}

/** Runs of consecutive months, each with its rows. */
function runs<T extends { month: number }>(items: T[]): T[][] {
  const out: T[][] = [];
  for (const it of [...items].sort((a, b) => a.month - b.month)) {
    const last = out.at(-1);
    if (last && (last.at(-1)?.month ?? -2) === it.month - 1) last.push(it);
    else out.push([it]);
  }
  return out;
}

function span(world: PlanWorld, from: number, to: number): string {
  const a = monthLabel(world.months[from] ?? "");
  return from === to ? `in ${a}` : `from ${a} to ${monthLabel(world.months[to] ?? "")}`;
}

/**
 * H100e-months of demand left unmet that 1 MW more at the site would let the plan cover over the run: in each
 * month, the unmet H100e of the families its offers serve (ready by then, not bought to their maximum), at most what
 * a MW holds of the densest such offer. While demand stays unmet the power row's dual is the unmet-demand penalty
 * less the offer's cost (a price no one pays): the sentence then says what the MW would cover instead.
 */
function unmetCoveredPerMw(world: PlanWorld, site: string, months: number[], families: FamilyMonth[], bought: Map<number, number>) {
  const unmet = new Map(families.map((x) => [`${x.family}:${x.month}`, x.unmet]));
  const served = new Set<string>();
  let total = 0;
  for (const m of months) {
    const perMw = new Map<string, number>();
    world.offers.forEach((o, oi) => {
      if (o.siteId !== site || o.earliestStartMonth > m || o.facilityWattsPerUnit <= 0) return;
      if (o.maxQuantity !== null && (bought.get(oi) ?? 0) >= o.maxQuantity - 1e-9) return;
      if ((unmet.get(`${o.family}:${world.months[m] ?? ""}`) ?? 0) <= 1e-6) return;
      perMw.set(o.family, Math.max(perMw.get(o.family) ?? 0, (1e6 / o.facilityWattsPerUnit) * o.h100ePerUnit));
    });
    let best = 0;
    for (const [family, h] of perMw) {
      const covered = Math.min(h, unmet.get(`${family}:${world.months[m] ?? ""}`) ?? 0);
      if (covered > best) best = covered;
      served.add(family);
    }
    total += best;
  }
  return { total, families: [...served].sort() };
}

function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

/** `bought`: accelerators of each offer (by index) in the plan. */
export function powerBindings(
  world: PlanWorld,
  model: PlanModel,
  { rowDual }: Duals,
  families: FamilyMonth[] = [],
  bought: Map<number, number> = new Map(),
): Binding[] {
  if (!rowDual) return [];
  const bySite = new Map<number, { month: number; dual: number }[]>();
  model.rows.forEach((row, r) => {
    const d = -(rowDual[r] ?? 0);
    if (row.kind === "power" && d > DUAL_EPS) bySite.set(row.site, [...(bySite.get(row.site) ?? []), { month: row.month, dual: d }]);
  });
  return [...bySite].flatMap(([si, items]) =>
    runs(items).map((run) => {
      const site = world.sites[si];
      const from = run[0]?.month ?? 0;
      const to = run.at(-1)?.month ?? 0;
      const saving = run.reduce((a, x) => a + x.dual, 0);
      const when = to === world.months.length - 1 ? `from ${monthLabel(world.months[from] ?? "")}` : span(world, from, to);
      const covers = unmetCoveredPerMw(
        world,
        site?.id ?? "",
        run.map((x) => x.month),
        families,
        bought,
      );
      const at = `1 MW more at ${site?.name ?? ""} ${when}`;
      return {
        kind: "power" as const,
        siteId: site?.id ?? "",
        siteName: site?.name ?? "",
        fromMonth: world.months[from] ?? "",
        toMonth: world.months[to] ?? "",
        usdPerMwMonth: Math.max(...run.map((x) => x.dual)),
        savingPerMw: saving,
        unmetH100eMonths: covers.total,
        sentence:
          covers.total >= 0.5
            ? `${at} would cover ${formatDecimal(covers.total, 0)} H100e-months of ${listed(covers.families)} demand left unmet`
            : `${at} would save ${formatMoney(saving)}`,
      };
    }),
  );
}

export function capGroupKey(row: RowInfo): string | null {
  return row.kind === "cap" ? `${row.dimension}:${row.holder}` : null;
}

/** Cap rows grouped by holder, for the groups with a binding row. */
export function bindingCapGroups(model: PlanModel, rowDual: Float64Array): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const binding = new Set<string>();
  model.rows.forEach((row, r) => {
    const key = capGroupKey(row);
    if (!key) return;
    groups.set(key, [...(groups.get(key) ?? []), r]);
    if (-(rowDual[r] ?? 0) > DUAL_EPS) binding.add(key);
  });
  return new Map([...groups].filter(([k]) => binding.has(k)));
}

export function capBindings(
  world: PlanWorld,
  model: PlanModel,
  { rowDual }: Duals,
  supportObjective: number | null,
  relaxed: Map<string, number>,
): Binding[] {
  if (!rowDual) return [];
  const out: Binding[] = [];
  for (const [key, rows] of bindingCapGroups(model, rowDual)) {
    const first = model.rows[rows[0] ?? 0];
    if (first?.kind !== "cap") continue;
    const months = rows.filter((r) => -(rowDual[r] ?? 0) > DUAL_EPS).map((r) => (model.rows[r] as { month: number }).month);
    const cap = world.caps[first.dimension] ?? 0;
    const name = holderName(world, first.dimension, first.holder);
    const without = relaxed.get(key);
    const cost = without === undefined || supportObjective === null ? 0 : Math.max(0, supportObjective - without);
    out.push({
      kind: "cap",
      dimension: first.dimension,
      id: first.holder,
      name,
      cap,
      fromMonth: world.months[Math.min(...months)] ?? "",
      toMonth: world.months[Math.max(...months)] ?? "",
      usdPerH100e: rows.reduce((a, r) => a - (rowDual[r] ?? 0), 0),
      costUsd: cost,
      sentence: `The ${formatPercent(cap)} cap on ${name} costs ${formatMoney(cost)}`,
    });
  }
  return out;
}

export function budgetBinding(world: PlanWorld, model: PlanModel, duals: Duals, families: FamilyMonth[]): Binding[] {
  const r = model.rows.findIndex((row) => row.kind === "budget");
  if (r < 0 || !binds(model, duals, r) || !world.budgetUsd) return [];
  const unmet = families.reduce((a, x) => a + x.unmet, 0);
  const tail = unmet > 1e-6 ? `leaves ${formatDecimal(unmet, 0)} H100e-months unmet` : "is spent";
  return [
    { kind: "budget", budgetUsd: world.budgetUsd, unmetH100eMonths: unmet, sentence: `The ${formatMoney(world.budgetUsd)} budget ${tail}` },
  ];
}

/** Largest unmet H100e of the offer's family in a month it could be held (its lead time passed). */
function unmetWhileHeld(world: PlanWorld, o: PlanOffer, families: FamilyMonth[]): number {
  const first = world.months[o.earliestStartMonth] ?? "\uffff";
  return families.reduce((a, x) => (x.family === o.family && x.month >= first ? Math.max(a, x.unmet) : a), 0);
}

export function offerBindings(world: PlanWorld, model: PlanModel, { rowDual }: Duals, families: FamilyMonth[] = []): Binding[] {
  const out: Binding[] = [];
  model.rows.forEach((row, r) => {
    if (row.kind !== "offer_max" || !rowDual) return;
    const d = -(rowDual[r] ?? 0);
    const o = world.offers[row.offer] as PlanOffer;
    if (d <= DUAL_EPS || o.maxQuantity === null) return;
    const unmet = unmetWhileHeld(world, o, families);
    out.push({
      kind: "offer_max",
      offerId: o.id,
      label: o.label,
      maxQuantity: o.maxQuantity,
      usdPerUnit: d,
      // While its family's demand stays unmet the dual is the unmet-demand penalty (no one pays it): say so instead.
      sentence:
        unmet >= 0.5
          ? `${o.label} is bought to its maximum of ${formatDecimal(o.maxQuantity, 0)} while up to ${formatDecimal(unmet, 0)} H100e of ${o.family} demand stays unmet`
          : `${o.label} is bought to its maximum of ${formatDecimal(o.maxQuantity, 0)}; each more accelerator would save ${formatMoney(d)}`,
    });
  });
  return out;
}

type CauseOf = { cause: UnmetCause; offer?: PlanOffer };

function causeOf(world: PlanWorld, tightRows: { row: RowInfo }[], family: string, m: number): CauseOf {
  const offers = world.offers.filter((o) => o.family === family);
  if (offers.length === 0) return { cause: "no_offer" };
  const ready = offers.filter((o) => o.earliestStartMonth <= m);
  if (ready.length === 0) {
    const soonest = [...offers].sort(
      (a, b) => a.earliestStartMonth - b.earliestStartMonth || Number(a.ratePerHour) - Number(b.ratePerHour),
    )[0];
    return { cause: "lead_time", offer: soonest };
  }
  if (tightRows.some((x) => x.row.kind === "budget")) return { cause: "budget" };
  for (const o of ready) {
    const siteIndex = world.sites.findIndex((s) => s.id === o.siteId);
    if (tightRows.some(({ row }) => row.kind === "power" && row.site === siteIndex && row.month === m)) return { cause: "power", offer: o };
  }
  const holders = new Set(ready.flatMap((o) => [o.providerId, o.vendor, o.siteId ?? ""]));
  if (tightRows.some(({ row }) => row.kind === "cap" && row.month === m && holders.has(row.holder))) return { cause: "cap" };
  if (tightRows.some(({ row }) => row.kind === "offer_max" && ready.includes(world.offers[row.offer] as PlanOffer)))
    return { cause: "max_quantity" };
  return { cause: "other" };
}

const CAUSE_TEXT: Record<Exclude<UnmetCause, "lead_time">, string> = {
  no_offer: "no offer covers it",
  power: "the sites' power budgets are full",
  cap: "the concentration caps bind",
  budget: "the budget is spent",
  max_quantity: "the offers are bought to their maximum",
  // Nothing full, nothing at its limit, yet demand left: the blocks that could start then are sold for terms (or in
  // steps) that would cost more, over their whole term, than the plan's price of a month of unmet demand.
  other: "the blocks that could start then cost more over their whole term than the plan's price of leaving these months unmet",
};

export function unmetBindings(world: PlanWorld, model: PlanModel, duals: Duals, families: FamilyMonth[]): Binding[] {
  const out: Binding[] = [];
  const tightRows = model.rows.filter((_, r) => binds(model, duals, r)).map((row) => ({ row }));
  world.families.forEach((family) => {
    const short = families
      .filter((x) => x.family === family && x.unmet >= 0.5)
      .map((x) => ({
        month: world.months.indexOf(x.month),
        unmet: x.unmet,
        ...causeOf(world, tightRows, family, world.months.indexOf(x.month)),
      }));
    const groups: (typeof short)[] = [];
    for (const s of short) {
      const last = groups.at(-1)?.at(-1);
      if (last && last.month === s.month - 1 && last.cause === s.cause && last.offer === s.offer) groups.at(-1)?.push(s);
      else groups.push([s]);
    }
    for (const g of groups) {
      const head = g[0];
      if (!head) continue;
      const from = head.month;
      const to = g.at(-1)?.month ?? from;
      const max = Math.max(...g.map((x) => x.unmet));
      const amount = `${g.length > 1 ? "up to " : ""}${formatDecimal(max, 0)} H100e`;
      const sentence =
        head.cause === "lead_time" && head.offer
          ? `${head.offer.providerName}'s ${head.offer.leadTimeDays}-day lead time leaves ${amount} of ${family} unmet ${span(world, from, to)}`
          : `${amount} of ${family} left unmet ${span(world, from, to)}: ${CAUSE_TEXT[head.cause as Exclude<UnmetCause, "lead_time">]}${head.cause === "other" ? ` (${formatMoney(model.penalty)} per H100e-month)` : ""}`;
      out.push({
        kind: "unmet",
        family,
        fromMonth: world.months[from] ?? "",
        toMonth: world.months[to] ?? "",
        maxUnmet: max,
        cause: head.cause,
        offerId: head.offer?.id,
        sentence,
      });
    }
  });
  return out;
}
