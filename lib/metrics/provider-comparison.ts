import { capacityUnits } from "./capacity";
import { Dec, sumDec } from "./decimal";
import { ExactSum, hourUnit, MS_PER_HOUR, mulInt, pow10, pow10Int, ratio, toScaledInt, type Int } from "./exact";
import { billedKey, monthKey, usageByBlock, type MonthlyUsage, type SpendBlock } from "./monthly-spend";
import type { Period } from "./period";
import { paidHours } from "./planned-cost";
import { effectiveRate, heldRate, unitCosts, unitCostsOver, type TypeUsage, type UnitCosts } from "./unit-cost";
import { utilization } from "./utilization";

export type ComparisonBlock = SpendBlock & { acceleratorTypeId: string; bf16Tflops: string; h100eFactor: string };

/** Billing rows of one provider, family and month tied to an accelerator type, summed. */
export type FamilyCharges = {
  providerId: string;
  family: string;
  month: Date;
  effective: string;
  /** Σ ListCost and Σ ContractedCost (ListCost where absent) of the rows that carry a ListCost; null when none does. */
  list: string | null;
  contracted: string | null;
};

export type ComparisonRow = {
  providerId: string;
  providerName: string;
  family: string;
  capacityAh: Dec;
  usedAh: Dec;
  utilization: Dec | null;
  cost: Dec;
  actualMonths: number;
  plannedMonths: number;
  /** Reservation rates weighted by accelerator-hours held: the contracted price of an hour. */
  registerRate: Dec | null;
  /** cost ÷ capacity_AH: the price of an hour held. */
  heldRate: Dec | null;
  /** cost ÷ used AH and its normalizations (H100e·h, PFLOP-h, 1M tokens). */
  units: UnitCosts;
  /** Billed months only: list, contracted and effective cost per useful AH (null without billing). */
  billing: { months: number; usedAh: Dec; list: Dec | null; contracted: Dec | null; effective: Dec | null } | null;
};

export type ProviderTotal = Omit<ComparisonRow, "family" | "billing" | "registerRate"> & { families: number };

/**
 * The provider comparison over whole past months: per provider × family, cost (a billed provider-month is actual,
 * Σ EffectiveCost of its charges tied to that family's accelerator types; any other month planned from the blocks),
 * capacity and used AH, and the unit costs of PRODUCT §3 (lib/metrics/unit-cost.ts). Tokens per second come from
 * the workload profile, per family.
 *
 * Hours and money are summed as exact integers (lib/metrics/exact.ts) — AH in units of 10^-usedScale AH-per-time-unit
 * (see monthlySpend), money in that unit × 10^(rateScale + extra), extra making every charge a whole number of it —
 * and each figure becomes a Dec by one division before the ratios of unit-cost.ts and utilization.ts are taken.
 */
export function compareProviders(input: {
  months: readonly Period[];
  blocks: readonly ComparisonBlock[];
  usedAh: MonthlyUsage;
  charges: readonly FamilyCharges[];
  billed: ReadonlySet<string>;
  tokensPerSecond: ReadonlyMap<string, string>;
  currency: string;
}): { rows: ComparisonRow[]; providers: ProviderTotal[] } {
  const blocks = input.blocks.filter((b) => b.currency === input.currency);
  const groups = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    const key = `${b.providerId}|${b.family}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const months = input.months;
  const unit = hourUnit(months, blocks);
  const perHour = MS_PER_HOUR / unit;
  const usage = usageByBlock(input.usedAh, blocks, months);
  const used = usage.used;
  const rates = blocks.map((b) => toScaledInt(b.rate));
  const rateScale = rates.reduce((max, r) => Math.max(max, r.scale), 0);
  // Charges as n ÷ 10^scale; money is kept at a scale where every charge and every hours × rate is a whole number.
  type Charge = {
    effective: { n: Int; scale: number };
    list: { n: Int; scale: number } | null;
    contracted: { n: Int; scale: number } | null;
  };
  const chargesBy = new Map<string, Charge[]>();
  let chargeScale = 0;
  for (const c of input.charges) {
    const parsed: Charge = {
      effective: toScaledInt(c.effective),
      list: c.list === null ? null : toScaledInt(c.list),
      contracted: c.list === null ? null : toScaledInt(c.contracted ?? c.list),
    };
    chargeScale = Math.max(chargeScale, parsed.effective.scale, parsed.list?.scale ?? 0, parsed.contracted?.scale ?? 0);
    const key = `${c.providerId}|${c.family}|${monthKey(c.month)}`;
    const list = chargesBy.get(key);
    if (list) list.push(parsed);
    else chargesBy.set(key, [parsed]);
  }
  const moneyScale = Math.max(usage.scale + rateScale, chargeScale);
  const rate = rates.map((r) => mulInt(r.n, pow10Int(moneyScale - usage.scale - r.scale)));
  const money = (v: { n: Int; scale: number }) => mulInt(v.n, mulInt(perHour, pow10Int(moneyScale - v.scale)));
  const quantity = blocks.map((b) => mulInt(b.quantity, pow10Int(usage.scale)));
  const start = blocks.map((b) => b.startAt.getTime());
  const end = blocks.map((b) => b.endAt.getTime());
  const ahUnit = BigInt(perHour) * pow10(usage.scale);
  const moneyUnit = BigInt(perHour) * pow10(moneyScale);
  const toAh = (s: ExactSum) => ratio(s.value(), ahUnit);
  const toMoney = (s: ExactSum) => ratio(s.value(), moneyUnit);

  const rows: ComparisonRow[] = [];
  for (const mine of groups.values()) {
    const { providerId, providerName, family } = blocks[mine[0]!]!;
    const cost = new ExactSum();
    let actualMonths = 0;
    let plannedMonths = 0;
    const billedUse = {
      months: 0,
      usedAh: new ExactSum(),
      list: new ExactSum(),
      contracted: new ExactSum(),
      effective: new ExactSum(),
      listed: false,
    };
    // Used AH per accelerator type (the first block of each type stands for its figures), over the months counted.
    const typeUse = new Map<string, { block: ComparisonBlock; usedAh: ExactSum }>();
    for (const i of mine)
      if (!typeUse.has(blocks[i]!.acceleratorTypeId))
        typeUse.set(blocks[i]!.acceleratorTypeId, { block: blocks[i]!, usedAh: new ExactSum() });
    const capacity = new ExactSum();
    const heldValue = new ExactSum();
    months.forEach((month, j) => {
      const from = month.from.getTime();
      const to = month.to.getTime();
      const usedHere = new ExactSum();
      let live = false;
      for (const i of mine) {
        usedHere.add(used[i]?.[j] ?? 0);
        if (start[i]! < to && end[i]! > from) live = true;
      }
      const usedMonth = usedHere.value();
      if (!live && usedMonth === 0n) return;
      const billed = input.billed.has(billedKey(providerId, month.from));
      for (const i of mine) {
        const usedAh = mulInt(used[i]?.[j] ?? 0, perHour);
        typeUse.get(blocks[i]!.acceleratorTypeId)!.usedAh.add(usedAh);
        if (!(start[i]! < to && end[i]! > from)) continue; // not live in the month: no capacity, no planned cost
        const ah = capacityUnits(quantity[i]!, start[i]!, end[i]!, from, to, unit);
        capacity.add(ah);
        heldValue.add(mulInt(ah, rate[i]!));
        if (!billed) cost.add(mulInt(paidHours(blocks[i]!.pricingModel, ah, usedAh), rate[i]!));
      }
      if (billed) {
        const usedInUnits = mulInt(usedMonth, perHour);
        actualMonths += 1;
        billedUse.months += 1;
        billedUse.usedAh.add(usedInUnits);
        for (const c of chargesBy.get(`${providerId}|${family}|${monthKey(month.from)}`) ?? []) {
          const effective = money(c.effective);
          cost.add(effective);
          billedUse.effective.add(effective);
          if (c.list === null) continue;
          billedUse.listed = true;
          billedUse.list.add(money(c.list));
          billedUse.contracted.add(money(c.contracted!));
        }
      } else {
        plannedMonths += 1;
      }
    });
    if (actualMonths + plannedMonths === 0) continue;
    const capacityAh = toAh(capacity);
    const costDec = toMoney(cost);
    const usageByType: TypeUsage[] = [...typeUse.values()].map(({ block, usedAh }) => ({
      usedAh: toAh(usedAh),
      bf16Tflops: block.bf16Tflops,
      h100Equivalent: block.h100eFactor,
      tokensPerSecond: input.tokensPerSecond.get(block.family) ?? null,
    }));
    const units = unitCosts(costDec, usageByType);
    const billedUsedAh = toAh(billedUse.usedAh);
    rows.push({
      providerId,
      providerName,
      family,
      capacityAh,
      usedAh: units.usedAh,
      utilization: utilization(units.usedAh, capacityAh),
      cost: costDec,
      actualMonths,
      plannedMonths,
      registerRate: capacityAh.isZero() ? null : toMoney(heldValue).div(capacityAh),
      heldRate: heldRate(costDec, capacityAh),
      units,
      billing:
        billedUse.months === 0
          ? null
          : {
              months: billedUse.months,
              usedAh: billedUsedAh,
              list: billedUse.listed ? effectiveRate(toMoney(billedUse.list), billedUsedAh) : null,
              contracted: billedUse.listed ? effectiveRate(toMoney(billedUse.contracted), billedUsedAh) : null,
              effective: effectiveRate(toMoney(billedUse.effective), billedUsedAh),
            },
    });
  }
  rows.sort(
    (a, b) =>
      compareNullable(a.units.perH100eHour, b.units.perH100eHour) ||
      a.providerName.localeCompare(b.providerName) ||
      a.family.localeCompare(b.family),
  );
  return { rows, providers: providerTotals(rows) };
}

function providerTotals(rows: readonly ComparisonRow[]): ProviderTotal[] {
  const byProvider = new Map<string, ComparisonRow[]>();
  for (const r of rows) byProvider.set(r.providerId, [...(byProvider.get(r.providerId) ?? []), r]);
  const totals = [...byProvider.values()].map((mine): ProviderTotal => {
    const cost = sumDec(mine.map((r) => r.cost));
    const capacity = sumDec(mine.map((r) => r.capacityAh));
    const usedAh = sumDec(mine.map((r) => r.usedAh));
    const usedH100eHours = sumDec(mine.map((r) => r.units.usedH100eHours));
    const usedPflopHours = sumDec(mine.map((r) => r.units.usedPflopHours));
    const millionTokens = mine.some((r) => r.units.millionTokens === null) ? null : sumDec(mine.map((r) => r.units.millionTokens!));
    return {
      providerId: mine[0]!.providerId,
      providerName: mine[0]!.providerName,
      families: mine.length,
      capacityAh: capacity,
      usedAh,
      utilization: utilization(usedAh, capacity),
      cost,
      actualMonths: Math.max(...mine.map((r) => r.actualMonths)),
      plannedMonths: Math.max(...mine.map((r) => r.plannedMonths)),
      heldRate: heldRate(cost, capacity),
      units: unitCostsOver(cost, { usedAh, usedH100eHours, usedPflopHours, millionTokens }),
    };
  });
  return totals.sort((a, b) => compareNullable(a.units.perH100eHour, b.units.perH100eHour) || a.providerName.localeCompare(b.providerName));
}

/** Ascending, unknown last. */
function compareNullable(a: Dec | null, b: Dec | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a.comparedTo(b);
}
