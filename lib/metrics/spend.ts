import { sumDec, type Dec, type DecimalValue } from "./decimal";
import { plannedCost, type PlannedCostInput } from "./planned-cost";

export type ContractStatus = "proposed" | "pending" | "active" | "exhausted" | "expired" | "cancelled";

// Signed and still binding: pending (not started), active, exhausted (consumed but owed); proposed is unsigned, expired/cancelled are over.
export const COMMITTED_STATUSES: readonly ContractStatus[] = ["active", "pending", "exhausted"];

export function isCommitted(status: ContractStatus): boolean {
  return COMMITTED_STATUSES.includes(status);
}

/** committed spend = Σ committed amount of contracts that are active, pending or exhausted. */
export function committedSpend(contracts: readonly { status: ContractStatus; committedAmount: DecimalValue }[]): Dec {
  return sumDec(contracts.filter((c) => isCommitted(c.status)).map((c) => c.committedAmount));
}

/** planned spend = Σ planned_cost over blocks, each with its capacity and use within the period. */
export function plannedSpend(blocks: readonly PlannedCostInput[]): Dec {
  return sumDec(blocks.map(plannedCost));
}
