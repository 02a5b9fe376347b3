import postgres from "postgres";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo";
import { refreshBillingMonthly } from "@/lib/ingest/billing-monthly";
import { rollUpUtilization } from "@/lib/ingest/utilization/rollups";

// The large data set of `npm run bench:pages`, built in SQL on a dedicated database of the Postgres server:
// the demo portfolio (seedDemo), then BLOCKS more capacity blocks spread over the demo's sites and types, each
// with one year (HOURS) of hourly utilization, the daily and monthly rollups (the app's rollUpUtilization),
// and COST_ROWS FOCUS billing rows (daily charges per node of the cloud blocks) in cost_line_items with their
// billing_monthly rollup (the app's refreshBillingMonthly).

export const BLOCKS = 2_000;
export const HOURS = 8_760;
export const COST_ROWS = 5_000_000;
const BILLING_FILE = "bench-pages-focus.csv";
const benchName = (i: number) => `BENCH-${String(i).padStart(4, "0")}`;
const VERSION = `headroom bench:pages data set v1 (${BLOCKS} blocks × ${HOURS} h, ${COST_ROWS} billing rows)`;

export type BenchData = { url: string; built: boolean; seconds: number; counts: Record<string, number> };

const quiet = { onnotice: () => {} };

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  process.stderr.write(`  ${label} …`);
  const result = await fn();
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return result;
}

async function isBuilt(admin: postgres.Sql, name: string): Promise<boolean> {
  const rows = await admin<{ comment: string | null }[]>`
    select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
  return rows[0]?.comment === VERSION;
}

// Drops a table's secondary indexes so a bulk insert only maintains the primary key, and builds them again after.
// Their definitions wait in bench_dropped_indexes meanwhile, so a run that stops halfway gets them back next time.
async function withoutIndexes(sql: postgres.Sql, table: string, fn: () => Promise<void>): Promise<void> {
  await sql`create table if not exists bench_dropped_indexes (tbl text not null, name text primary key, def text not null)`;
  await sql`
    insert into bench_dropped_indexes (tbl, name, def)
    select t.relname, i.relname, pg_get_indexdef(i.oid)
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname = ${table} and not x.indisprimary
    on conflict (name) do nothing`;
  const defs = await sql<{ name: string; def: string }[]>`select name, def from bench_dropped_indexes where tbl = ${table} order by name`;
  for (const d of defs) await sql.unsafe(`drop index if exists "${d.name}"`);
  await fn();
  for (const d of defs) {
    await timed(`index ${d.name}`, () => sql.unsafe(d.def.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")));
    await sql`delete from bench_dropped_indexes where name = ${d.name}`;
  }
}

export async function ensureBenchData(opts: {
  serverUrl: string;
  database: string;
  rebuild: boolean;
  demoPassword: string;
}): Promise<BenchData> {
  const { serverUrl, database, rebuild, demoPassword } = opts;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name ${database}`);
  const url = databaseUrl(serverUrl, database);
  const admin = postgres(serverUrl, { max: 1, ...quiet });
  const started = performance.now();
  let built = false;
  try {
    if (rebuild || !(await isBuilt(admin, database))) {
      log(`Building the data set in database ${database} (this takes several minutes; a stopped build resumes) …`);
      if (rebuild) await admin.unsafe(`drop database if exists ${database} with (force)`);
      const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
      if (!exists) await admin.unsafe(`create database ${database}`);
      await build(url, demoPassword);
      await admin.unsafe(`comment on database ${database} is '${VERSION}'`);
      built = true;
    } else {
      log(`Reusing the data set in database ${database} (--rebuild to build it again).`);
    }
  } finally {
    await admin.end();
  }
  return { url, built, seconds: (performance.now() - started) / 1000, counts: await countRows(url) };
}

/** A fresh database on the server holding the demo portfolio only: dropped if it exists, created, migrated, seeded. */
export async function freshDemoDatabase(opts: { serverUrl: string; database: string; demoPassword: string }): Promise<BenchData> {
  const { serverUrl, database, demoPassword } = opts;
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name ${database}`);
  const url = databaseUrl(serverUrl, database);
  const started = performance.now();
  log(`Creating database ${database} with the demo data …`);
  const admin = postgres(serverUrl, { max: 1, ...quiet });
  try {
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.unsafe(`create database ${database}`);
  } finally {
    await admin.end();
  }
  await migrateAndSeed(url, demoPassword);
  return { url, built: true, seconds: (performance.now() - started) / 1000, counts: await countRows(url) };
}

async function countRows(url: string): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, ...quiet });
  try {
    const [counts] = await sql<Record<string, number>[]>`
      select (select count(*) from reservations)::int as reservations,
        (select count(*) from utilization_hourly)::int as "utilizationHourly",
        (select count(*) from utilization_daily)::int as "utilizationDaily",
        (select count(*) from utilization_monthly)::int as "utilizationMonthly",
        (select count(*) from cost_line_items)::int as "costLineItems"`;
    return counts!;
  } finally {
    await sql.end();
  }
}

async function migrateAndSeed(url: string, demoPassword: string): Promise<void> {
  const handle = await openDatabase({ url });
  try {
    await timed("migrate", () => migrateDatabase(handle));
    if (await isDatabaseEmpty(handle.db)) await timed("demo seed", () => seedDemo(handle.db, { demoPassword }));
  } finally {
    await handle.close();
  }
}

async function build(url: string, demoPassword: string): Promise<void> {
  await migrateAndSeed(url, demoPassword);
  const sql = postgres(url, {
    max: 1,
    ...quiet,
    connection: { synchronous_commit: "off", maintenance_work_mem: "1GB", work_mem: "256MB" },
  });
  try {
    // Hourly history ends at the last whole hour; the blocks started 12–17 months ago and run 1–24 months on.
    // (BENCH-0000 starts exactly then: a resumed build keeps the hour it began with.)
    const [row] = await sql<{ first: Date }[]>`
      select coalesce((select start_at from reservations where name = 'BENCH-0000'), date_trunc('hour', now()) - ${HOURS} * interval '1 hour') as first`;
    const first = row!.first;
    const [done] = await sql<{ blocks: boolean; rollups: boolean; billing: boolean }[]>`
      select exists (select 1 from reservations where name like 'BENCH-%') as blocks,
        exists (select 1 from utilization_monthly u join reservations r on r.id = u.reservation_id where r.name = ${benchName(BLOCKS - 1)}) as rollups,
        exists (select 1 from imports where file_name = ${BILLING_FILE} and rows = ${COST_ROWS}
          and (select count(*) from cost_line_items c where c.import_id = imports.id) = ${COST_ROWS}) as billing`;
    if (!done!.blocks) await timed(`${BLOCKS} blocks`, () => insertBlocks(sql, first));
    await sql`analyze reservations`;
    if (!done!.rollups) await withoutIndexes(sql, "utilization_hourly", () => insertHourly(sql, first));
    if (!done!.rollups)
      await timed("daily and monthly rollups", async () => {
        const handle = await openDatabase({ url });
        try {
          await rollUpUtilization(handle.db);
        } finally {
          await handle.close();
        }
      });
    if (!done!.billing) await withoutIndexes(sql, "cost_line_items", () => insertBilling(sql, first));
    // The billing rows go in by SQL, past the loader: roll them up as the loader would (the app reads only the rollup).
    const [rolled] = await sql<{ done: boolean }[]>`
      select exists (select 1 from billing_monthly b join imports i on i.id = b.import_id where i.file_name = ${BILLING_FILE}) as done`;
    if (!done!.billing || !rolled!.done)
      await timed("billing_monthly rollup", async () => {
        const handle = await openDatabase({ url });
        try {
          await handle.db.transaction((tx) => refreshBillingMonthly(tx, "all"));
        } finally {
          await handle.close();
        }
      });
    await sql`update data_version set version = version + 1`; // a server already running must not keep its cached pages
    await sql`drop table if exists bench_dropped_indexes`;
    await timed("vacuum analyze", async () => {
      for (const t of [
        "reservations",
        "utilization_hourly",
        "utilization_daily",
        "utilization_monthly",
        "cost_line_items",
        "billing_monthly",
        "imports",
      ]) {
        await sql.unsafe(`vacuum analyze ${t}`);
      }
    });
  } finally {
    await sql.end();
  }
}

// Each block takes a (site, provider, type) the demo holds, its median rate ± 10 %, and half of them a contract
// of the provider still running.
async function insertBlocks(sql: postgres.Sql, first: Date): Promise<void> {
  await sql`
    insert into reservations (name, provider_id, site_id, accelerator_type_id, contract_id, quantity, start_at, end_at,
      pricing_model, rate, currency, status, updated_by)
    with combos as (
      select row_number() over (order by site_id, accelerator_type_id) - 1 as i, count(*) over () as n,
        site_id, provider_id, accelerator_type_id,
        percentile_disc(0.5) within group (order by rate) as rate
      from reservations where pricing_model = 'reserved' and currency = 'USD'
      group by site_id, provider_id, accelerator_type_id
    )
    select 'BENCH-' || lpad(g::text, 4, '0'), c.provider_id, c.site_id, c.accelerator_type_id,
      case when g % 2 = 0 then (
        select k.id from contracts k where k.provider_id = c.provider_id and k.end_date > current_date
        order by k.start_date, k.id limit 1 offset (g / 2) % greatest(1, (
          select count(*) from contracts k2 where k2.provider_id = c.provider_id and k2.end_date > current_date)))
      end,
      (array[8, 16, 32, 64, 128, 256, 512, 1024])[1 + (g * 7) % 8],
      ${first}::timestamptz - (g % 6) * interval '1 month',
      date_trunc('month', now()) + (1 + g % 24) * interval '1 month',
      'reserved', round(c.rate * (0.9 + (g % 21) / 100.0), 6), 'USD', 'active', 'bench'
    from generate_series(0, ${BLOCKS - 1}::int) g
    join combos c on c.i = g % c.n`;
}

async function insertHourly(sql: postgres.Sql, first: Date): Promise<void> {
  const batch = 250;
  for (let from = 0; from < BLOCKS; from += batch) {
    const [started] =
      await sql`select 1 from utilization_hourly h join reservations r on r.id = h.reservation_id where r.name = ${benchName(from)} limit 1`;
    if (started) continue;
    await timed(
      `hourly utilization, blocks ${from + 1}–${Math.min(BLOCKS, from + batch)}`,
      () => sql`
      insert into utilization_hourly (reservation_id, hour, used_ah)
      select r.id, ${first}::timestamptz + h * interval '1 hour',
        round((r.quantity * (0.35 + 0.6 * ((hashint8extended(h::bigint, b::bigint) & 4294967295)::float8 / 4294967296.0)))::numeric, 4)
      from (
        select id, quantity, substr(name, 7)::int as b from reservations
        where name like 'BENCH-%' and substr(name, 7)::int >= ${from} and substr(name, 7)::int < ${from + batch}
      ) r
      cross join generate_series(0, ${HOURS - 1}::int) h
      order by r.id, h`,
    );
  }
}

// One FOCUS import of COST_ROWS rows: per cloud block, one daily charge per node for the HOURS/24 days.
async function insertBilling(sql: postgres.Sql, first: Date): Promise<void> {
  const stale = await sql<{ id: number }[]>`select id from imports where file_name = ${BILLING_FILE}`;
  for (const { id } of stale) {
    await sql`delete from cost_line_items where import_id = ${id}`;
    await sql`delete from imports where id = ${id}`;
  }
  const [created] = await sql<{ id: number }[]>`
    insert into imports (kind, file_name, sha256, rows, bytes, status, summary, finished_at)
    values ('focus', ${BILLING_FILE}, encode(sha256('bench-pages'::bytea), 'hex'), ${COST_ROWS}, 0, 'succeeded',
      ${sql.json({ total: COST_ROWS, generatedBy: "bench:pages" })}, now())
    returning id`;
  const importId = created!.id;
  // The cloud blocks numbered 0…n−1 in a table of their own, analyzed, so each chunk joins them by hash.
  await sql`drop table if exists bench_billed_blocks`;
  await sql`
    create table bench_billed_blocks as
    select (row_number() over (order by r.name) - 1)::bigint as i,
      r.id, r.name, r.provider_id, r.contract_id, r.accelerator_type_id, r.quantity, r.rate, r.capacity_reservation_id,
      p.name as provider_name, k.reference as contract_reference,
      coalesce((select m.sku_id from sku_mappings m where m.provider_id = r.provider_id
        and m.accelerator_type_id = r.accelerator_type_id order by m.sku_id limit 1), 'gpu-accelerator-hour') as sku_id
    from reservations r join providers p on p.id = r.provider_id left join contracts k on k.id = r.contract_id
    where r.name like 'BENCH-%' and p.kind in ('hyperscaler', 'neocloud')`;
  await sql`alter table bench_billed_blocks add primary key (i)`;
  await sql`analyze bench_billed_blocks`;
  const [counted] = await sql<{ nb: string }[]>`select count(*)::text as nb from bench_billed_blocks`;
  const nb = Number(counted!.nb);
  const days = HOURS / 24;
  const chunk = 1_000_000;
  for (let from = 0; from < COST_ROWS; from += chunk) {
    await timed(
      `billing rows ${from + 1}–${Math.min(COST_ROWS, from + chunk)}`,
      () => sql`
      with slots as (
        select s.n, ${nb}::bigint as nb, b.*, (s.n / ${nb}) % ${days} as d, ceil(${COST_ROWS}::numeric / ${nb} / ${days}) as nodes
        from generate_series(${from}::bigint, ${Math.min(COST_ROWS, from + chunk) - 1}::bigint) s(n)
        join bench_billed_blocks b on b.i = s.n % ${nb}
      ),
      priced as (
        select slots.*, date_trunc('day', ${first}::timestamptz) + d * interval '1 day' as day,
          round(quantity * 24 / nodes, 4) as ah, round(quantity * 24 / nodes * rate, 6) as cost
        from slots
      )
      insert into cost_line_items (import_id, line_number, provider_id, contract_id, reservation_id, accelerator_type_id,
        billing_account_id, billing_account_name, billing_currency, billing_period_start, billing_period_end,
        charge_period_start, charge_period_end, billed_cost, effective_cost, list_cost, contracted_cost,
        charge_category, charge_frequency, pricing_category, consumed_quantity, consumed_unit, provider_name,
        publisher_name, invoice_issuer_name, service_category, service_name, sku_id, resource_id,
        commitment_discount_id, commitment_discount_status, capacity_reservation_id, tags)
      select ${importId}, n + 1, provider_id, contract_id, id, accelerator_type_id,
        'bench-billing-001', 'Headroom Labs', 'USD', date_trunc('month', day), date_trunc('month', day) + interval '1 month',
        day, day + interval '1 day', cost, cost, round(cost * 1.45, 6), round(cost * 1.12, 6),
        'Usage', 'Usage-Based', case when contract_id is null then 'Standard' else 'Committed' end, ah, 'Hours', provider_name,
        provider_name, provider_name, 'Compute', 'GPU compute', sku_id, 'bench:cluster/' || name || '/node-' || (n / nb / ${days}),
        contract_reference, case when contract_id is null then null else 'Used' end, capacity_reservation_id,
        jsonb_build_object('headroom-reservation', name)
      from priced`,
    );
  }
  await sql`drop table bench_billed_blocks`;
}
