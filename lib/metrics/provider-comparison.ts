import { capacityAh } from "./capacity";
import { dec, Dec, sumDec } from "./decimal";
import { billedKey, monthKey, usageKey, type SpendBlock } from "./monthly-spend";
import type { Period } from "./period";
import { plannedCost } from "./planned-cost";
import { effectiveRate, heldRate, unitCosts, type TypeUsage, type UnitCosts } from "./unit-cost";
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
 */
export function compareProviders(input: {
  months: readonly Period[];
  blocks: readonly ComparisonBlock[];
  usedAh: ReadonlyMap<string, string>;
  charges: readonly FamilyCharges[];
  billed: ReadonlySet<string>;
  tokensPerSecond: ReadonlyMap<string, string>;
  currency: string;
}): { rows: ComparisonRow[]; providers: ProviderTotal[] } {
  const blocks = input.blocks.filter((b) => b.currency === input.currency);
  const groups = new Map<string, ComparisonBlock[]>();
  for (const b of blocks) {
    const key = `${b.providerId}|${b.family}`;
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  const chargesBy = new Map<string, FamilyCharges[]>();
  for (const c of input.charges) {
    const key = `${c.providerId}|${c.family}|${monthKey(c.month)}`;
    chargesBy.set(key, [...(chargesBy.get(key) ?? []), c]);
  }
  const rows: ComparisonRow[] = [];
  for (const mine of groups.values()) {
    const { providerId, providerName, family } = mine[0]!;
    let cost = new Dec(0);
    let actualMonths = 0;
    let plannedMonths = 0;
    const billedUse = { months: 0, usedAh: new Dec(0), list: new Dec(0), contracted: new Dec(0), effective: new Dec(0), listed: false };
    const typeUse = new Map<string, { block: ComparisonBlock; usedAh: Dec }>();
    let capacity = new Dec(0);
    let heldValue = new Dec(0);
    for (const month of input.months) {
      const live = mine.filter((b) => b.startAt < month.to && b.endAt > month.from);
      const used = sumDec(mine.map((b) => dec(input.usedAh.get(usageKey(b.id, month.from)))));
      const monthCapacity = live.map((b) => ({ b, ah: capacityAh(b, month) }));
      if (monthCapacity.length === 0 && used.isZero()) continue;
      capacity = capacity.plus(sumDec(monthCapacity.map((c) => c.ah)));
      heldValue = heldValue.plus(sumDec(monthCapacity.map((c) => c.ah.times(c.b.rate))));
      for (const b of mine) {
        const entry = typeUse.get(b.acceleratorTypeId) ?? { block: b, usedAh: new Dec(0) };
        entry.usedAh = entry.usedAh.plus(dec(input.usedAh.get(usageKey(b.id, month.from))));
        typeUse.set(b.acceleratorTypeId, entry);
      }
      if (input.billed.has(billedKey(providerId, month.from))) {
        const charges = chargesBy.get(`${providerId}|${family}|${monthKey(month.from)}`) ?? [];
        const effective = sumDec(charges.map((c) => c.effective));
        cost = cost.plus(effective);
        actualMonths += 1;
        billedUse.months += 1;
        billedUse.usedAh = billedUse.usedAh.plus(used);
        billedUse.effective = billedUse.effective.plus(effective);
        for (const c of charges) {
          if (c.list === null) continue;
          billedUse.listed = true;
          billedUse.list = billedUse.list.plus(c.list);
          billedUse.contracted = billedUse.contracted.plus(c.contracted ?? c.list);
        }
      } else {
        cost = cost.plus(
          sumDec(monthCapacity.map(({ b, ah }) => plannedCost({ pricingModel: b.pricingModel, rate: b.rate, capacityAh: ah, usedAh: dec(input.usedAh.get(usageKey(b.id, month.from))) }))),
        );
        plannedMonths += 1;
      }
    }
    if (actualMonths + plannedMonths === 0) continue;
    const usage: TypeUsage[] = [...typeUse.values()].map(({ block, usedAh }) => ({
      usedAh,
      bf16Tflops: block.bf16Tflops,
      h100Equivalent: block.h100eFactor,
      tokensPerSecond: input.tokensPerSecond.get(block.family) ?? null,
    }));
    const units = unitCosts(cost, usage);
    rows.push({
      providerId,
      providerName,
      family,
      capacityAh: capacity,
      usedAh: units.usedAh,
      utilization: utilization(units.usedAh, capacity),
      cost,
      actualMonths,
      plannedMonths,
      registerRate: capacity.isZero() ? null : heldValue.div(capacity),
      heldRate: heldRate(cost, capacity),
      units,
      billing:
        billedUse.months === 0
          ? null
          : {
              months: billedUse.months,
              usedAh: billedUse.usedAh,
              list: billedUse.listed ? effectiveRate(billedUse.list, billedUse.usedAh) : null,
              contracted: billedUse.listed ? effectiveRate(billedUse.contracted, billedUse.usedAh) : null,
              effective: effectiveRate(billedUse.effective, billedUse.usedAh),
            },
    });
  }
  rows.sort((a, b) => compareNullable(a.units.perH100eHour, b.units.perH100eHour) || a.providerName.localeCompare(b.providerName) || a.family.localeCompare(b.family));
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
    const div = (whole: Dec | null) => (whole === null || whole.isZero() ? null : cost.div(whole));
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
      units: {
        usedAh,
        usedH100eHours,
        usedPflopHours,
        millionTokens,
        effectiveRate: div(usedAh),
        perH100eHour: div(usedH100eHours),
        perPflopHour: div(usedPflopHours),
        perMillionTokens: div(millionTokens),
      },
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
