import type { CsvValue } from "@/lib/csv/write";
import { money } from "@/lib/csv/write";
import { contractListRows, type ContractListParams } from "@/lib/queries/contracts";
import type { Ctx } from "@/lib/auth/context";
import { computedStatus } from "@/lib/metrics/burndown-status";
import { burndownInCents } from "@/lib/metrics/burndown";

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
  "x_contract_name",
  "x_provider",
  "x_lifecycle_status",
  "x_computed_status",
  "x_committed",
  "x_consumed",
  "x_expected",
  "x_scheduled_remaining",
  "x_other_remaining",
  "x_projected_at_end",
  "x_shortfall",
  "x_overrun",
  "x_term_ended",
  "x_as_of",
] as const;

const PAGE = 500;

const focusTs = (day: string) => `${day}T00:00:00Z`;

/**
 * The contract register for procurement: one spend commitment per contract (its committed amount over its
 * term), with the burn-down the contract page shows at asOf. Rows are the contract list's with these filters and
 * sort; burn-downs are computed one page of contracts at a time (three or four queries per page).
 */
export async function* contractRegisterRows(ctx: Ctx, params: ContractListParams, asOf: Date, pageSize = PAGE): AsyncGenerator<CsvValue[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await contractListRows(ctx, params, offset, pageSize, asOf);
    for (const c of page) {
      const b = c.burndown;
      const x = burndownInCents(b);
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
        computedStatus(b).kind,
        money(c.committedAmount),
        money(x.consumed),
        money(x.expected),
        money(x.scheduled),
        money(x.other),
        money(x.projected),
        money(x.shortfall),
        money(x.overrun),
        b.ended ? "yes" : "no",
        asOf,
      ];
    }
    if (page.length < pageSize) return;
  }
}
