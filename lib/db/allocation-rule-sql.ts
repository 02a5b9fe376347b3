// The SQL of an allocation rule's match, shared by the charge matching (lib/ingest/matching.ts) and the rules list's
// "what each rule caught" (lib/queries/allocation/rules.ts), so the two read the same rule.

/**
 * An allocation rule (lib/services/allocation-rules) `r` matches the charge whose m_ keys (withChargeTies: m_provider_id,
 * m_service, m_sku, m_region, m_sub_account, m_tags, m_resource) are read from alias `q`: it is live and every field it
 * names equals the charge's (service and region case-insensitive, tag key also as `user:key`, resource id by prefix).
 * The first match by position, id wins.
 */
export function allocationRuleMatches(r: string, q: string): string {
  return `${r}.archived_at is null
        and (${r}.provider_id is null or ${r}.provider_id = ${q}.m_provider_id)
        and (${r}.service_name is null or lower(${r}.service_name) = ${q}.m_service)
        and (${r}.sku_id is null or ${r}.sku_id = ${q}.m_sku)
        and (${r}.region_id is null or lower(${r}.region_id) = ${q}.m_region)
        and (${r}.sub_account_id is null or ${r}.sub_account_id = ${q}.m_sub_account)
        and (${r}.tag_key is null or btrim(coalesce(${q}.m_tags ->> ${r}.tag_key, ${q}.m_tags ->> ('user:' || ${r}.tag_key))) = ${r}.tag_value)
        and (${r}.resource_id_prefix is null or starts_with(${q}.m_resource, ${r}.resource_id_prefix))`;
}

/** The m_ keys allocationRuleMatches reads, over a cost_line_items row `c` (its provider as tied). */
export const ALLOCATION_KEYS = `c.provider_id as m_provider_id, lower(btrim(c.service_name)) as m_service, nullif(btrim(c.sku_id), '') as m_sku,
  lower(btrim(c.region_id)) as m_region, btrim(c.sub_account_id) as m_sub_account, btrim(c.resource_id) as m_resource,
  (case when jsonb_typeof(c.tags) = 'object' then c.tags end) as m_tags`;
