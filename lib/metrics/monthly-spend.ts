import { capacityAh } from "./capacity";
import { isoDay } from "./calendar";
import { dec, sumDec, type Dec } from "./decimal";
import type { Period } from "./period";
import { plannedCost, type PricingModel } from "./planned-cost";

/** A capacity block as the cost views need it (a subset of the planning model's block). */
export type SpendBlock = {
  id: string;
  providerId: string;
  providerName: string;
  family: string;
  quantity: number;
  /** Delivery-adjusted start. */
  startAt: Date;
  endAt: Date;
  pricingModel: PricingModel;
  rate: string;
  currency: string;
};

/** Σ EffectiveCost of billing rows of one provider, family (null: charges tied to no accelerator type) and month. */
export type ActualCost = { providerId: string; providerName: string; family: string | null; month: Date; amount: string };

export type SpendSource = "actual" | "planned";
export type SpendCell = { month: Period; providerId: string; providerName: string; family: string | null; source: SpendSource; amount: Dec };

export const monthKey = (month: Date) => isoDay(month);
export const usageKey = (blockId: string, month: Date) => `${blockId}|${isoDay(month)}`;
export const billedKey = (providerId: string, month: Date) => `${providerId}|${isoDay(month)}`;

/**
 * Spend per month, provider and family, one source per provider-month: a provider-month with billing rows
 * (`billed`) is actual (Σ EffectiveCost); any other is planned from the blocks: reserved capacity_AH × rate;
 * on-demand and spot used_AH × rate for months before `usageThrough` (the month of asOf), and from that month on,
 * when usage is not yet known, capacity_AH × rate (the block used in full, an upper bound). Actual and planned
 * are never added for the same provider-month. Blocks in another currency than `currency` are left out.
 */
export function monthlySpend(input: {
  months: readonly Period[];
  blocks: readonly SpendBlock[];
  /** used_AH per usageKey(block, month). */
  usedAh: ReadonlyMap<string, string>;
  actual: readonly ActualCost[];
  /** billedKey(provider, month) of every provider-month with billing rows, whatever the family or site. */
  billed: ReadonlySet<string>;
  usageThrough: Date;
  currency: string;
}): SpendCell[] {
  const cells: SpendCell[] = [];
  const actualByMonth = new Map<string, ActualCost[]>();
  for (const a of input.actual) {
    const key = monthKey(a.month);
    const list = actualByMonth.get(key);
    if (list) list.push(a);
    else actualByMonth.set(key, [a]);
  }
  for (const month of input.months) {
    for (const a of actualByMonth.get(monthKey(month.from)) ?? []) {
      if (!input.billed.has(billedKey(a.providerId, month.from))) continue;
      cells.push({ month, providerId: a.providerId, providerName: a.providerName, family: a.family, source: "actual", amount: dec(a.amount) });
    }
    const planned = new Map<string, SpendCell>();
    const known = month.from < input.usageThrough;
    for (const b of input.blocks) {
      // A block outside the month has no capacity in it (checked before any decimal arithmetic).
      if (b.endAt <= month.from || b.startAt >= month.to || b.currency !== input.currency) continue;
      if (input.billed.has(billedKey(b.providerId, month.from))) continue;
      const capacity = capacityAh(b, month);
      if (capacity.isZero()) continue;
      const usedAh = b.pricingModel === "reserved" ? 0 : known ? dec(input.usedAh.get(usageKey(b.id, month.from))) : capacity;
      const amount = plannedCost({ pricingModel: b.pricingModel, rate: b.rate, capacityAh: capacity, usedAh });
      const cellKey = `${b.providerId}|${b.family}`;
      const cell = planned.get(cellKey);
      if (cell) cell.amount = cell.amount.plus(amount);
      else planned.set(cellKey, { month, providerId: b.providerId, providerName: b.providerName, family: b.family, source: "planned", amount });
    }
    cells.push(...planned.values());
  }
  return cells;
}

export type SpendGroupBy = "provider" | "family";
export const OTHER_CHARGES = "Other charges";

/** The label of a cell in a breakdown by provider or family (charges tied to no accelerator type: "Other charges"). */
export function spendGroup(cell: Pick<SpendCell, "providerName" | "family">, by: SpendGroupBy): string {
  return by === "provider" ? cell.providerName : (cell.family ?? OTHER_CHARGES);
}

export type SpendMonth = { month: Period; actual: Dec; planned: Dec; total: Dec; byGroup: Map<string, { actual: Dec; planned: Dec }> };

/** Sums the cells per month and per group, keeping actual and planned apart. */
export function spendByMonth(months: readonly Period[], cells: readonly SpendCell[], by: SpendGroupBy): SpendMonth[] {
  return months.map((month) => {
    const mine = cells.filter((c) => c.month.from.getTime() === month.from.getTime());
    const byGroup = new Map<string, { actual: Dec; planned: Dec }>();
    for (const c of mine) {
      const g = spendGroup(c, by);
      const entry = byGroup.get(g) ?? { actual: dec(0), planned: dec(0) };
      entry[c.source] = entry[c.source].plus(c.amount);
      byGroup.set(g, entry);
    }
    const actual = sumDec(mine.filter((c) => c.source === "actual").map((c) => c.amount));
    const planned = sumDec(mine.filter((c) => c.source === "planned").map((c) => c.amount));
    return { month, actual, planned, total: actual.plus(planned), byGroup };
  });
}
