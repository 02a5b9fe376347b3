import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";

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

export type MatchRule = "provider" | "reservation" | "contract" | "accelerator";

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
 * Ties the charges of one import to providers, reservations, contracts and accelerator types (rules in
 * README, "Matching charges"). Runs inside the import's transaction, set-based: a handful of statements
 * whatever the number of rows.
 */
export async function matchCharges(tx: Executor, importId: number): Promise<MatchResult> {
  return applyRules(tx, sql`c.import_id = ${importId}`, ["provider", "reservation", "contract", "accelerator"]);
}

/**
 * Applies the rules again to charges already loaded (all, or one provider's), e.g. after a SKU mapping is
 * created, edited or archived. Recomputes the chosen ties; a tie whose rule no longer holds is removed.
 */
export async function rematchCharges(
  tx: Executor,
  opts: { providerId?: string; rules?: readonly MatchRule[] } = {},
): Promise<MatchResult> {
  const scope = opts.providerId ? sql`c.provider_id = ${opts.providerId}::uuid` : sql`true`;
  return applyRules(tx, scope, opts.rules ?? ["provider", "reservation", "contract", "accelerator"]);
}

async function applyRules(tx: Executor, scope: SQL, rules: readonly MatchRule[]): Promise<MatchResult> {
  if (rules.includes("provider")) await matchProviders(tx, scope);
  if (rules.includes("reservation")) await matchReservations(tx, scope);
  if (rules.includes("contract")) await matchContracts(tx, scope);
  if (rules.includes("accelerator")) await matchAccelerators(tx, scope);
  return countMatches(tx, scope);
}

// "ContractId":"X" inside ContractApplied, whether kept as a JSON value or as a JSON-escaped string.
const CONTRACT_ID_PATTERN = String.raw`\\?"ContractId\\?"\s*:\s*\\?"([^"\\]+)`;

const tag = (key: string) => sql.raw(`nullif(btrim(coalesce(c.tags ->> '${key}', c.tags ->> 'user:${key}')), '')`);

// A key of `extra` (unknown FOCUS columns), whatever the case the loader kept it in.
const extraValue = (lowerKey: string) =>
  sql.raw(`(select e.value from jsonb_each(c.extra) e where lower(e.key) = '${lowerKey}' limit 1)`);

const chargeProviderName = sql`lower(btrim(coalesce(nullif(btrim(c.provider_name), ''), ${extraValue("serviceprovidername")} #>> '{}')))`;

// Provider: exact name (case-insensitive) first, then an alias; a live provider before an archived one.
async function matchProviders(tx: Executor, scope: SQL): Promise<void> {
  const aliases = JSON.stringify(PROVIDER_ALIASES.flatMap((names, grp) => names.map((alias) => ({ alias, grp }))));
  await tx.execute(sql`
    with names as (
      select distinct ${chargeProviderName} as n from cost_line_items c where ${scope}
    ), aliases as (
      select alias, grp from jsonb_to_recordset(${aliases}::jsonb) as a(alias text, grp int)
    ), resolved as (
      select distinct on (names.n) names.n, p.id as provider_id
      from names
      join providers p on lower(btrim(p.name)) = names.n
        or exists (select 1 from aliases a1 join aliases a2 on a1.grp = a2.grp
                   where a1.alias = names.n and a2.alias = lower(btrim(p.name)))
      where names.n is not null
      order by names.n, (lower(btrim(p.name)) = names.n) desc, (p.archived_at is null) desc, p.name, p.id
    )
    update cost_line_items c set provider_id = resolved.provider_id
    from resolved
    where ${scope} and ${chargeProviderName} = resolved.n and c.provider_id is distinct from resolved.provider_id`);
}

// Reservation: CapacityReservationId, else the reservation tag (= reservation name); same provider when known.
async function matchReservations(tx: Executor, scope: SQL): Promise<void> {
  await tx.execute(sql`
    with cand as (
      select c.id, c.charge_period_start, r.id as rid, 1 as pri
      from cost_line_items c
      join reservations r on r.capacity_reservation_id = btrim(c.capacity_reservation_id)
        and r.archived_at is null and (c.provider_id is null or r.provider_id = c.provider_id)
      where ${scope} and c.capacity_reservation_id is not null
      union all
      select c.id, c.charge_period_start, r.id, 2
      from cost_line_items c
      join reservations r on r.name = ${tag(RESERVATION_TAG)}
        and r.archived_at is null and (c.provider_id is null or r.provider_id = c.provider_id)
      where ${scope} and c.tags is not null
    ), best as (
      select distinct on (id, charge_period_start) id, charge_period_start, rid from cand order by id, charge_period_start, pri, rid
    ), resolved as (
      select c.id, c.charge_period_start, best.rid
      from cost_line_items c left join best on best.id = c.id and best.charge_period_start = c.charge_period_start
      where ${scope}
    )
    update cost_line_items c set reservation_id = resolved.rid
    from resolved
    where c.id = resolved.id and c.charge_period_start = resolved.charge_period_start and c.reservation_id is distinct from resolved.rid`);
}

// Contract: CommitmentDiscountId = reference, else a ContractApplied ContractId (FOCUS 1.3), else the contract
// tag, else the matched reservation's contract; always same currency and ChargePeriodStart within the term.
async function matchContracts(tx: Executor, scope: SQL): Promise<void> {
  const fits = sql.raw(`k.archived_at is null and k.currency = c.billing_currency
    and c.charge_period_start >= (k.start_date::timestamp at time zone 'UTC')
    and c.charge_period_start < (k.end_date::timestamp at time zone 'UTC')
    and (c.provider_id is null or k.provider_id = c.provider_id)`);
  await tx.execute(sql`
    with applied as (
      select c.id, c.charge_period_start, m[1] as ref
      from cost_line_items c
      cross join lateral regexp_matches(${extraValue("contractapplied")}::text, ${CONTRACT_ID_PATTERN}, 'g') as m
      where ${scope} and c.extra is not null
    ), cand as (
      select c.id, c.charge_period_start, k.id as kid, 1 as pri, k.start_date
      from cost_line_items c join contracts k on k.reference = btrim(c.commitment_discount_id) and ${fits}
      where ${scope} and c.commitment_discount_id is not null
      union all
      select c.id, c.charge_period_start, k.id, 2, k.start_date
      from applied a
      join cost_line_items c on c.id = a.id and c.charge_period_start = a.charge_period_start
      join contracts k on k.reference = btrim(a.ref) and ${fits}
      union all
      select c.id, c.charge_period_start, k.id, 3, k.start_date
      from cost_line_items c join contracts k on k.reference = ${tag(CONTRACT_TAG)} and ${fits}
      where ${scope} and c.tags is not null
      union all
      select c.id, c.charge_period_start, k.id, 4, k.start_date
      from cost_line_items c
      join reservations r on r.id = c.reservation_id
      join contracts k on k.id = r.contract_id and ${fits}
      where ${scope} and c.reservation_id is not null
    ), best as (
      select distinct on (id, charge_period_start) id, charge_period_start, kid
      from cand order by id, charge_period_start, pri, start_date desc, kid
    ), resolved as (
      select c.id, c.charge_period_start, best.kid
      from cost_line_items c left join best on best.id = c.id and best.charge_period_start = c.charge_period_start
      where ${scope}
    )
    update cost_line_items c set contract_id = resolved.kid
    from resolved
    where c.id = resolved.id and c.charge_period_start = resolved.charge_period_start and c.contract_id is distinct from resolved.kid`);
}

// Accelerator type: a SKU mapping of the charge's provider and SkuId (its region's mapping before the
// region-less one), else the matched reservation's type.
async function matchAccelerators(tx: Executor, scope: SQL): Promise<void> {
  await tx.execute(sql`
    with cand as (
      select c.id, c.charge_period_start, m.accelerator_type_id as tid, case when m.region_id is null then 2 else 1 end as pri
      from cost_line_items c
      join sku_mappings m on m.provider_id = c.provider_id and m.sku_id = btrim(c.sku_id) and m.archived_at is null
        and (m.region_id is null or lower(m.region_id) = lower(btrim(c.region_id)))
      where ${scope} and c.sku_id is not null and c.provider_id is not null
      union all
      select c.id, c.charge_period_start, r.accelerator_type_id, 3
      from cost_line_items c join reservations r on r.id = c.reservation_id
      where ${scope} and c.reservation_id is not null
    ), best as (
      select distinct on (id, charge_period_start) id, charge_period_start, tid from cand order by id, charge_period_start, pri
    ), resolved as (
      select c.id, c.charge_period_start, best.tid
      from cost_line_items c left join best on best.id = c.id and best.charge_period_start = c.charge_period_start
      where ${scope}
    )
    update cost_line_items c set accelerator_type_id = resolved.tid
    from resolved
    where c.id = resolved.id and c.charge_period_start = resolved.charge_period_start and c.accelerator_type_id is distinct from resolved.tid`);
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
