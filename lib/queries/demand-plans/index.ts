import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { NotFoundError } from "@/lib/errors";
import { planH100e } from "@/lib/metrics/h100e";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { isoDate, isoTs } from "@/lib/db/sql";
import { isUuid } from "@/lib/db/uuid";
import { PLAN_FACTOR } from "@/lib/planning/model";
import type { WorkloadKind } from "@/lib/enums";

export type DemandPlanRow = {
  id: string;
  name: string;
  kind: WorkloadKind;
  workloadId: string | null;
  workloadName: string | null;
  scenarioId: string | null;
  scenarioName: string | null;
  family: string;
  acceleratorTypeId: string | null;
  typeName: string | null;
  accelerators: number | null;
  h100Equivalents: string | null;
  /** Given H100e, else accelerators × the type's (else the family's average) factor, as the planning model counts it. */
  h100e: string;
  startDate: string;
  endDate: string;
  priority: number;
  notes: string | null;
  archivedAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
  version: number;
};

type Raw = {
  id: string;
  name: string;
  kind: WorkloadKind;
  workload_id: string | null;
  workload_name: string | null;
  scenario_id: string | null;
  scenario_name: string | null;
  family: string;
  accelerator_type_id: string | null;
  type_name: string | null;
  accelerators: number | null;
  h100_equivalents: string | null;
  factor: string | null;
  start_date: string;
  end_date: string;
  priority: number;
  notes: string | null;
  archived_at: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
};

const SELECT = sql`select p.id, p.name, p.kind::text as kind, p.workload_id, w.name as workload_name, p.scenario_id, s.name as scenario_name, p.accelerator_family as family,
    p.accelerator_type_id, t.name as type_name, p.accelerators, p.h100_equivalents::text as h100_equivalents,
    ${PLAN_FACTOR} as factor,
    ${isoDate("p.start_date")} as start_date, ${isoDate("p.end_date")} as end_date, p.priority, p.notes,
    ${isoTs("p.archived_at")} as archived_at, ${isoTs("p.updated_at")} as updated_at, p.updated_by, p.version
  from demand_plans p
  left join workloads w on w.id = p.workload_id
  left join scenarios s on s.id = p.scenario_id
  left join accelerator_types t on t.id = p.accelerator_type_id`;

function toRow(r: Raw): DemandPlanRow {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    workloadId: r.workload_id,
    workloadName: r.workload_name,
    scenarioId: r.scenario_id,
    scenarioName: r.scenario_name,
    family: r.family,
    acceleratorTypeId: r.accelerator_type_id,
    typeName: r.type_name,
    accelerators: r.accelerators,
    h100Equivalents: r.h100_equivalents,
    h100e: planH100e({ h100Equivalents: r.h100_equivalents, accelerators: r.accelerators, factor: r.factor }).toString(),
    startDate: r.start_date,
    endDate: r.end_date,
    priority: r.priority,
    notes: r.notes,
    archivedAt: r.archived_at ? new Date(r.archived_at) : null,
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
    version: r.version,
  };
}

export type DemandPlanListParams = {
  /** "all", "baseline" or a scenario id. */
  scenario: string;
  archived: "none" | "only" | "all";
};

export function parseDemandPlanListParams(raw: Record<string, string | string[] | undefined>): DemandPlanListParams {
  const one = (k: string) => (Array.isArray(raw[k]) ? raw[k][0] : raw[k]);
  const scenario = one("scenario");
  const archived = one("archived");
  return {
    scenario: scenario === "baseline" || (scenario && isUuid(scenario)) ? scenario : "all",
    archived: archived === "only" || archived === "all" ? archived : "none",
  };
}

/** Demand plans by start, then name: all, the baseline's (no scenario) or one scenario's own. */
export async function listDemandPlans(ctx: Ctx, params: DemandPlanListParams): Promise<DemandPlanRow[]> {
  requirePermission(ctx, "app.read");
  const scenario =
    params.scenario === "all"
      ? sql`true`
      : params.scenario === "baseline"
        ? sql`p.scenario_id is null`
        : sql`p.scenario_id = ${params.scenario}`;
  const archived =
    params.archived === "only" ? sql`p.archived_at is not null` : params.archived === "all" ? sql`true` : sql`p.archived_at is null`;
  const rows = await queryRows<Raw>(ctx.db, sql`${SELECT} where ${scenario} and ${archived} order by p.start_date, p.name`);
  return rows.map(toRow);
}

export async function getDemandPlan(ctx: Ctx, id: string): Promise<DemandPlanRow> {
  requirePermission(ctx, "app.read");
  const [row] = await queryRows<Raw>(ctx.db, sql`${SELECT} where p.id = ${id}`);
  if (!row) throw new NotFoundError("That demand plan does not exist.");
  return toRow(row);
}
