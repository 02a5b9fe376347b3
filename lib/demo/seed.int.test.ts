import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { DbHandle, Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { acceleratorTypes } from "@/lib/db/schema";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { createDemoTestDatabase, DEMO_AS_OF, DEMO_PASSWORD } from "@/lib/testing/demo-database";
import { placementIssue, teamPath, type TeamNode } from "@/lib/services/teams/tree";
import { isDatabaseEmpty, seedDemo, type SeedSummary } from "./";

const AS_OF = DEMO_AS_OF;
const AS_OF_HOUR = "2026-11-17T09:00:00Z";

async function one<T>(db: Executor, query: SQL): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  return row!;
}

// Aggregates that change if any seeded value changes (ids aside).
const fingerprint = (db: Executor) =>
  one<Record<string, string>>(
    db,
    sql`select
      (select sum(used_ah)::text from utilization_hourly) as used_ah,
      (select count(*)::text from utilization_hourly) as hours,
      (select sum(committed_amount)::text from contracts) as committed,
      (select md5(string_agg(concat_ws('|', r.name, r.quantity, r.start_at, r.end_at, r.rate, r.status, r.delivery_date, r.capacity_reservation_id, c.reference), ',' order by r.name))
         from reservations r left join contracts c on c.id = r.contract_id) as reservations,
      (select md5(string_agg(concat_ws('|', s.name, b.effective_from, b.effective_to, b.contracted_mw), ',' order by s.name, b.effective_from))
         from power_budgets b join sites s on s.id = b.site_id) as budgets`,
  );

describeOnEachEngine("demo seed", (engine) => {
  let first: DbHandle;
  let second: DbHandle;
  let summary: SeedSummary;
  let emptyBefore: boolean;

  beforeAll(async () => {
    // The second seed of the same instant is the run's demo template (seeded once for every suite that reads it).
    const seedFirst = async () => {
      const handle = await createTestDatabase(engine);
      emptyBefore = await isDatabaseEmpty(handle.db);
      summary = await seedDemo(handle.db, { demoPassword: DEMO_PASSWORD, asOf: AS_OF });
      return handle;
    };
    [first, second] = await Promise.all([seedFirst(), createDemoTestDatabase(engine)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it("turns an empty database into a non-empty one", async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(first.db)).toBe(false);
  });

  it("loads at least the promised rows and reports exactly what it loaded", async () => {
    const counts = await one<Record<keyof SeedSummary, number>>(
      first.db,
      sql`select
        (select count(*)::int from providers) as providers,
        (select count(*)::int from accelerator_types) as "acceleratorTypes",
        (select count(*)::int from sites) as sites,
        (select count(*)::int from power_budgets) as "powerBudgets",
        (select count(*)::int from contracts) as contracts,
        (select count(*)::int from reservations) as reservations,
        (select count(*)::int from utilization_hourly) as "utilizationHours",
        (select count(*)::int from demand_plans) as "demandPlans",
        (select count(*)::int from teams) as teams,
        (select count(*)::int from workloads) as workloads,
        (select count(*)::int from allocations) as allocations,
        (select count(*)::int from allocation_rules) as "allocationRules",
        (select count(*)::int from business_metrics) as "businessMetrics",
        (select count(*)::int from offers) as offers,
        (select count(*)::int from users) as users,
        (select count(*)::int from cost_line_items) as "billingRows"`,
    );
    expect(counts).toEqual(summary);
    expect(summary.providers).toBeGreaterThanOrEqual(6);
    expect(summary.acceleratorTypes).toBeGreaterThanOrEqual(10);
    expect(summary.sites).toBeGreaterThanOrEqual(8);
    expect(summary.powerBudgets).toBeGreaterThanOrEqual(2 * summary.sites);
    expect(summary.contracts).toBeGreaterThanOrEqual(12);
    expect(summary.reservations).toBeGreaterThanOrEqual(120);
    expect(summary.allocations).toBeGreaterThanOrEqual(100); // most reserved blocks split among 2–4 workloads
    expect(summary.utilizationHours).toBeGreaterThan(500_000);
    expect(summary.utilizationHours).toBeLessThan(1_500_000);
    expect(summary.demandPlans).toBeGreaterThanOrEqual(5);
    expect(summary.teams).toBeGreaterThanOrEqual(7);
    expect(summary.workloads).toBeGreaterThanOrEqual(7);
    expect(summary.businessMetrics).toBe(3 * 180);
    expect(summary.offers).toBeGreaterThanOrEqual(250);
    expect(summary.users).toBe(4);
    expect(summary.billingRows).toBeGreaterThan(1_000);
    const audit = await queryRows<{ actor: string; after: unknown }>(
      first.db,
      sql`select actor, after from audit_log where action = 'seed.demo'`,
    );
    const { billingRows, ...registers } = summary;
    expect(audit).toEqual([{ actor: "seed", after: registers }]);
    const billing = await queryRows<{ status: string; rows: number }>(
      first.db,
      sql`select status::text, rows from imports where kind = 'focus' order by id`,
    );
    expect(billing.length).toBeGreaterThanOrEqual(4);
    expect(billing.every((b) => b.status === "succeeded")).toBe(true);
    expect(billing.reduce((n, b) => n + b.rows, 0)).toBe(billingRows);
  });

  it("bills the last months through the FOCUS importer, tying each block's charges to its reservation and commitment", async () => {
    const row = await one<{ rows: number; reservation: number; contract: number; mismatched: number }>(
      first.db,
      sql`select count(*)::int as rows, count(l.reservation_id)::int as reservation, count(l.contract_id)::int as contract,
            count(*) filter (where l.contract_id is not null and l.contract_id <> r.contract_id)::int as mismatched
          from cost_line_items l left join reservations r on r.id = l.reservation_id`,
    );
    expect(row.reservation / row.rows).toBeGreaterThan(0.95);
    expect(row.contract).toBeGreaterThan(0);
    expect(row.mismatched).toBe(0);
  });

  it("covers every contract lifecycle state, reservation status and pricing model", async () => {
    const row = await one<{ contracts: string; reservations: string; pricing: string }>(
      first.db,
      sql`select
        (select string_agg(distinct status::text, ',' order by status::text) from contracts) as contracts,
        (select string_agg(distinct status::text, ',' order by status::text) from reservations) as reservations,
        (select string_agg(distinct pricing_model::text, ',' order by pricing_model::text) from reservations) as pricing`,
    );
    expect(row).toEqual({
      contracts: "active,cancelled,exhausted,expired,pending,proposed",
      reservations: "active,expired,planned",
      pricing: "on_demand,reserved,spot",
    });
  });

  it("produces identical data from the same asOf", async () => {
    const [a, b] = await Promise.all([fingerprint(first.db), fingerprint(second.db)]);
    expect(a).toEqual(b);
    expect(a.used_ah).toMatch(/^\d+\.\d{4}$/);
  });

  it("rolls hourly figures up to days and months exactly", async () => {
    const row = await one<Record<string, string | number>>(
      first.db,
      sql`select
        (select sum(used_ah)::text from utilization_hourly) as hourly,
        (select sum(used_ah)::text from utilization_daily) as daily,
        (select sum(used_ah)::text from utilization_monthly) as monthly,
        (select sum(hours_reported)::int from utilization_monthly) as hours,
        (select count(*)::int from utilization_hourly) as rows,
        (select count(*)::int from (
          select d.reservation_id, d.day from utilization_daily d
          join (select reservation_id, (hour at time zone 'UTC')::date as day, sum(used_ah) as used, count(*) as n
                from utilization_hourly group by 1, 2) h using (reservation_id, day)
          where h.used <> d.used_ah or h.n <> d.hours_reported) x) as daily_mismatches,
        (select count(*)::int from (
          select m.reservation_id from utilization_monthly m
          join (select reservation_id, date_trunc('month', day::timestamp)::date as month, sum(used_ah) as used
                from utilization_daily group by 1, 2) d using (reservation_id, month)
          where d.used <> m.used_ah) x) as monthly_mismatches`,
    );
    expect(row.daily).toBe(row.hourly);
    expect(row.monthly).toBe(row.daily);
    expect(row.hours).toBe(row.rows);
    expect(row.daily_mismatches).toBe(0);
    expect(row.monthly_mismatches).toBe(0);
  });

  it("reports usage only inside each block's delivered term, never above its quantity", async () => {
    const row = await one<{ over: number; outside: number; mean: string }>(
      first.db,
      sql`select
        count(*) filter (where u.used_ah > r.quantity)::int as over,
        count(*) filter (where u.hour < greatest(r.start_at, coalesce(r.delivery_date::timestamp at time zone 'UTC', r.start_at))
          or u.hour >= least(r.end_at, ${AS_OF_HOUR}::timestamptz)
          or u.hour < ${AS_OF_HOUR}::timestamptz - interval '18 months')::int as outside,
        round(avg(u.used_ah / r.quantity), 2)::text as mean
      from utilization_hourly u join reservations r on r.id = u.reservation_id`,
    );
    expect(row.over).toBe(0);
    expect(row.outside).toBe(0);
    expect(Number(row.mean)).toBeGreaterThan(0.5);
    expect(Number(row.mean)).toBeLessThan(0.95);
  });

  it("keeps each block with its provider's site and inside its contract's term", async () => {
    const row = await one<{ wrong_site: number; wrong_contract: number; wrong_status: number; expiring: number; late: number }>(
      first.db,
      sql`select
        count(*) filter (where s.provider_id <> r.provider_id)::int as wrong_site,
        count(*) filter (where c.id is not null and (c.provider_id <> r.provider_id
          or r.start_at < c.start_date::timestamp at time zone 'UTC' or r.end_at > c.end_date::timestamp at time zone 'UTC'))::int as wrong_contract,
        count(*) filter (where r.status <> case when r.start_at > ${AS_OF_HOUR}::timestamptz then 'planned'
          when r.end_at > ${AS_OF_HOUR}::timestamptz then 'active' else 'expired' end::reservation_status)::int as wrong_status,
        count(*) filter (where r.end_at > ${AS_OF_HOUR}::timestamptz and r.end_at <= ${AS_OF_HOUR}::timestamptz + interval '90 days')::int as expiring,
        count(*) filter (where r.delivery_date > (r.start_at at time zone 'UTC')::date)::int as late
      from reservations r join sites s on s.id = r.site_id left join contracts c on c.id = r.contract_id`,
    );
    expect(row).toMatchObject({ wrong_site: 0, wrong_contract: 0, wrong_status: 0 });
    expect(row.expiring).toBeGreaterThanOrEqual(3);
    expect(row.late).toBeGreaterThanOrEqual(5);
  });

  it("has a site whose facility load exceeds its power budget in a future month", async () => {
    const over = await queryRows<{ site: string; month: string; facility_mw: string; budget_mw: string }>(
      first.db,
      sql`with months as (
          select m::date as month from generate_series(
            date_trunc('month', ${AS_OF_HOUR}::timestamptz at time zone 'UTC') + interval '1 month',
            date_trunc('month', ${AS_OF_HOUR}::timestamptz at time zone 'UTC') + interval '24 months',
            interval '1 month') as m),
        load as (
          select s.id as site_id, s.name, mo.month, sum(r.quantity::numeric * a.system_w) / 1000000 * s.pue as facility_mw
          from sites s cross join months mo
          join reservations r on r.site_id = s.id
            and r.start_at < (mo.month + interval '1 month') at time zone 'UTC'
            and r.end_at > mo.month::timestamp at time zone 'UTC'
          join accelerator_types a on a.id = r.accelerator_type_id
          group by s.id, s.name, s.pue, mo.month)
        select l.name as site, l.month::text as month, round(l.facility_mw, 1)::text as facility_mw, b.contracted_mw::text as budget_mw
        from load l join power_budgets b on b.site_id = l.site_id
          and b.effective_from <= l.month and (b.effective_to is null or b.effective_to > l.month)
        where l.facility_mw > b.contracted_mw
        order by l.month, l.name`,
    );
    expect(over.length).toBeGreaterThan(0);
    expect(over.every((o) => o.month > "2026-11-30")).toBe(true);
  });

  it("phases power budgets without overlaps, the last of each site open-ended", async () => {
    const row = await one<{ bad: number; open: number; sites: number }>(
      first.db,
      sql`select
        count(*) filter (where (next_from is null) <> (effective_to is null) or next_from <> effective_to)::int as bad,
        count(*) filter (where effective_to is null)::int as open,
        count(distinct site_id)::int as sites
      from (select site_id, effective_from, effective_to,
              lead(effective_from) over (partition by site_id order by effective_from) as next_from
            from power_budgets) b`,
    );
    expect(row).toEqual({ bad: 0, open: row.sites, sites: summary.sites });
  });

  it("seeds teams in a valid hierarchy and ties every demo demand plan to a workload; one external workload resells at a price", async () => {
    const nodes = await queryRows<TeamNode>(first.db, sql`select id, name, parent_id as "parentId" from teams`);
    for (const t of nodes) expect(placementIssue(nodes, t, t.parentId)).toBeNull();
    expect(teamPath(nodes, nodes.find((t) => t.name === "Inference-API")!.id).map((t) => t.name)).toEqual(["Product", "Inference-API"]);
    const untied = await one<{ n: number }>(first.db, sql`select count(*)::int as n from demand_plans where workload_id is null`);
    expect(untied.n).toBe(0);
    const kinds = await queryRows<{ kind: string; price: string | null; currency: string | null }>(
      first.db,
      sql`select kind::text as kind, sale_price::text as price, currency from workloads order by name`,
    );
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["training", "inference", "research", "platform", "external"]));
    expect(kinds.filter((k) => k.price !== null)).toEqual([{ kind: "external", price: "3.400000", currency: "USD" }]);
  });

  it("creates the four demo logins with the demo password, all rows stamped by the seed", async () => {
    const users = await queryRows<{ email: string; role: string; password_hash: string }>(
      first.db,
      sql`select email, role::text as role, password_hash from users order by email`,
    );
    expect(users.map((u) => `${u.email}:${u.role}`)).toEqual([
      "admin@headroom.local:admin",
      "finance@headroom.local:finance",
      "infra@headroom.local:infra",
      "viewer@headroom.local:viewer",
    ]);
    expect(await verifyPassword(users[0]!.password_hash, "demo password 1")).toBe(true);
    const stamped = await one<{ other: number }>(
      first.db,
      sql`select (
        (select count(*) from providers where updated_by is distinct from 'seed') +
        (select count(*) from accelerator_types where updated_by is distinct from 'seed') +
        (select count(*) from sites where updated_by is distinct from 'seed') +
        (select count(*) from power_budgets where updated_by is distinct from 'seed') +
        (select count(*) from contracts where updated_by is distinct from 'seed') +
        (select count(*) from reservations where updated_by is distinct from 'seed') +
        (select count(*) from scenarios where updated_by is distinct from 'seed') +
        (select count(*) from demand_plans where updated_by is distinct from 'seed') +
        (select count(*) from users where updated_by is distinct from 'seed'))::int as other`,
    );
    expect(stamped.other).toBe(0);
  });

  it("refuses a database that already has data, changing nothing", async () => {
    const before = await fingerprint(second.db);
    await expect(seedDemo(second.db, { demoPassword: "x", asOf: AS_OF })).rejects.toThrow(/empty database/);
    expect(await fingerprint(second.db)).toEqual(before);
  });

  it("leaves nothing behind when a step fails midway", async () => {
    const handle = await createTestDatabase(engine);
    try {
      await handle.db.insert(acceleratorTypes).values({
        name: "Cerebras CS-3",
        vendor: "Cerebras",
        family: "CS-3",
        memoryGb: "44",
        bf16Tflops: "1",
        systemW: 1,
        h100Equivalent: "1",
      });
      await expect(seedDemo(handle.db, { demoPassword: "x", asOf: AS_OF })).rejects.toThrow();
      const row = await one<{ providers: number; types: number }>(
        handle.db,
        sql`select (select count(*)::int from providers) as providers, (select count(*)::int from accelerator_types) as types`,
      );
      expect(row).toEqual({ providers: 0, types: 1 });
    } finally {
      await handle.close();
    }
  });
});
