import { formatDecimalExact, formatMoneyExact } from "./number";

/** The unit suffix of a use budget's figures. */
export const USE_UNIT_LABEL: Record<string, string> = { ah: "AH", h100e_h: "H100e·h" };

/** A budget's figure in its unit: money with its currency ("$1,234.50"), use as "1,234 AH" or "1,234 H100e·h". */
export function formatBudgetValue(value: { toFixed(): string } | string | null | undefined, unit: string, currency: string): string {
  if (value === null || value === undefined) return "—";
  const s = typeof value === "string" ? value : value.toFixed();
  if (unit === "money") return formatMoneyExact(s, currency);
  return `${formatDecimalExact(s, 0)} ${USE_UNIT_LABEL[unit] ?? unit}`;
}

export type BudgetScopeFields = {
  scopeKind: string;
  providerName: string | null;
  family: string | null;
  teamName: string | null;
  workloadName: string | null;
  contractName: string | null;
};

/** "Whole lab", "Provider Azure", "Family H100", "Team Research", "Workload Llama pre-training", "Contract Azure MACC". */
export function budgetScopeLabel(b: BudgetScopeFields): string {
  switch (b.scopeKind) {
    case "provider":
      return `Provider ${b.providerName ?? ""}`;
    case "family":
      return `Family ${b.family ?? ""}`;
    case "team":
      return `Team ${b.teamName ?? ""}`;
    case "workload":
      return `Workload ${b.workloadName ?? ""}`;
    case "contract":
      return `Contract ${b.contractName ?? ""}`;
    default:
      return "Whole lab";
  }
}

/** "Money (EUR)", "Accelerator-hours", "H100e·h". */
export function budgetUnitLabel(unit: string, currency: string): string {
  if (unit === "money") return `Money (${currency})`;
  return unit === "ah" ? "Accelerator-hours (AH)" : "H100-equivalent hours (H100e·h)";
}
