import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { allocationRuleMatches } from "@/lib/db/allocation-rule-sql";
import { billingMonthKeys, CHARGE_MONTH, refreshBillingMonthly } from "./billing-monthly";

export type MatchResult = {
  /** Charges in scope. */
  rows: number;
  matchedProvider: number;
  matchedContract: number;
  matchedReservation: number;
  matchedAccelerator: number;
  /** Charges tied to neither a contract, a reservation nor an accelerator type. */
  unmatched: number;
  /** Σ EffectiveCost of the unmatched charges, exact decimal string. */
  unmatchedEffectiveCost: string;
};

export type MatchRule = "provider" | "reservation" | "contract" | "accelerator" | "workload";
const ALL_RULES: readonly MatchRule[] = ["provider", "reservation", "contract", "accelerator", "workload"];

/** Tag keys a team can set on its resources to tie their charges explicitly (AWS prefixes user tags with `user:`). */
export const CONTRACT_TAG = "headroom-contract";
export const RESERVATION_TAG = "headroom-reservation";

/**
 * Spellings of one provider in billing exports (ProviderName, ServiceProviderName). A charge's provider is
 * the Headroom provider whose name equals the charge's name case-insensitively, else one whose name is in the
 * same alias group as the charge's name.
 */
export const PROVIDER_ALIASES: readonly (readonly string[])[] = [
  ["aws", "amazon web services", "amazon web services, inc.", "amazon", "amazon aws"],
  ["microsoft", "azure", "microsoft azure", "microsoft corporation"],
  ["oracle", "oci", "oracle oci", "oracle cloud", "oracle cloud infrastructure"],
  ["google", "google cloud", "google cloud platform", "gcp"],
  ["coreweave", "coreweave, inc."],
  ["lambda", "lambda labs", "lambda cloud"],
];

/**
 * Where the rules read a charge's fields: SQL expressions of the right types (jsonb for extra and tags,
 * timestamptz for the period start, text otherwise) over one row under the given alias — a row of
 * cost_line_items or of a loader's staging table.
 */
export type ChargeFields = {
  providerName: string;
  extra: string;
  tags: string;
  billingCurrency: string;
  chargePeriodStart: string;
  commitmentDiscountId: string;
  capacityReservationId: string;
  skuId: string;
  regionId: string;
  serviceName: string;
  subAccountId: string;
  resourceId: string;
  /** A provider already set on the row, kept when no name resolves. */
  providerId?: string;
};

/** The fields of a cost_line_items row. */
export function tableFields(a: string): ChargeFields {
  return {
    providerName: `${a}.provider_name`,
    extra: `${a}.extra`,
    tags: `${a}.tags`,
    billingCurrency: `${a}.billing_currency`,
    chargePeriodStart: `${a}.charge_period_start`,
    commitmentDiscountId: `${a}.commitment_discount_id`,
    capacityReservationId: `${a}.capacity_reservation_id`,
    skuId: `${a}.sku_id`,
    regionId: `${a}.region_id`,
    serviceName: `${a}.service_name`,
    subAccountId: `${a}.sub_account_id`,
    resourceId: `${a}.resource_id`,
    providerId: `${a}.provider_id`,
  };
}

/** The fields of a loader's typed staging row (cost_line_items' names and types), no provider set yet. */
export function stagedFields(a: string): ChargeFields {
  return { ...tableFields(a), providerId: undefined };
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

const ALIAS_PAIRS = PROVIDER_ALIASES.flatMap((group) => group.flatMap((a) => group.map((b) => `(${quote(a)}, ${quote(b)})`))).join(", ");

// Every spelling a provider answers to → that provider: its own name (case-insensitive) before an alias,
// a live provider before an archived one. A handful of rows whatever the size of the import.
const PROVIDER_NAMES = `(select distinct on (name) name, id from (
    select lower(btrim(p.name)) as name, p.id, 0 as pri, p.archived_at is null as live, p.name as label from providers p
    union all
    select a.alias, p.id, 1, p.archived_at is null, p.name from providers p join (values ${ALIAS_PAIRS}) a(alias, other) on a.other = lower(btrim(p.name))
  ) names order by name, pri, live desc, label collate "C", id)`;

// "ContractId":"X" inside ContractApplied, whether kept as a JSON value or as a JSON-escaped string.
const CONTRACT_ID_PATTERN = String.raw`\\?"ContractId\\?"\s*:\s*\\?"([^"\\]+)`;

/**
 * The matching rules (README, "Matching charges") over the rows of `from` (a table or subquery, read as
 * alias `s` through `fields`): a subquery with every column of `from` plus `m_provider_id`,
 * `m_reservation_id`, `m_contract_id`, `m_accelerator_type_id` and `m_workload_id`. The provider comes from a hash join on a
 * handful of names; every other tie is an index probe run only for rows whose key exists in the register
 * (hash-joined guards), once per row (OFFSET 0 keeps the planner from inlining one step into the next). A
 * loader can select from it in its INSERT … SELECT so charges are tied as they are written.
 */
export function withChargeTies(from: string, fields: (alias: string) => ChargeFields): string {
  const s = fields("s");
  const extraKey = (spellings: string[]) =>
    `(case when jsonb_typeof(${s.extra}) = 'object' then coalesce(${spellings.map((k) => `${s.extra} -> '${k}'`).join(", ")}) end)`;
  const tag = (key: string) =>
    `(case when jsonb_typeof(${s.tags}) = 'object' then nullif(btrim(coalesce(${s.tags} ->> '${key}', ${s.tags} ->> 'user:${key}')), '') end)`;
  const name = `lower(btrim(coalesce(nullif(btrim(${s.providerName}), ''), ${extraKey(["ServiceProviderName", "serviceprovidername", "serviceProviderName", "SERVICEPROVIDERNAME"])} #>> '{}')))`;
  const pid = "q.m_provider_id";
  const sameProvider = (col: string) => `(${pid} is null or ${col} = ${pid})`;
  const fits = `k.archived_at is null and k.currency = q.m_currency
      and q.m_period_start >= (k.start_date::timestamp at time zone 'UTC') and q.m_period_start < (k.end_date::timestamp at time zone 'UTC')
      and ${sameProvider("k.provider_id")}`;
  const newest = "order by k.start_date desc, k.id limit 1";
  // A contract mapping (lib/services/contract-mappings): every field it names equals the charge's; the most specific wins.
  const given = ["service_name", "sku_id", "region_id", "tag_key", "sub_account_id"].map((c) => `(m.${c} is not null)::int`).join(" + ");
  const mappedContract = `select k.id from contract_mappings m join contracts k on k.id = m.contract_id
      where m.provider_id = ${pid} and m.archived_at is null
        and (m.service_name is null or lower(m.service_name) = q.m_service)
        and (m.sku_id is null or m.sku_id = q.m_sku)
        and (m.region_id is null or lower(m.region_id) = q.m_region)
        and (m.sub_account_id is null or m.sub_account_id = q.m_sub_account)
        and (m.tag_key is null or btrim(coalesce(q.m_tags ->> m.tag_key, q.m_tags ->> ('user:' || m.tag_key))) = m.tag_value)
        and ${fits}
      order by ${given} desc, m.created_at, m.id limit 1`;
  const allocated = `select r.workload_id from allocation_rules r where ${allocationRuleMatches("r", "q")} order by r.position, r.id limit 1`;
  const keys = `(select distinct reference from contracts where archived_at is null and reference is not null)`;
  return `(select q.*,
      coalesce(
        case when kc.reference is not null then (select k.id from contracts k where k.reference = q.m_cdi and ${fits} ${newest}) end,
        case when q.m_applied is not null then (select k.id from contracts k where k.reference in (
          select btrim(m[1]) from regexp_matches(q.m_applied, ${quote(CONTRACT_ID_PATTERN)}, 'g') m) and ${fits} ${newest}) end,
        case when kt.reference is not null then (select k.id from contracts k where k.reference = q.m_tag_contract and ${fits} ${newest}) end,
        case when q.m_reservation_id is not null then (select k.id from reservations r join contracts k on k.id = r.contract_id where r.id = q.m_reservation_id and ${fits} limit 1) end,
        case when cm.provider_id is not null then (${mappedContract}) end
      ) as m_contract_id,
      coalesce(
        case when sm.sku_id is not null then coalesce(
          (select m.accelerator_type_id from sku_mappings m where m.provider_id = ${pid} and m.sku_id = q.m_sku and m.archived_at is null
             and m.region_id is not null and lower(m.region_id) = q.m_region order by m.id limit 1),
          (select m.accelerator_type_id from sku_mappings m where m.provider_id = ${pid} and m.sku_id = q.m_sku and m.archived_at is null
             and m.region_id is null limit 1)) end,
        case when q.m_reservation_id is not null then (select r.accelerator_type_id from reservations r where r.id = q.m_reservation_id) end
      ) as m_accelerator_type_id,
      case when ar.live then (${allocated}) end as m_workload_id
    from (select q.*, coalesce(
        case when q.m_cri is not null then (select r.id from reservations r
          where r.capacity_reservation_id = q.m_cri and r.archived_at is null and ${sameProvider("r.provider_id")} order by r.id limit 1) end,
        case when q.m_tag_reservation is not null then (select r.id from reservations r
          where r.name = q.m_tag_reservation and r.archived_at is null and ${sameProvider("r.provider_id")} limit 1) end
      ) as m_reservation_id
      from (select s.*, coalesce(pn.id, ${s.providerId ?? "null::uuid"}) as m_provider_id,
          ${s.billingCurrency} as m_currency, ${s.chargePeriodStart} as m_period_start,
          nullif(btrim(${s.commitmentDiscountId}), '') as m_cdi, nullif(btrim(${s.capacityReservationId}), '') as m_cri,
          nullif(btrim(${s.skuId}), '') as m_sku, lower(btrim(${s.regionId})) as m_region,
          lower(btrim(${s.serviceName})) as m_service, btrim(${s.subAccountId}) as m_sub_account, btrim(${s.resourceId}) as m_resource,
          (case when jsonb_typeof(${s.tags}) = 'object' then ${s.tags} end) as m_tags,
          ${tag(RESERVATION_TAG)} as m_tag_reservation, ${tag(CONTRACT_TAG)} as m_tag_contract,
          ${extraKey(["ContractApplied", "contractapplied", "contractApplied", "CONTRACTAPPLIED"])}::text as m_applied
        from ${from} s left join ${PROVIDER_NAMES} pn on pn.name = ${name} offset 0) q offset 0) q
    left join ${keys} kc on kc.reference = q.m_cdi
    left join ${keys} kt on kt.reference = q.m_tag_contract
    left join (select distinct provider_id from contract_mappings where archived_at is null) cm on cm.provider_id = q.m_provider_id
    left join (select distinct provider_id, sku_id from sku_mappings where archived_at is null) sm on sm.provider_id = q.m_provider_id and sm.sku_id = q.m_sku
    left join (select true as live from allocation_rules where archived_at is null limit 1) ar on true
    offset 0)`;
}

/**
 * Ties the charges of one import to providers, reservations, contracts and accelerator types (rules in
 * README, "Matching charges"). Runs inside the import's transaction, set-based: one UPDATE that rewrites
 * only the rows whose ties change. A loader that already selected its rows through withChargeTies passes
 * `tiedOnInsert` and only gets the counts (no second pass over the rows).
 */
export async function matchCharges(tx: Executor, importId: number, opts: { tiedOnInsert?: boolean } = {}): Promise<MatchResult> {
  const scope = `c.import_id = ${Math.trunc(Number(importId))}`;
  if (opts.tiedOnInsert) return countMatches(tx, sql.raw(scope));
  return applyRules(tx, scope, ALL_RULES);
}

/**
 * Applies the rules again to charges already loaded (all, or one provider's), e.g. after a SKU mapping is
 * created, edited or archived: the chosen ties are recomputed; one whose rule no longer holds is removed
 * (a provider is never removed).
 */
export async function rematchCharges(tx: Executor, opts: { providerId?: string; rules?: readonly MatchRule[] } = {}): Promise<MatchResult> {
  if (opts.providerId !== undefined && !/^[0-9a-f-]{36}$/i.test(opts.providerId))
    throw new Error("rematchCharges: providerId must be a uuid");
  const scope = opts.providerId ? `c.provider_id = '${opts.providerId}'::uuid` : "true";
  return applyRules(tx, scope, opts.rules ?? ALL_RULES);
}

const COLUMN: Record<MatchRule, string> = {
  provider: "provider_id",
  reservation: "reservation_id",
  contract: "contract_id",
  accelerator: "accelerator_type_id",
  workload: "workload_id",
};

async function applyRules(tx: Executor, scope: string, rules: readonly MatchRule[]): Promise<MatchResult> {
  const columns = ALL_RULES.filter((r) => rules.includes(r)).map((r) => COLUMN[r]);
  if (columns.length > 0) {
    // billing_monthly keys of the rewritten rows, before (t) and after (c): a provider tie may move a charge.
    const touched = await queryRows<{ import_id: string; provider_id: string | null; month: string }>(
      tx,
      sql.raw(`
        with changed as (
          update cost_line_items c set ${columns.map((col) => `${col} = t.m_${col}`).join(", ")}
          from ${withChargeTies(`(select * from cost_line_items c where ${scope})`, tableFields)} t
          where c.import_id = t.import_id and c.line_number = t.line_number
            and (${columns.map((col) => `c.${col}`).join(", ")}, null) is distinct from (${columns.map((col) => `t.m_${col}`).join(", ")}, null)
          returning c.import_id, t.provider_id as before_provider_id, c.provider_id, ${CHARGE_MONTH} as month
        )
        select distinct changed.import_id::text as import_id, p.provider_id::text as provider_id, to_char(changed.month, 'YYYY-MM-DD') as month
        from changed cross join lateral (values (changed.before_provider_id), (changed.provider_id)) p(provider_id)`),
    );
    if (touched.length > 0) {
      await refreshBillingMonthly(
        tx,
        billingMonthKeys(touched.map((k) => ({ importId: Number(k.import_id), providerId: k.provider_id, month: k.month }))),
      );
    }
  }
  return countMatches(tx, sql.raw(scope));
}

async function countMatches(tx: Executor, scope: SQL): Promise<MatchResult> {
  const [row] = await queryRows<Record<string, string | number | null>>(
    tx,
    sql`select count(*)::int as rows,
          count(c.provider_id)::int as provider,
          count(c.contract_id)::int as contract,
          count(c.reservation_id)::int as reservation,
          count(c.accelerator_type_id)::int as accelerator,
          count(*) filter (where c.contract_id is null and c.reservation_id is null and c.accelerator_type_id is null)::int as unmatched,
          coalesce(sum(c.effective_cost) filter (where c.contract_id is null and c.reservation_id is null and c.accelerator_type_id is null), 0)::text as unmatched_cost
        from cost_line_items c where ${scope}`,
  );
  return {
    rows: Number(row?.rows ?? 0),
    matchedProvider: Number(row?.provider ?? 0),
    matchedContract: Number(row?.contract ?? 0),
    matchedReservation: Number(row?.reservation ?? 0),
    matchedAccelerator: Number(row?.accelerator ?? 0),
    unmatched: Number(row?.unmatched ?? 0),
    unmatchedEffectiveCost: String(row?.unmatched_cost ?? "0"),
  };
}
