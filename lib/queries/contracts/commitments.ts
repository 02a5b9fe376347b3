import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import {
  commitmentCoverage,
  commitmentSavings,
  commitmentUtilization,
  type CommitmentCharge,
  type Savings,
} from "@/lib/metrics/commitments";
import type { Dec } from "@/lib/metrics/decimal";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export type CommitmentUsage = {
  commitmentDiscountId: string;
  name: string | null;
  type: string | null;
  used: Dec;
  unused: Dec;
  utilization: Dec | null;
};

export type CommitmentMetrics = {
  currency: string;
  charges: number;
  utilization: ReturnType<typeof commitmentUtilization>;
  coverage: ReturnType<typeof commitmentCoverage>;
  savings: Savings;
  /** Per CommitmentDiscountId (reservation, savings plan, CUD …), largest amortized cost first. */
  commitments: CommitmentUsage[];
};

type Group = {
  currency: string;
  charge_category: string;
  pricing_category: string | null;
  status: string | null;
  n: number;
  effective: string;
  list: string | null;
  contracted: string | null;
};

type ByCommitment = {
  currency: string;
  id: string;
  name: string | null;
  type: string | null;
  charge_category: string;
  status: string | null;
  effective: string;
};

/**
 * Commitment utilization, coverage and savings (lib/metrics/commitments.ts) of the charges of one contract or
 * one import, from succeeded imports, one result per billing currency. SQL (over billing_monthly) only sums rows that
 * share every field the definitions look at; the definitions themselves run in TypeScript.
 */
export async function getCommitmentMetrics(ctx: Ctx, scope: { contractId: string } | { importId: number }): Promise<CommitmentMetrics[]> {
  requirePermission(ctx, "app.read");
  const where: SQL = "contractId" in scope ? sql`b.contract_id = ${scope.contractId}::uuid` : sql`b.import_id = ${scope.importId}`;
  const [groups, commitments] = await Promise.all([
    queryRows<Group>(
      ctx.db,
      sql`select b.billing_currency as currency, b.charge_category, b.pricing_category, b.commitment_discount_status as status, sum(b.rows)::int as n,
            sum(b.effective_cost)::text as effective, sum(b.list_cost)::text as list, sum(b.contracted_cost)::text as contracted
          from billing_monthly b join imports i on i.id = b.import_id
          where ${where} and i.status = 'succeeded'
          group by 1, 2, 3, 4, b.has_list_cost, b.has_contracted_cost`,
    ),
    queryRows<ByCommitment>(
      ctx.db,
      sql`select b.billing_currency as currency, b.commitment_discount_id as id, max(b.commitment_discount_name) as name, max(b.commitment_discount_type) as type,
            b.charge_category, b.commitment_discount_status as status, sum(b.effective_cost)::text as effective
          from billing_monthly b join imports i on i.id = b.import_id
          where ${where} and i.status = 'succeeded' and b.commitment_discount_id is not null
          group by 1, 2, 5, 6`,
    ),
  ]);
  const currencies = [...new Set(groups.map((g) => g.currency))].sort();
  return currencies.map((currency) => {
    const charges: CommitmentCharge[] = groups
      .filter((g) => g.currency === currency)
      .map((g) => ({
        chargeCategory: g.charge_category,
        pricingCategory: g.pricing_category,
        commitmentDiscountStatus: g.status,
        effectiveCost: g.effective,
        listCost: g.list,
        contractedCost: g.contracted,
      }));
    return {
      currency,
      charges: groups.filter((g) => g.currency === currency).reduce((n, g) => n + Number(g.n), 0),
      utilization: commitmentUtilization(charges),
      coverage: commitmentCoverage(charges),
      savings: commitmentSavings(charges),
      commitments: perCommitment(commitments.filter((c) => c.currency === currency)),
    };
  });
}

function perCommitment(rows: ByCommitment[]): CommitmentUsage[] {
  const ids = [...new Set(rows.map((r) => r.id))];
  return ids
    .map((id) => {
      const mine = rows.filter((r) => r.id === id);
      const u = commitmentUtilization(
        mine.map((r) => ({
          chargeCategory: r.charge_category,
          pricingCategory: null,
          commitmentDiscountStatus: r.status,
          effectiveCost: r.effective,
          listCost: null,
          contractedCost: null,
        })),
      );
      return {
        commitmentDiscountId: id,
        name: mine.find((r) => r.name)?.name ?? null,
        type: mine.find((r) => r.type)?.type ?? null,
        used: u.used,
        unused: u.unused,
        utilization: u.rate,
      };
    })
    .sort(
      (a, b) => b.used.plus(b.unused).comparedTo(a.used.plus(a.unused)) || a.commitmentDiscountId.localeCompare(b.commitmentDiscountId),
    );
}
