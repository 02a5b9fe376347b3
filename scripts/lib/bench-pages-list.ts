import type postgres from "postgres";

// The pages `npm run bench:pages` times, each with its bare SQL: the main queries the page runs, written out as
// the page's query modules issue them (same tables, joins, filters and grouping, default filters), after the session's
// user row (sessionQuery, read first on every request), so the ratio
// render ÷ bare SQL shows what the page adds on top of its reads. To bench another page, add an entry.

export type BenchIds = {
  /** The signed-in user (admin@headroom.local): every page reads its row first (lib/auth/session.ts). */
  userId: string;
  /** The contract with the most reservations, and one of its reservations. */
  contractId: string;
  reservationId: string;
  /** First day of the current UTC month, and 12 months before and after it (YYYY-MM-DD). */
  m0: string;
  m12back: string;
  m12ahead: string;
  /** 1 January of the year of last month (the overview's spend to date starts there). */
  yearStart: string;
  /** Start of the current UTC day, and 30 days before it (YYYY-MM-DD). */
  today: string;
  day30back: string;
};

export type BenchPage = { name: string; path: (ids: BenchIds) => string; queries: (ids: BenchIds) => string[] };

/** lib/auth/session.ts getCtx: the signed-in user's row, read on every request before the page's own queries. */
export const sessionQuery = (ids: BenchIds) => `select * from users where id = '${ids.userId}'`;

const day = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

export async function loadBenchIds(sql: postgres.Sql): Promise<BenchIds> {
  const [row] = await sql<{ contract_id: string; reservation_id: string }[]>`
    select r.contract_id, (array_agg(r.id order by r.name))[1] as reservation_id
    from reservations r where r.contract_id is not null group by r.contract_id order by count(*) desc, r.contract_id limit 1`;
  if (!row) throw new Error("The bench database has no reservation under a contract.");
  const [user] = await sql<{ id: string }[]>`select id from users where email = 'admin@headroom.local'`;
  if (!user) throw new Error("The bench database has no admin@headroom.local.");
  const now = new Date();
  const m0 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    userId: user.id,
    contractId: row.contract_id,
    reservationId: row.reservation_id,
    m0: day(m0),
    m12back: day(addMonths(m0, -12)),
    m12ahead: day(addMonths(m0, 12)),
    yearStart: `${addMonths(m0, -1).getUTCFullYear()}-01-01`,
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

// lib/planning/model.ts: demand plans, sites and power budgets.
const PLANNING_REST = [
  `select p.id, p.name, p.accelerator_family as family, p.kind::text as kind, p.accelerators, p.h100_equivalents::text,
     coalesce(t.h100_equivalent, (select avg(f.h100_equivalent) from accelerator_types f
       where f.family = p.accelerator_family and f.archived_at is null))::text as factor,
     to_char(p.start_date, 'YYYY-MM-DD'), to_char(p.end_date, 'YYYY-MM-DD'), p.priority, p.scenario_id
   from demand_plans p left join accelerator_types t on t.id = p.accelerator_type_id where p.archived_at is null order by p.start_date, p.name`,
  `select s.id, s.name, s.provider_id, p.name as provider_name, s.pue::text as pue
   from sites s join providers p on p.id = s.provider_id where s.archived_at is null order by s.name`,
  `select site_id, to_char(effective_from, 'YYYY-MM-DD'), to_char(effective_to, 'YYYY-MM-DD'), contracted_mw::text
   from power_budgets order by site_id, effective_from`,
];

// lib/queries/filters/options.ts: the FilterBar's choices (answer pages).
const FILTER_OPTIONS = [
  `select id, name from providers where archived_at is null order by name`,
  `select distinct family from accelerator_types where archived_at is null order by family`,
  `select s.id, s.name, s.provider_id from sites s inner join providers p on p.id = s.provider_id where s.archived_at is null order by s.name`,
  `select id, name from scenarios where archived_at is null order by name`,
];

// lib/queries/lists/options.ts: the register filters' choices (/contracts, /reservations, /sites).
const REGISTER_OPTIONS = [
  `select id, name from providers where archived_at is null order by name`,
  `select id, name, provider_id from sites where archived_at is null order by name`,
  `select id, name, family from accelerator_types where archived_at is null order by name`,
  `select c.id, c.name, c.provider_id, p.name, c.start_date, c.end_date, c.currency from contracts c
   inner join providers p on p.id = c.provider_id where c.archived_at is null order by p.name, c.name`,
];

// lib/queries/offers/market.ts: the list prices valid today and the blocks held today (the Costs page's market table).
const MARKET_RATES = [
  `select accelerator_type_id, currency, pricing_model::text as model, rate::text as rate from offers
   where source = 'list' and archived_at is null and valid_from <= current_date and (valid_until is null or valid_until > current_date)`,
  `select r.id, r.name, p.name as provider_name, s.name as site_name, r.accelerator_type_id, t.name as type_name, t.family,
     r.quantity, r.pricing_model::text as pricing_model, r.rate::text as rate, r.currency
   from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
   join accelerator_types t on t.id = r.accelerator_type_id
   where r.archived_at is null and r.status <> 'expired' and r.start_at <= now() and r.end_at > now() order by r.name`,
];

// lib/queries/capacity/history.ts: used H100e·h per family and month from utilization_monthly (36 months back).
const usageHistory = (ids: BenchIds) => `select to_char(m.month, 'YYYY-MM-DD') as month, t.family as key, t.family as label,
    sum(m.used_ah * t.h100_equivalent)::text as used, max(m.hours_reported)::int as reported
  from utilization_monthly m join reservations r on r.id = m.reservation_id join accelerator_types t on t.id = r.accelerator_type_id
  join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
  where r.archived_at is null and m.month >= '${ids.m0}'::date - interval '36 months' and m.month < '${ids.m0}'::date
  group by m.month, t.family, t.family`;

// lib/queries/costs/blocks.ts: the blocks overlapping the range.
const costBlocks = (
  from: string,
  to: string,
) => `select r.id, r.name, r.provider_id, p.name as provider_name, r.site_id, s.name as site_name,
    r.accelerator_type_id, t.name as type_name, t.family, r.quantity, ${iso("r.start_at")} as start_at, ${iso("r.end_at")} as end_at,
    to_char(r.delivery_date, 'YYYY-MM-DD') as delivery_date, r.pricing_model::text as pricing_model, r.rate::text as rate, r.currency,
    t.bf16_tflops::text as bf16_tflops, t.h100_equivalent::text as factor
  from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
  join accelerator_types t on t.id = r.accelerator_type_id
  where r.archived_at is null and r.start_at < '${to}'::timestamptz and r.end_at > '${from}'::timestamptz order by r.name`;

// lib/queries/costs/billing.ts: Σ cost per provider, family and month of billing in the range, from the billing_monthly rollup.
const billingGroups = (
  from: string,
  to: string,
) => `select coalesce(b.provider_id::text, 'name:' || coalesce(b.provider_name, '')) as provider,
    coalesce(p.name, b.provider_name, 'Unknown provider') as provider_name, t.family, to_char(b.month, 'YYYY-MM-DD') as month,
    sum(b.effective_cost)::text as effective, sum(b.list_cost)::text as list,
    sum(case when b.has_contracted_cost then b.contracted_cost else b.list_cost end) filter (where b.has_list_cost)::text as contracted
  from billing_monthly b join imports i on i.id = b.import_id left join providers p on p.id = b.provider_id
  left join accelerator_types t on t.id = b.accelerator_type_id left join reservations r on r.id = b.reservation_id
  where i.status = 'succeeded' and b.billing_currency = 'USD' and b.month >= '${from}'::date and b.month < '${to}'::date
  group by 1, 2, 3, 4`;

const billedMonths = (
  from: string,
  to: string,
) => `select distinct coalesce(b.provider_id::text, 'name:' || coalesce(b.provider_name, '')) as provider,
    to_char(b.month, 'YYYY-MM-DD') as month
  from billing_monthly b join imports i on i.id = b.import_id
  where i.status = 'succeeded' and b.billing_currency = 'USD' and b.month >= '${from}'::date and b.month < '${to}'::date`;

// lib/queries/costs/commitments.ts: commitment utilization, coverage and savings of the range's past months.
const periodCommitments = (
  from: string,
  to: string,
) => `select b.provider_id::text as provider_id, coalesce(p.name, b.provider_name, 'Unknown provider') as provider_name,
    b.charge_category, b.pricing_category, b.commitment_discount_status as status,
    sum(b.effective_cost)::text as effective, sum(b.list_cost)::text as list, sum(b.contracted_cost)::text as contracted
  from billing_monthly b join imports i on i.id = b.import_id left join providers p on p.id = b.provider_id
  where i.status = 'succeeded' and b.billing_currency = 'USD' and b.provider_id is not null
    and b.month >= '${from}'::date and b.month < '${to}'::date
  group by 1, 2, 3, 4, 5, b.has_list_cost, b.has_contracted_cost`;

// lib/queries/costs/billing.ts loadMonthlyUsed (/costs, the Overview, /utilization): used AH per block and month from
// utilization_monthly, one row per block with its months' used AH.
const monthlyUsedByBlock = (from: string, to: string) => `select u.reservation_id,
    string_agg(extract(epoch from u.month)::bigint || ' ' || u.used_ah::text, ' ') as used
  from utilization_monthly u join reservations r on r.id = u.reservation_id join accelerator_types t on t.id = r.accelerator_type_id
  where u.month >= '${from}'::date and u.month < '${to}'::date and r.archived_at is null
  group by u.reservation_id`;

// lib/queries/overview/utilization.ts: the last 30 days from utilization_daily, by day and by family, in one pass.
const overviewRollups = (ids: BenchIds) => `with b as (
    select r.id, r.quantity, t.family, r.pricing_model, r.rate, r.currency,
      (extract(epoch from r.start_at) * 1000000)::bigint as start_us, (extract(epoch from r.end_at) * 1000000)::bigint as end_us
    from reservations r join accelerator_types t on t.id = r.accelerator_type_id where r.archived_at is null
  ), g as (
    select grouping(d.day) = 0 as by_day, d.day, d.reservation_id, sum(d.used_ah) as used_ah,
      sum(b.quantity * greatest(0, least(b.end_us, (d.day - date '1970-01-01' + 1) * 86400000000::bigint)
        - greatest(b.start_us, (d.day - date '1970-01-01') * 86400000000::bigint))) as capacity_us
    from utilization_daily d join b on b.id = d.reservation_id
    where d.day >= '${ids.day30back}'::date and d.day < '${ids.today}'::date
    group by grouping sets ((d.day), (d.reservation_id))
  )
  select to_char(g.day, 'YYYY-MM-DD') as day, null as family, null as pricing_model, null as rate, null as currency,
    g.used_ah::text as used_ah, (g.capacity_us / 3600000000)::text as capacity_ah
  from g where g.by_day
  union all
  select null, b.family, b.pricing_model::text, b.rate::text, b.currency, sum(g.used_ah)::text, (sum(g.capacity_us) / 3600000000)::text
  from g join b on b.id = g.reservation_id where not g.by_day
  group by b.family, b.pricing_model, b.rate, b.currency`;

// lib/queries/reservations/index.ts: the rows of the reservation register with their names.
const reservationRows = (where: string, order: string, limit: number) => `select r.id, r.name, r.provider_id, p.name, r.site_id, s.name,
    t.name, t.family, r.contract_id, k.name, r.quantity, r.start_at, r.end_at, r.pricing_model, r.rate, r.currency, r.status,
    r.delivery_date, r.capacity_reservation_id, r.archived_at
  from reservations r join providers p on p.id = r.provider_id join sites s on s.id = r.site_id
  join accelerator_types t on t.id = r.accelerator_type_id left join contracts k on k.id = r.contract_id
  where r.archived_at is null${where} order by ${order} limit ${limit}`;

export const BENCH_PAGES: BenchPage[] = [
  {
    // The floor: the app shell around a form that reads nothing but the session. What any page costs on top of its SQL.
    name: "Floor: /settings/providers/new",
    path: () => "/settings/providers/new",
    queries: () => [],
  },
  {
    name: "Overview /",
    path: () => "/",
    queries: (ids) => [
      ...FILTER_OPTIONS,
      PLANNING_BLOCKS,
      ...PLANNING_REST,
      usageHistory(ids),
      billingGroups(ids.yearStart, ids.m12ahead),
      billedMonths(ids.yearStart, ids.m12ahead),
      monthlyUsedByBlock(ids.yearStart, ids.m12ahead),
      overviewRollups(ids),
    ],
  },
  {
    name: "/contracts",
    path: () => "/contracts",
    queries: () => [
      ...REGISTER_OPTIONS,
      `select c.id, c.name, c.reference, c.provider_id, p.name, c.start_date, c.end_date, c.committed_amount, c.currency, c.discount_pct,
         c.payment_terms, c.status,
         (select count(*)::int from reservations r where r.contract_id = c.id and r.archived_at is null), c.archived_at
       from contracts c join providers p on p.id = c.provider_id where c.archived_at is null
       order by c.end_date, c.name, c.id limit 50`,
      `select count(*) from contracts c join providers p on p.id = c.provider_id where c.archived_at is null`,
    ],
  },
  {
    name: "Contract detail",
    path: (ids) => `/contracts/${ids.contractId}`,
    queries: (ids) => [
      // lib/queries/contracts/commitments.ts and lib/queries/contracts/burndown.ts, over billing_monthly.
      `select b.billing_currency as currency, b.commitment_discount_id as id, max(b.commitment_discount_name) as name,
         max(b.commitment_discount_type) as type, b.charge_category, b.commitment_discount_status as status, sum(b.effective_cost)::text
       from billing_monthly b join imports i on i.id = b.import_id
       where b.contract_id = '${ids.contractId}' and i.status = 'succeeded' and b.commitment_discount_id is not null group by 1, 2, 5, 6`,
      `select b.contract_id, to_char(b.month, 'YYYY-MM-DD') as month,
         sum(b.effective_cost) filter (where b.first_charge_start >= w.lo and b.last_charge_start < w.hi)::text as amount,
         bool_or(b.first_charge_start < w.lo or b.last_charge_start >= w.hi) as cut
       from billing_monthly b join imports i on i.id = b.import_id join contracts k on k.id = b.contract_id
       cross join lateral (select (k.start_date::timestamp at time zone 'UTC') as lo, least(now(), k.end_date::timestamp at time zone 'UTC') as hi) w
       where b.contract_id = '${ids.contractId}' and i.status = 'succeeded' and b.billing_currency = k.currency
         and b.last_charge_start >= w.lo and b.first_charge_start < w.hi
       group by 1, 2`,
      `select b.billing_currency, b.charge_category, b.pricing_category, b.commitment_discount_status, sum(b.rows)::int,
         sum(b.effective_cost)::text, sum(b.list_cost)::text, sum(b.contracted_cost)::text
       from billing_monthly b join imports i on i.id = b.import_id
       where b.contract_id = '${ids.contractId}' and i.status = 'succeeded'
       group by 1, 2, 3, 4, b.has_list_cost, b.has_contracted_cost`,
      `select r.id, r.name, s.name, t.name, t.family, r.quantity, r.start_at, r.end_at, r.pricing_model, r.rate, r.currency, r.status
       from reservations r join sites s on s.id = r.site_id join accelerator_types t on t.id = r.accelerator_type_id
       where r.contract_id = '${ids.contractId}' order by r.start_at`,
    ],
  },
  {
    name: "/reservations",
    path: () => "/reservations",
    queries: (ids) => [
      ...REGISTER_OPTIONS,
      // The timeline's first page (200 blocks overlapping the window) and their count, the list's first page,
      // the blocks expiring within 90 days (up to 1,500), and the total.
      reservationRows(
        ` and r.end_at > '${ids.m12back}'::timestamptz and r.start_at < '${ids.m12ahead}'::timestamptz + interval '6 months'`,
        "r.start_at, r.name, r.id",
        200,
      ),
      `select count(*) from reservations r where r.archived_at is null and r.end_at > '${ids.m12back}'::timestamptz and r.start_at < '${ids.m12ahead}'::timestamptz + interval '6 months'`,
      reservationRows("", "r.start_at, r.name", 50),
      reservationRows(` and r.end_at > now() and r.end_at <= now() + interval '90 days'`, "r.end_at, r.name", 1500),
      `select count(*) from reservations r where r.archived_at is null`,
    ],
  },
  {
    name: "Reservation detail",
    path: (ids) => `/reservations/${ids.reservationId}`,
    queries: (ids) => [
      reservationRows(` and r.id = '${ids.reservationId}'`, "r.name", 1),
      `select month, used_ah, hours_reported from utilization_monthly where reservation_id = '${ids.reservationId}' order by month`,
    ],
  },
  {
    name: "/sites",
    path: () => "/sites",
    queries: () => [
      ...REGISTER_OPTIONS,
      `select s.id, s.name, s.provider_id, p.name, s.region_code, s.country, s.pue,
         (select b.contracted_mw::text from power_budgets b where b.site_id = s.id and b.effective_from <= (now() at time zone 'UTC')::date
           and (b.effective_to is null or b.effective_to > (now() at time zone 'UTC')::date) order by b.effective_from desc limit 1),
         (select coalesce(sum(r.quantity), 0)::int from reservations r where r.site_id = s.id and r.archived_at is null
           and r.status <> 'expired' and r.start_at <= now() and r.end_at > now()), s.archived_at
       from sites s join providers p on p.id = s.provider_id where s.archived_at is null order by s.name, s.id limit 50`,
    ],
  },
  {
    name: "/imports",
    path: () => "/imports",
    queries: () => [
      `select i.id::text, i.kind, i.file_name, i.rows, i.bytes, i.status, i.created_at, i.finished_at, u.email,
         coalesce(jsonb_array_length(i.errors), 0)::int, i.summary #>> '{total,billedCost}', i.summary #>> '{total,effectiveCost}', i.summary #>> '{currency}'
       from imports i left join users u on u.id = i.created_by order by i.created_at desc, i.id desc limit 50`,
      `select count(*) from imports`,
    ],
  },
  {
    name: "/capacity",
    path: () => "/capacity",
    queries: (ids) => [...FILTER_OPTIONS, PLANNING_BLOCKS, ...PLANNING_REST, usageHistory(ids)],
  },
  {
    name: "/power",
    path: () => "/power",
    queries: () => [...FILTER_OPTIONS, PLANNING_BLOCKS, ...PLANNING_REST],
  },
  {
    name: "/costs",
    path: () => "/costs",
    queries: (ids) => [
      ...FILTER_OPTIONS,
      PLANNING_BLOCKS,
      ...PLANNING_REST,
      monthlyUsedByBlock(ids.m12back, ids.m12ahead),
      billedMonths(ids.m12back, ids.m12ahead),
      billingGroups(ids.m12back, ids.m12ahead),
      periodCommitments(ids.m12back, ids.m0),
      ...MARKET_RATES,
    ],
  },
  {
    name: "/utilization",
    path: () => "/utilization",
    queries: (ids) => [...FILTER_OPTIONS, costBlocks(ids.m12back, ids.m0), monthlyUsedByBlock(ids.m12back, ids.m0)],
  },
  {
    name: "/concentration",
    path: () => "/concentration",
    queries: (ids) => [...FILTER_OPTIONS, PLANNING_BLOCKS, ...PLANNING_REST, usageHistory(ids)],
  },
  {
    name: "/scenarios",
    path: () => "/scenarios",
    queries: () => [
      `select s.id, s.name, s.description, s.overrides,
         (select count(*)::int from demand_plans p where p.scenario_id = s.id and p.archived_at is null) as demand_plans,
         ${iso("s.archived_at")}, ${iso("s.updated_at")}, s.updated_by, s.version
       from scenarios s where s.archived_at is null order by s.name`,
    ],
  },
  {
    name: "/demand-plans",
    path: () => "/demand-plans",
    queries: () => [
      ...FILTER_OPTIONS,
      `select p.id, p.name, p.kind::text as kind, p.scenario_id, s.name as scenario_name, p.accelerator_family as family,
         p.accelerator_type_id, t.name as type_name, p.accelerators, p.h100_equivalents::text as h100_equivalents,
         coalesce(t.h100_equivalent, (select avg(f.h100_equivalent) from accelerator_types f
           where f.family = p.accelerator_family and f.archived_at is null))::text as factor,
         to_char(p.start_date, 'YYYY-MM-DD'), to_char(p.end_date, 'YYYY-MM-DD'), p.priority, p.notes,
         ${iso("p.archived_at")}, ${iso("p.updated_at")}, p.updated_by, p.version
       from demand_plans p left join scenarios s on s.id = p.scenario_id left join accelerator_types t on t.id = p.accelerator_type_id
       where p.scenario_id is null and p.archived_at is null order by p.start_date, p.name`,
    ],
  },
  {
    name: "/offers",
    path: () => "/offers",
    queries: () => [
      ...REGISTER_OPTIONS,
      `select count(*) from offers o inner join accelerator_types t on t.id = o.accelerator_type_id where o.archived_at is null`,
      `select o.*, p.name, s.name, t.name, t.family from offers o inner join providers p on p.id = o.provider_id
       left join sites s on s.id = o.site_id inner join accelerator_types t on t.id = o.accelerator_type_id
       where o.archived_at is null order by o.rate asc, p.name asc, t.name asc, o.id asc limit 50`,
    ],
  },
  {
    name: "/lease-vs-build",
    path: () => "/lease-vs-build",
    queries: () => [
      `select accelerator_type_id, case when pricing_model = 'reserved' then 'reserved' else 'usage' end as billing, rate::text as rate
       from reservations where archived_at is null and status <> 'expired' and currency = 'USD' and start_at <= now() and end_at > now()`,
      `select s.id, s.name, s.pue::text as pue, p.kind = 'owned' as owned from sites s join providers p on p.id = s.provider_id
       where s.archived_at is null order by s.name`,
      `select id, name, family, system_w from accelerator_types where archived_at is null order by name`,
    ],
  },
];
