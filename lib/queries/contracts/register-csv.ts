import type { CsvValue } from "@/lib/csv/write";
import { money } from "@/lib/csv/write";
import { getContractBurndowns } from "@/lib/queries/contracts/burndown";
import { contractRows, type ContractListParams } from "@/lib/queries/contracts";
import type { Ctx } from "@/lib/auth/context";

/** FOCUS 1.3 Contract Commitment columns, then Headroom's own (x_ prefix, as FOCUS asks of custom columns). */
export const CONTRACT_REGISTER_HEADER = [
  "ContractCommitmentId",
  "ContractCommitmentType",
  "ContractCommitmentCategory",
  "ContractCommitmentCost",
  "ContractCommitmentQuantity",
  "ContractCommitmentUnit",
  "ContractCommitmentDescription",
  "ContractCommitmentPeriodStart",
  "ContractCommitmentPeriodEnd",
  "ContractId",
  "ContractPeriodStart",
  "ContractPeriodEnd",
  "BillingCurrency",
  "x_ContractName",
  "x_Provider",
  "x_LifecycleStatus",
  "x_Committed",
  "x_Consumed",
  "x_Expected",
  "x_ProjectedAtEnd",
  "x_Shortfall",
  "x_Overrun",
  "x_AsOf",
] as const;

const PAGE = 500;

const focusTs = (day: string) => `${day}T00:00:00Z`;

/**
 * The contract register for procurement: one spend commitment per contract (its committed amount over its
 * term), with the burn-down the contract page shows at asOf. Rows are the contract list's with these filters;
 * burn-downs are computed one page of contracts at a time (three queries per page).
 */
export async function* contractRegisterRows(ctx: Ctx, params: ContractListParams, asOf: Date, pageSize = PAGE): AsyncGenerator<CsvValue[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await contractRows(ctx, params, offset, pageSize);
    const burndowns = await getContractBurndowns(ctx, page, asOf);
    for (const [i, c] of page.entries()) {
      const b = burndowns[i]!;
      yield [
        c.id,
        "Minimum Spend",
        "Spend",
        money(c.committedAmount),
        null,
        null,
        c.name,
        focusTs(c.startDate),
        focusTs(c.endDate),
        c.reference ?? c.id,
        focusTs(c.startDate),
        focusTs(c.endDate),
        c.currency,
        c.name,
        c.providerName,
        c.status,
        money(c.committedAmount),
        money(b.consumed),
        money(b.expected),
        money(b.projected),
        money(b.shortfall),
        money(b.overrun),
        asOf,
      ];
    }
    if (page.length < pageSize) return;
  }
}
