import type postgres from "postgres";

// The pages `npm run bench:pages` times, each with its bare SQL: the main queries the page runs, written out as
// the page's query modules issue them (same tables, joins, filters and grouping, default filters), so the ratio
// render ÷ bare SQL shows what the page adds on top of its reads. To bench another page, add an entry.

export type BenchIds = {
  /** The contract with the most reservations, and one of its reservations. */
  contractId: string;
  reservationId: string;
  /** First day of the current UTC month, and 12 months before and after it (YYYY-MM-DD). */
  m0: string;
  m12back: string;
  m12ahead: string;
  /** Start of the current UTC day, and 30 days before it (YYYY-MM-DD). */
  today: string;
  day30back: string;
};

export type BenchPage = { name: string; path: (ids: BenchIds) => string; queries: (ids: BenchIds) => string[] };

const day = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

export async function loadBenchIds(sql: postgres.Sql): Promise<BenchIds> {
  const [row] = await sql<{ contract_id: string; reservation_id: string }[]>`
    select r.contract_id, (array_agg(r.id order by r.name))[1] as reservation_id
    from reservations r where r.contract_id is not null group by r.contract_id order by count(*) desc, r.contract_id limit 1`;
  if (!row) throw new Error("The bench database has no reservation under a contract.");
  const now = new Date();
  const m0 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    contractId: row.contract_id,
    reservationId: row.reservation_id,
    m0: day(m0),
    m12back: day(addMonths(m0, -12)),
    m12ahead: day(addMonths(m0, 12)),
    today: day(today),
    day30back: day(new Date(today.getTime() - 30 * 86_400_000)),
  };
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// lib/planning/model.ts: the blocks (every reservation not archived) with provider, site and type.
const PLANNING_BLOCKS = `select r.id, r.name, r.provider_id, p.name as provider_name, p.kind::text as provider_kind, r.site_id, s.name as site_name,
    r.accelerator_type_id, t.name as type_name, t.family, t.vendor, r.quantity, ${iso("r.start_at")} as start_at, ${iso("r.end_at")} as end_at,
    to_char(r.delivery_date, 'YYYY-MM-DD') as delivery_date, r.pricing_model::text as pricing_model, r.rate::text as rate, r.currency,
    r.contract_id, r.status::text as status, t.h100_equivalent::text as factor, t.system_w, t.bf16_tflops::text as bf16_tflops
  from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
  join accelerator_types t on t.id = r.accelerator_type_id
  where r.archived_at is null`;

// lib/queries/capacity/history.ts: used H100e·h per family and month from utilization_monthly.
const usageHistory = (ids: BenchIds, months: number) => `select to_char(m.month, 'YYYY-MM-DD') as month, t.family as key, t.family as label,
    sum(m.used_ah * t.h100_equivalent)::text as used, max(m.hours_reported)::int as reported
  from utilization_monthly m join reservations r on r.id = m.reservation_id join accelerator_types t on t.id = r.accelerator_type_id
  join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
  where r.archived_at is null and m.month >= '${ids.m0}'::date - ${months} * interval '1 month' and m.month < '${ids.m0}'::date
  group by m.month, t.family, t.family`;

// lib/queries/costs/billing.ts: Σ cost per provider, family and month of billing in the range.
const billingGroups = (from: string, to: string) => `select coalesce(c.provider_id::text, 'name:' || coalesce(c.provider_name, '')) as provider,
    coalesce(p.name, c.provider_name, 'Unknown provider') as provider_name, t.family,
    to_char(date_trunc('month', c.charge_period_start at time zone 'UTC'), 'YYYY-MM-DD') as month,
    sum(c.effective_cost)::text as effective, sum(c.list_cost)::text as list,
    sum(coalesce(c.contracted_cost, c.list_cost)) filter (where c.list_cost is not null)::text as contracted
  from cost_line_items c join imports i on i.id = c.import_id left join providers p on p.id = c.provider_id
  left join accelerator_types t on t.id = c.accelerator_type_id left join reservations r on r.id = c.reservation_id
  where i.status = 'succeeded' and c.billing_currency = 'USD'
    and c.charge_period_start >= '${from}'::timestamptz and c.charge_period_start < '${to}'::timestamptz
  group by 1, 2, 3, 4`;

const billedMonths = (from: string, to: string) => `select distinct coalesce(c.provider_id::text, 'name:' || coalesce(c.provider_name, '')) as provider,
    to_char(date_trunc('month', c.charge_period_start at time zone 'UTC'), 'YYYY-MM-DD') as month
  from cost_line_items c join imports i on i.id = c.import_id
  where i.status = 'succeeded' and c.billing_currency = 'USD'
    and c.charge_period_start >= '${from}'::timestamptz and c.charge_period_start < '${to}'::timestamptz`;

const periodCommitments = (from: string, to: string) => `select c.provider_id::text as provider_id, coalesce(p.name, c.provider_name, 'Unknown provider') as provider_name,
    c.charge_category, c.pricing_category, c.commitment_discount_status as status,
    sum(c.effective_cost)::text as effective, sum(c.list_cost)::text as list, sum(c.contracted_cost)::text as contracted
  from cost_line_items c join imports i on i.id = c.import_id left join providers p on p.id = c.provider_id
  where i.status = 'succeeded' and c.billing_currency = 'USD' and c.provider_id is not null
    and c.charge_period_start >= '${from}'::timestamptz and c.charge_period_start < '${to}'::timestamptz
  group by 1, 2, 3, 4, 5, (c.list_cost is null), (c.contracted_cost is null)`;

// lib/queries/costs/billing.ts loadMonthlyUsed and lib/queries/utilization: used AH per block and month.
const monthlyUsed = (from: string, to: string) => `select u.reservation_id, to_char(u.month, 'YYYY-MM-DD') as month, u.used_ah::text as used_ah
  from utilization_monthly u join reservations r on r.id = u.reservation_id join accelerator_types t on t.id = r.accelerator_type_id
  where u.month >= '${from}'::date and u.month < '${to}'::date and r.archived_at is null`;

// lib/queries/overview/utilization.ts: the last 30 days from utilization_daily, by day and by family.
const overviewRollups = (ids: BenchIds) => `select d.day, d.used_ah,
    r.quantity * greatest(0, extract(epoch from least(r.end_at, ((d.day + 1)::timestamp at time zone 'UTC')) - greatest(r.start_at, (d.day::timestamp at time zone 'UTC')))) / 3600 as capacity_ah,
    t.family, r.pricing_model, r.rate, r.currency
  from utilization_daily d join reservations r on r.id = d.reservation_id join accelerator_types t on t.id = r.accelerator_type_id
  where r.archived_at is null and d.day >= '${ids.day30back}'::date and d.day < '${ids.today}'::date`;

export const BENCH_PAGES: BenchPage[] = [
  {
    name: "Overview /",
    path: () => "/",
    queries: (ids) => [
      `with u as (${overviewRollups(ids)}) select to_char(day, 'YYYY-MM-DD') as day, sum(used_ah)::text, sum(capacity_ah)::text from u group by day`,
      `with u as (${overviewRollups(ids)}) select family, pricing_model::text, rate::text, currency, sum(used_ah)::text, sum(capacity_ah)::text
        from u group by family, pricing_model, rate, currency`,
      PLANNING_BLOCKS,
      usageHistory(ids, 24),
    ],
  },
  {
    name: "/contracts",
    path: () => "/contracts",
    queries: () => [
      `select c.id, c.name, c.reference, p.name as provider, c.start_date, c.end_date, c.committed_amount, c.currency, c.status,
         (select count(*) from reservations r where r.contract_id = c.id and r.archived_at is null) as reservations
       from contracts c join providers p on p.id = c.provider_id where c.archived_at is null
       order by c.end_date desc, c.id limit 50`,
    ],
  },
  {
    name: "/contracts/[id]",
    path: (ids) => `/contracts/${ids.contractId}`,
    queries: (ids) => [
      `select to_char(date_trunc('month', c.charge_period_start at time zone 'UTC'), 'YYYY-MM-DD') as month, sum(c.effective_cost)::text as amount
       from cost_line_items c join imports i on i.id = c.import_id
       where c.contract_id = '${ids.contractId}' and i.status = 'succeeded' and c.billing_currency = 'USD' group by 1`,
      `select d.reservation_id, to_char(date_trunc('month', d.day), 'YYYY-MM-DD') as month, sum(d.used_ah)::text as used_ah
       from utilization_daily d join reservations r on r.id = d.reservation_id
       where r.contract_id = '${ids.contractId}' and r.pricing_model <> 'reserved' group by 1, 2`,
      `select r.* from reservations r where r.contract_id = '${ids.contractId}' order by r.start_at`,
    ],
  },
  {
    name: "/reservations",
    path: () => "/reservations",
    queries: (ids) => [
      `select r.id, r.name, p.name as provider, s.name as site, t.name as type, r.quantity, r.start_at, r.end_at, r.rate, r.status
       from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
       join accelerator_types t on t.id = r.accelerator_type_id where r.archived_at is null order by r.start_at desc, r.id limit 50`,
      `select count(*) from reservations r where r.archived_at is null`,
      `select r.id, r.name, p.name as provider, s.name as site, t.family, r.quantity, r.start_at, r.end_at, r.status
       from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
       join accelerator_types t on t.id = r.accelerator_type_id
       where r.archived_at is null and r.start_at < '${ids.m12ahead}'::date + interval '6 months' and r.end_at > '${ids.m12back}'::date
       order by r.start_at limit 400`,
    ],
  },
  {
    name: "/reservations/[id]",
    path: (ids) => `/reservations/${ids.reservationId}`,
    queries: (ids) => [
      `select r.*, p.name, s.name, t.name from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
       join accelerator_types t on t.id = r.accelerator_type_id where r.id = '${ids.reservationId}'`,
      `select month, used_ah, hours_reported from utilization_monthly where reservation_id = '${ids.reservationId}' order by month`,
    ],
  },
  {
    name: "/sites",
    path: () => "/sites",
    queries: () => [
      `select s.id, s.name, p.name as provider, s.pue,
         (select b.contracted_mw from power_budgets b where b.site_id = s.id and b.effective_from <= current_date
           and (b.effective_to is null or b.effective_to > current_date) order by b.effective_from desc limit 1) as budget,
         (select count(*) from reservations r where r.site_id = s.id and r.archived_at is null) as reservations
       from sites s join providers p on p.id = s.provider_id where s.archived_at is null order by s.name limit 50`,
    ],
  },
  {
    name: "/imports",
    path: () => "/imports",
    queries: () => [
      `select i.id, i.kind, i.file_name, i.rows, i.status, i.created_at, i.finished_at, u.email
       from imports i left join users u on u.id = i.created_by order by i.created_at desc, i.id desc limit 50`,
      `select count(*) from imports`,
    ],
  },
  {
    name: "/capacity",
    path: () => "/capacity",
    queries: (ids) => [PLANNING_BLOCKS, usageHistory(ids, 24)],
  },
  {
    name: "/power",
    path: () => "/power",
    queries: () => [
      PLANNING_BLOCKS,
      `select site_id, to_char(effective_from, 'YYYY-MM-DD'), to_char(effective_to, 'YYYY-MM-DD'), contracted_mw::text
       from power_budgets order by site_id, effective_from`,
    ],
  },
  {
    name: "/costs",
    path: () => "/costs",
    queries: (ids) => [
      PLANNING_BLOCKS,
      monthlyUsed(ids.m12back, ids.m12ahead),
      billedMonths(ids.m12back, ids.m12ahead),
      billingGroups(ids.m12back, ids.m12ahead),
      periodCommitments(ids.m12back, ids.m0),
    ],
  },
  {
    name: "/utilization",
    path: () => "/utilization",
    queries: (ids) => [
      PLANNING_BLOCKS,
      monthlyUsed(ids.m12back, ids.m0),
    ],
  },
  {
    name: "/concentration",
    path: () => "/concentration",
    queries: (ids) => [PLANNING_BLOCKS, usageHistory(ids, 24)],
  },
  {
    name: "/scenarios",
    path: () => "/scenarios",
    queries: () => [
      `select s.id, s.name, s.description, s.overrides, s.archived_at, s.updated_at, s.version,
         (select count(*) from demand_plans d where d.scenario_id = s.id and d.archived_at is null) as demand_plans
       from scenarios s where s.archived_at is null order by s.name`,
    ],
  },
  {
    name: "/lease-vs-build",
    path: () => "/lease-vs-build",
    queries: () => [
      `select r.accelerator_type_id, case when r.pricing_model = 'reserved' then 'reserved' else 'usage' end as billing, r.rate::text
       from reservations r where r.archived_at is null and r.currency = 'USD' and r.end_at > now()`,
      `select id, name, family, system_w from accelerator_types where archived_at is null order by name`,
    ],
  },
];
