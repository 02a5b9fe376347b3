import { sql } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/rows";
import { ALLOCATION_KEYS, allocationRuleMatches } from "@/lib/db/allocation-rule-sql";

export type AllocationRuleRow = {
  id: string;
  version: number;
  position: number;
  providerId: string | null;
  providerName: string | null;
  serviceName: string | null;
  skuId: string | null;
  regionId: string | null;
  subAccountId: string | null;
  tagKey: string | null;
  tagValue: string | null;
  resourceIdPrefix: string | null;
  workloadId: string;
  workloadName: string;
  teamName: string;
  notes: string | null;
  archivedAt: Date | null;
  /** Charges this rule caught (it is the first live rule that matches them), from succeeded imports. */
  charges: number;
  /** Σ EffectiveCost of those charges per billing currency, exact decimal strings. */
  cost: { currency: string; amount: string }[];
};

type Raw = Omit<AllocationRuleRow, "charges" | "cost" | "archivedAt"> & { archivedAt: string | Date | null };

/**
 * The allocation rules, live ones in the order they apply then the archived ones, each with its workload and what it caught:
 * the charges an allocation went to (workload_id set) whose first matching live rule it is, by the rules' own SQL.
 */
export async function listAllocationRules(ctx: Ctx, opts: { id?: string } = {}): Promise<AllocationRuleRow[]> {
  requirePermission(ctx, "app.read");
  const only = opts.id ? sql`where r.id = ${opts.id}::uuid` : sql``;
  const [rules, caught] = await Promise.all([
    queryRows<Raw>(
      ctx.db,
      sql`select r.id::text as id, r.version, r.position, r.provider_id::text as "providerId", p.name as "providerName",
            r.service_name as "serviceName", r.sku_id as "skuId", r.region_id as "regionId", r.sub_account_id as "subAccountId",
            r.tag_key as "tagKey", r.tag_value as "tagValue", r.resource_id_prefix as "resourceIdPrefix",
            r.workload_id::text as "workloadId", w.name as "workloadName", t.name as "teamName", r.notes, r.archived_at as "archivedAt"
          from allocation_rules r join workloads w on w.id = r.workload_id join teams t on t.id = w.team_id
          left join providers p on p.id = r.provider_id
          ${only}
          order by r.archived_at is not null, r.position, r.id`,
    ),
    queryRows<{ id: string; currency: string; charges: number; amount: string }>(
      ctx.db,
      sql.raw(`select m.id::text as id, q.billing_currency as currency, count(*)::int as charges, sum(q.effective_cost)::text as amount
          from (select c.billing_currency, c.effective_cost, ${ALLOCATION_KEYS}
                from cost_line_items c join imports i on i.id = c.import_id
                where c.workload_id is not null and i.status = 'succeeded') q
          cross join lateral (select r.id from allocation_rules r where ${allocationRuleMatches("r", "q")} order by r.position, r.id limit 1) m
          group by 1, 2 order by 1, 2`),
    ),
  ]);
  return rules.map((r) => {
    const mine = caught.filter((c) => c.id === r.id);
    return {
      ...r,
      version: Number(r.version),
      position: Number(r.position),
      archivedAt: r.archivedAt === null ? null : new Date(r.archivedAt),
      charges: mine.reduce((s, c) => s + Number(c.charges), 0),
      cost: mine.map((c) => ({ currency: c.currency, amount: c.amount })),
    };
  });
}

export async function getAllocationRule(ctx: Ctx, id: string): Promise<AllocationRuleRow | null> {
  return (await listAllocationRules(ctx, { id }))[0] ?? null;
}

/** The fields a rule names, as `Field: value` phrases in the order the form shows them. */
export function ruleConditions(r: AllocationRuleRow): string[] {
  const out: string[] = [];
  if (r.providerName) out.push(`Provider ${r.providerName}`);
  if (r.serviceName) out.push(`Service ${r.serviceName}`);
  if (r.skuId) out.push(`SKU ${r.skuId}`);
  if (r.regionId) out.push(`Region ${r.regionId}`);
  if (r.subAccountId) out.push(`Sub-account ${r.subAccountId}`);
  if (r.tagKey) out.push(`Tag ${r.tagKey}=${r.tagValue ?? ""}`);
  if (r.resourceIdPrefix) out.push(`Resource id ${r.resourceIdPrefix}…`);
  return out;
}
