import { capacityUnits } from "./capacity";
import { isoDay } from "./calendar";
import { dec, Dec, sumDec } from "./decimal";
import { ExactSum, hourUnit, MS_PER_HOUR, mulInt, pow10, pow10Int, ratio, scaledText, textScale, toScaledInt, type Int } from "./exact";
import type { Period } from "./period";
import { paidHours, type PricingModel } from "./planned-cost";

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
export type SpendCell = {
  month: Period;
  providerId: string;
  providerName: string;
  family: string | null;
  source: SpendSource;
  amount: Dec;
};

export const monthKey = (month: Date) => isoDay(month);
export const billedKey = (providerId: string, month: Date) => `${providerId}|${isoDay(month)}`;

/**
 * used_AH of blocks by month (utilization_monthly): per block id, the first instants of its UTC months (ms) and
 * their used_AH (decimal text), index for index, one entry per block and month. The utilization view reads days
 * (utilization_daily) the same way: then `months` holds the first instants of the days.
 */
export type MonthlyUsage = ReadonlyMap<string, { months: readonly number[]; usedAh: readonly string[] }>;

/**
 * used_AH of each block per month of `months` (by index; 0 where there is none, undefined for a block without any),
 * as exact integers at one scale: value = n ÷ 10^scale. Other months are left out.
 */
export function usageByBlock(
  usage: MonthlyUsage,
  blocks: readonly { id: string }[],
  months: readonly Period[],
): { scale: number; used: (Int[] | undefined)[] } {
  const monthIndex = new Map(months.map((m, j) => [m.from.getTime(), j]));
  let scale = 0;
  for (const u of usage.values()) for (const v of u.usedAh) scale = Math.max(scale, textScale(v));
  const byId = new Map<string, Int[]>();
  return {
    scale,
    used: blocks.map((b) => {
      let row = byId.get(b.id);
      if (row) return row;
      const u = usage.get(b.id);
      if (!u) return undefined;
      byId.set(b.id, (row = new Array<Int>(months.length).fill(0)));
      for (let k = 0; k < u.months.length; k++) {
        const j = monthIndex.get(u.months[k]!);
        if (j !== undefined) row[j] = scaledText(u.usedAh[k]!, scale);
      }
      return row;
    }),
  };
}

/**
 * Spend per month, provider and family, one source per provider-month: a provider-month with billing rows
 * (`billed`) is actual (Σ EffectiveCost); any other is planned from the blocks: reserved capacity_AH × rate;
 * on-demand and spot used_AH × rate for months before `usageThrough` (the month of asOf), and from that month on,
 * when usage is not yet known, capacity_AH × rate (the block used in full, an upper bound). Actual and planned
 * are never added for the same provider-month. Blocks in another currency than `currency` are left out.
 *
 * The planned sums are exact integers (lib/metrics/exact.ts): AH in units of 10^-usedScale AH-per-time-unit (the
 * hour when every boundary is on one, else the millisecond), money in that unit × 10^rateScale; each cell becomes a
 * Dec by one division: the sum of capacityAh × rate and plannedCost in Dec, exactly, when boundaries fall on whole hours
 * (otherwise the exact sum rounded once rather than each block's hours rounded to 40 digits).
 */
export function monthlySpend(input: {
  months: readonly Period[];
  blocks: readonly SpendBlock[];
  usedAh: MonthlyUsage;
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
  const blocks = input.blocks.filter((b) => b.currency === input.currency);
  const unit = hourUnit(input.months, blocks);
  const perHour = MS_PER_HOUR / unit;
  const usage = usageByBlock(input.usedAh, blocks, input.months);
  const used = usage.used;
  const rates = blocks.map((b) => toScaledInt(b.rate));
  const rateScale = rates.reduce((max, r) => Math.max(max, r.scale), 0);
  const rate = rates.map((r) => mulInt(r.n, pow10Int(rateScale - r.scale)));
  const quantity = blocks.map((b) => mulInt(b.quantity, pow10Int(usage.scale)));
  const start = blocks.map((b) => b.startAt.getTime());
  const end = blocks.map((b) => b.endAt.getTime());
  // Providers and provider × family cells by index, so the block × month loop does no string work.
  const indexOf = (map: Map<string, number>, key: string) => {
    let k = map.get(key);
    if (k === undefined) map.set(key, (k = map.size));
    return k;
  };
  const providers = new Map<string, number>();
  const cellKeys = new Map<string, number>();
  const provider = blocks.map((b) => indexOf(providers, b.providerId));
  const cellOf = blocks.map((b) => indexOf(cellKeys, `${b.providerId}|${b.family}`));
  const providerIds = [...providers.keys()];
  const moneyUnit = BigInt(perHour) * pow10(usage.scale + rateScale);
  input.months.forEach((month, j) => {
    for (const a of actualByMonth.get(monthKey(month.from)) ?? []) {
      if (!input.billed.has(billedKey(a.providerId, month.from))) continue;
      cells.push({
        month,
        providerId: a.providerId,
        providerName: a.providerName,
        family: a.family,
        source: "actual",
        amount: dec(a.amount),
      });
    }
    const billed = providerIds.map((id) => input.billed.has(billedKey(id, month.from)));
    const sums = new Array<ExactSum | undefined>(cellKeys.size);
    const firstBlock: number[] = []; // of each planned cell, in the order the cells appear
    const known = month.from < input.usageThrough;
    const from = month.from.getTime();
    const to = month.to.getTime();
    for (let i = 0; i < blocks.length; i++) {
      if (billed[provider[i]!]) continue;
      const capacity = capacityUnits(quantity[i]!, start[i]!, end[i]!, from, to, unit);
      if (capacity == 0) continue; // == : 0 and 0n alike; a block outside the month has no capacity in it
      const hours = known ? paidHours(blocks[i]!.pricingModel, capacity, mulInt(used[i]?.[j] ?? 0, perHour)) : capacity;
      let sum = sums[cellOf[i]!];
      if (!sum) {
        sums[cellOf[i]!] = sum = new ExactSum();
        firstBlock.push(i);
      }
      sum.add(mulInt(hours, rate[i]!));
    }
    for (const i of firstBlock) {
      const b = blocks[i]!;
      cells.push({
        month,
        providerId: b.providerId,
        providerName: b.providerName,
        family: b.family,
        source: "planned",
        amount: ratio(sums[cellOf[i]!]!.value(), moneyUnit),
      });
    }
  });
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
