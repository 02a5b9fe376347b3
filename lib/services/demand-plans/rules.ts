import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, demandPlans, scenarios, workloads } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { demandPlanIssues, type CreateDemandPlanInput } from "./schemas";

export type DemandPlanRow = typeof demandPlans.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

// Rules on the whole plan and those that need the database: the workload, the scenario and the accelerator type exist
// (and, when newly chosen, are not archived), and the type belongs to the plan's family.
export async function checkDemandPlanRules(tx: Executor, data: CreateDemandPlanInput, existing?: DemandPlanRow): Promise<void> {
  const issues = demandPlanIssues(data);
  const fields = Object.keys(issues);
  if (fields.length) throw new ValidationError(issues[fields[0]!]!, Object.fromEntries(fields.map((f) => [f, [issues[f]!]])));
  if (data.workloadId) {
    const [workload] = await tx.select().from(workloads).where(eq(workloads.id, data.workloadId));
    if (!workload) refuse("workloadId", "This workload does not exist.");
    if (workload.archivedAt && workload.id !== existing?.workloadId)
      refuse("workloadId", `Workload ${workload.name} is archived; choose another.`);
  }
  if (data.scenarioId) {
    const [scenario] = await tx.select().from(scenarios).where(eq(scenarios.id, data.scenarioId));
    if (!scenario) refuse("scenarioId", "This scenario does not exist.");
    if (scenario.archivedAt && scenario.id !== existing?.scenarioId)
      refuse("scenarioId", `Scenario ${scenario.name} is archived; choose another.`);
  }
  if (data.acceleratorTypeId) {
    const [type] = await tx.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, data.acceleratorTypeId));
    if (!type) refuse("acceleratorTypeId", "This accelerator type does not exist.");
    if (type.archivedAt && type.id !== existing?.acceleratorTypeId)
      refuse("acceleratorTypeId", `${type.name} is archived; choose another type.`);
    if (type.family !== data.acceleratorFamily)
      refuse("acceleratorTypeId", `${type.name} is a ${type.family}, not a ${data.acceleratorFamily}.`);
  } else {
    const [known] = await tx
      .select({ id: acceleratorTypes.id })
      .from(acceleratorTypes)
      .where(eq(acceleratorTypes.family, data.acceleratorFamily))
      .limit(1);
    if (!known) refuse("acceleratorFamily", `No accelerator type of the family ${data.acceleratorFamily} is in the catalog.`);
  }
}
