import { dec, Dec, sumDec, type DecimalValue } from "./decimal";

/**
 * Billing charges (one row, or a sum over rows sharing these four classifiers and the nullness of the two
 * prices) in FOCUS terms. Matching of enum values is case-insensitive.
 */
export type CommitmentCharge = {
  chargeCategory: string;
  pricingCategory: string | null;
  commitmentDiscountStatus: string | null;
  effectiveCost: DecimalValue;
  listCost: DecimalValue | null;
  contractedCost: DecimalValue | null;
};

const is = (value: string | null, expected: string) => value !== null && value.trim().toLowerCase() === expected;
const isUsage = (c: CommitmentCharge) => is(c.chargeCategory, "usage");
const isUnused = (c: CommitmentCharge) => is(c.commitmentDiscountStatus, "unused");

const ratio = (part: Dec, whole: Dec): Dec | null => (whole.isZero() ? null : part.div(whole));

/**
 * Commitment utilization (FinOps toolkit, AWS): used commitment ÷ total commitment, on amortized cost:
 * Σ EffectiveCost of rows with CommitmentDiscountStatus Used ÷ Σ EffectiveCost of Used and Unused rows;
 * Purchase rows excluded. Null when no row carries a commitment status.
 */
export function commitmentUtilization(charges: readonly CommitmentCharge[]): { used: Dec; unused: Dec; rate: Dec | null } {
  const rows = charges.filter((c) => !is(c.chargeCategory, "purchase"));
  const used = sumDec(rows.filter((c) => is(c.commitmentDiscountStatus, "used")).map((c) => c.effectiveCost));
  const unused = sumDec(rows.filter(isUnused).map((c) => c.effectiveCost));
  return { used, unused, rate: ratio(used, used.plus(unused)) };
}

/**
 * Commitment coverage: committed-priced usage ÷ all eligible usage, on EffectiveCost. Eligible usage = Usage
 * rows priced Standard (on-demand) or Committed, without the Unused commitment rows (they are waste, not
 * usage); Dynamic (spot), Other and unpriced rows are not eligible for commitment discounts.
 */
export function commitmentCoverage(charges: readonly CommitmentCharge[]): { committed: Dec; eligible: Dec; rate: Dec | null } {
  const usage = charges.filter((c) => isUsage(c) && !isUnused(c));
  const committed = sumDec(usage.filter((c) => is(c.pricingCategory, "committed")).map((c) => c.effectiveCost));
  const eligible = sumDec(
    usage.filter((c) => is(c.pricingCategory, "committed") || is(c.pricingCategory, "standard")).map((c) => c.effectiveCost),
  );
  return { committed, eligible, rate: ratio(committed, eligible) };
}

export type Savings = {
  listCost: Dec;
  contractedCost: Dec;
  effectiveCost: Dec;
  /** ListCost − ContractedCost. */
  negotiated: Dec;
  /** ContractedCost − EffectiveCost (negative when unused commitment costs more than it saved). */
  commitment: Dec;
  /** ListCost − EffectiveCost. */
  total: Dec;
  /** (ListCost − EffectiveCost) ÷ ListCost; null without list prices. */
  effectiveSavingsRate: Dec | null;
};

/**
 * Savings over Usage rows: negotiated = ListCost − ContractedCost, commitment = ContractedCost − EffectiveCost,
 * effective savings rate = (ListCost − EffectiveCost) ÷ ListCost. A row without ListCost is left out; a row
 * without ContractedCost has no known negotiated discount (ContractedCost = ListCost). Unused commitment rows
 * consumed nothing: their ListCost and ContractedCost count as 0 and their EffectiveCost lowers the savings.
 */
export function commitmentSavings(charges: readonly CommitmentCharge[]): Savings {
  const rows = charges
    .filter((c) => isUsage(c) && (isUnused(c) || c.listCost !== null))
    .map((c) => {
      if (isUnused(c)) return { list: new Dec(0), contracted: new Dec(0), effective: dec(c.effectiveCost) };
      const list = dec(c.listCost);
      return { list, contracted: c.contractedCost === null ? list : dec(c.contractedCost), effective: dec(c.effectiveCost) };
    });
  const listCost = sumDec(rows.map((r) => r.list));
  const contractedCost = sumDec(rows.map((r) => r.contracted));
  const effectiveCost = sumDec(rows.map((r) => r.effective));
  const total = listCost.minus(effectiveCost);
  return {
    listCost,
    contractedCost,
    effectiveCost,
    negotiated: listCost.minus(contractedCost),
    commitment: contractedCost.minus(effectiveCost),
    total,
    effectiveSavingsRate: ratio(total, listCost),
  };
}
