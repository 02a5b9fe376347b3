import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workloads } from "./allocation";
import { acceleratorTypes } from "./catalog";
import { archivedAt, id, timestamps } from "./common";
import { workloadKindEnum } from "./enums";

export const scenarios = pgTable(
  "scenarios",
  {
    id: id(),
    name: text().notNull(),
    description: text(),
    overrides: jsonb().notNull().default({}),
    /** A scenario saved from the procurement planner: { inputs, committedCost (USD, exact), savedAt } at save time. */
    plan: jsonb(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("scenarios_name_key").on(t.name)],
);

export const demandPlans = pgTable(
  "demand_plans",
  {
    id: id(),
    name: text().notNull(),
    kind: workloadKindEnum().notNull(),
    workloadId: uuid().references(() => workloads.id),
    scenarioId: uuid().references(() => scenarios.id),
    acceleratorFamily: text().notNull(),
    acceleratorTypeId: uuid().references(() => acceleratorTypes.id),
    accelerators: integer(),
    h100Equivalents: numeric({ precision: 12, scale: 2 }),
    startDate: date().notNull(),
    endDate: date().notNull(),
    priority: integer().notNull().default(3),
    notes: text(),
    archivedAt: archivedAt(),
    ...timestamps(),
  },
  (t) => [
    index("demand_plans_scenario_idx").on(t.scenarioId),
    index("demand_plans_workload_idx").on(t.workloadId),
    index("demand_plans_accelerator_type_idx").on(t.acceleratorTypeId),
    index("demand_plans_family_idx").on(t.acceleratorFamily),
    index("demand_plans_period_idx").on(t.startDate, t.endDate),
    check("demand_plans_period", sql`${t.endDate} > ${t.startDate}`),
    check("demand_plans_priority_range", sql`${t.priority} between 1 and 5`),
    check(
      "demand_plans_size",
      sql`(${t.accelerators} is not null and ${t.accelerators} > 0) or (${t.h100Equivalents} is not null and ${t.h100Equivalents} > 0)`,
    ),
  ],
);
