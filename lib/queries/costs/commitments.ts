import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import {
  commitmentCoverage,
  commitmentSavings,
  commitmentUtilization,
  type CommitmentCharge,
  type Savings,
} from "@/lib/metrics/commitments";
import type { Period } from "@/lib/metrics/period";
import type { Ctx } from "@/lib/auth/context";
import { monthsSql } from "./billing";

export type PeriodCommitments = {
  utilization: ReturnType<typeof commitmentUtilization>;
  coverage: ReturnType<typeof commitmentCoverage>;
  savings: Savings;
};

type Group = {
  provider_id: string;
  provider_name: string;
  charge_category: string;
  pricing_category: string | null;
  status: string | null;
  effective: string;
  list: string | null;
  contracted: string | null;
};

function metrics(groups: readonly Group[]): PeriodCommitments {
  const charges: CommitmentCharge[] = groups.map((g) => ({
    chargeCategory: g.charge_category,
    pricingCategory: g.pricing_category,
    commitmentDiscountStatus: g.status,
    effectiveCost: g.effective,
    listCost: g.list,
    contractedCost: g.contracted,
  }));
  return { utilization: commitmentUtilization(charges), coverage: commitmentCoverage(charges), savings: commitmentSavings(charges) };
}

/**
 * Commitment utilization, coverage and savings (lib/metrics/commitments.ts) of the billing of a period, in one
 * currency, per provider and over all providers, from one grouped read (SQL sums rows sharing every field the
 * definitions look at, as lib/queries/commitments.ts does per contract or import), over billing_monthly's whole months.
 */
export async function getPeriodCommitments(
  ctx: Ctx,
  period: Period,
  options: { currency: string; provider: string | null },
): Promise<{ overall: PeriodCommitments | null; byProvider: { providerId: string; providerName: string; metrics: PeriodCommitments }[] }> {
  const groups = await queryRows<Group>(
    ctx.db,
    sql`select b.provider_id::text as provider_id, coalesce(p.name, b.provider_name, 'Unknown provider') as provider_name, b.charge_category,
               b.pricing_category, b.commitment_discount_status as status,
               sum(b.effective_cost)::text as effective, sum(b.list_cost)::text as list, sum(b.contracted_cost)::text as contracted
        from billing_monthly b
        join imports i on i.id = b.import_id
        left join providers p on p.id = b.provider_id
        where i.status = 'succeeded' and b.billing_currency = ${options.currency} and b.provider_id is not null
          and ${monthsSql(period.from, period.to)}
          ${options.provider ? sql`and b.provider_id = ${options.provider}::uuid` : sql``}
        group by 1, 2, 3, 4, 5, b.has_list_cost, b.has_contracted_cost`,
  );
  if (groups.length === 0) return { overall: null, byProvider: [] };
  const providers = new Map<string, Group[]>();
  for (const g of groups) providers.set(g.provider_id, [...(providers.get(g.provider_id) ?? []), g]);
  const byProvider = [...providers.values()]
    .map((mine) => ({ providerId: mine[0]!.provider_id, providerName: mine[0]!.provider_name, metrics: metrics(mine) }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName));
  return { overall: metrics(groups), byProvider };
}
