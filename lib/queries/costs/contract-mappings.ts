import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { requirePermission, type Ctx } from "@/lib/auth/context";

export type ContractMappingRow = {
  id: string;
  providerId: string;
  providerName: string;
  serviceName: string | null;
  skuId: string | null;
  regionId: string | null;
  tagKey: string | null;
  tagValue: string | null;
  subAccountId: string | null;
  contractId: string;
  contractName: string;
  /** Charges the rule matches that are tied to its contract (by it or by a stronger tie to the same contract). */
  charges: number;
  archivedAt: string | null;
  version: number;
};

// The rule's fields against a charge, as lib/ingest/matching.ts compares them.
const CHARGES = sql.raw(`case when m.archived_at is not null then 0 else (
  select count(*)::int from cost_line_items c
  where c.provider_id = m.provider_id and c.contract_id = m.contract_id
    and (m.service_name is null or lower(btrim(c.service_name)) = lower(m.service_name))
    and (m.sku_id is null or btrim(c.sku_id) = m.sku_id)
    and (m.region_id is null or lower(btrim(c.region_id)) = lower(m.region_id))
    and (m.sub_account_id is null or btrim(c.sub_account_id) = m.sub_account_id)
    and (m.tag_key is null or (jsonb_typeof(c.tags) = 'object'
      and btrim(coalesce(c.tags ->> m.tag_key, c.tags ->> ('user:' || m.tag_key))) = m.tag_value))
) end`);

const SELECT = sql`select m.id, m.provider_id as "providerId", p.name as "providerName", m.service_name as "serviceName", m.sku_id as "skuId",
    m.region_id as "regionId", m.tag_key as "tagKey", m.tag_value as "tagValue", m.sub_account_id as "subAccountId",
    m.contract_id as "contractId", k.name as "contractName", ${CHARGES} as charges, m.archived_at::text as "archivedAt", m.version
  from contract_mappings m join providers p on p.id = m.provider_id join contracts k on k.id = m.contract_id`;

/** Every contract mapping, live ones first, by provider and contract. */
export async function listContractMappings(ctx: Ctx): Promise<ContractMappingRow[]> {
  requirePermission(ctx, "app.read");
  const rows = await queryRows<ContractMappingRow>(
    ctx.db,
    sql`${SELECT} order by m.archived_at is not null, p.name, k.name, m.created_at, m.id limit 1000`,
  );
  return rows.map((r) => ({ ...r, charges: Number(r.charges) }));
}

export async function getContractMapping(ctx: Ctx, id: string): Promise<ContractMappingRow | null> {
  requirePermission(ctx, "app.read");
  const [row] = await queryRows<ContractMappingRow>(ctx.db, sql`${SELECT} where m.id = ${id}::uuid`);
  return row ? { ...row, charges: Number(row.charges) } : null;
}

/** "Service Object Storage · region us-east-1 · tag team=ml": what a rule asks of a charge. */
export function describeContractMapping(
  m: Pick<ContractMappingRow, "serviceName" | "skuId" | "regionId" | "tagKey" | "tagValue" | "subAccountId">,
) {
  const parts = [
    m.serviceName ? `service ${m.serviceName}` : null,
    m.skuId ? `SKU ${m.skuId}` : null,
    m.regionId ? `region ${m.regionId}` : null,
    m.tagKey ? `tag ${m.tagKey}=${m.tagValue ?? ""}` : null,
    m.subAccountId ? `sub-account ${m.subAccountId}` : null,
  ].filter((p): p is string => p !== null);
  const text = parts.join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
