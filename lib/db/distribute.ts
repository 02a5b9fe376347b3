import { sql } from "drizzle-orm";
import type { Db, Executor } from "./client";
import { isCitus } from "./citus";
import { queryRows } from "./rows";

/** Small tables every query joins: one copy on every node, joinable with any shard, foreign keys allowed. */
export const REFERENCE_TABLES = [
  "users",
  "accounts",
  "login_throttle",
  "api_keys",
  "providers",
  "accelerator_types",
  "sites",
  "power_budgets",
  "contracts",
  "reservations",
  "offers",
  "imports",
  "sku_mappings",
  "contract_mappings",
  "scenarios",
  "teams",
  "workloads",
  "allocations",
  "business_metrics",
  "allocation_rules",
  "pool_rules",
  "utilization_workload_daily",
  "demand_plans",
  "reports",
  "shared_reports",
  "audit_log",
  "data_version",
  "job_runs",
  "connectors",
  "connector_objects",
  "budgets",
  "app_settings",
  "channels",
  "alert_rules",
  "alert_rule_channels",
  "alert_evaluations",
  "alerts",
  "alert_events",
  "notifications",
  "report_schedules",
  "report_deliveries",
  "notification_deliveries",
] as const;

/**
 * Large facts, hash-distributed. The utilization tables share reservation_id, so the rollup from hourly to daily to
 * monthly stays on one shard (co-located). cost_line_items (a partition per import) by line_number: one import's
 * rows spread evenly over every shard, so its COPY and every scan of it run on all shards in parallel.
 * billing_monthly by import_id: one import's rollup lands on one shard, so a refresh or replace of an import
 * touches one shard.
 */
export const DISTRIBUTED_TABLES = [
  { table: "utilization_hourly", column: "reservation_id", colocateWith: "none" },
  { table: "utilization_daily", column: "reservation_id", colocateWith: "utilization_hourly" },
  { table: "utilization_monthly", column: "reservation_id", colocateWith: "utilization_hourly" },
  { table: "cost_line_items", column: "line_number", colocateWith: "none" },
  { table: "billing_monthly", column: "import_id", colocateWith: "none" },
] as const;

/**
 * Shards per distributed table. Two workers today: 8 shards gives each 4 (a query runs on 4 shards per worker in
 * parallel) and room to move to 4 or 8 workers by rebalancing without resharding; Citus' default of 32 makes every
 * DDL, and the shards of the cost_line_items partition every import creates, 4 times slower for no gain at this size.
 */
export const SHARD_COUNT = 8;

/**
 * Distributes the schema on a Citus coordinator, in one transaction (all or nothing, and faster than a
 * transaction per table); a no-op elsewhere, and for every table already distributed.
 */
export async function distributeSchema(db: Db): Promise<void> {
  if (!(await isCitus(db))) return;
  await db.transaction(async (tx) => {
    const done = await distributedTables(tx);
    for (const table of REFERENCE_TABLES) {
      if (done.get(table) === "reference") continue;
      await tx.execute(sql`select create_reference_table(${table})`);
    }
    for (const { table, column, colocateWith } of DISTRIBUTED_TABLES) {
      if (done.get(table) === "distributed") continue;
      await tx.execute(
        colocateWith === "none"
          ? sql`select create_distributed_table(${table}, ${column}, colocate_with => 'none', shard_count => ${SHARD_COUNT})`
          : sql`select create_distributed_table(${table}, ${column}, colocate_with => ${colocateWith})`,
      );
    }
  });
}

/** Each Citus table's kind; a table Citus added to its metadata on its own (a "citus local" table) counts as neither. */
async function distributedTables(db: Executor): Promise<Map<string, "reference" | "distributed">> {
  const rows = await queryRows<{ name: string; kind: "reference" | "distributed" }>(
    db,
    sql`select logicalrelid::regclass::text as name, case when partmethod = 'h' then 'distributed' else 'reference' end as kind
        from pg_dist_partition
        where partmethod = 'h' or repmodel = 't'`,
  );
  return new Map(rows.map((r) => [r.name, r.kind]));
}
