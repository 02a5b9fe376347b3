import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DemandPlanForm } from "@/components/demand-plans/demand-plan-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { getDemandPlan } from "@/lib/queries/demand-plans";
import { registerOptions } from "@/lib/queries/lists/options";
import { workloadOptions } from "@/lib/queries/workloads";
import { isUuid } from "@/lib/db/uuid";
import { updateDemandPlanAction } from "../../actions";

export const metadata: Metadata = { title: "Edit demand plan" };
export const dynamic = "force-dynamic";

export default async function EditDemandPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "demand_plans.write") || !isUuid(id)) notFound();
  const [plan, filterOptions, options, workloadChoices] = await Promise.all([
    getDemandPlan(ctx, id),
    getFilterOptions(ctx),
    registerOptions(ctx),
    workloadOptions(ctx),
  ]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  if (plan.archivedAt) notFound();
  const scenarios =
    plan.scenarioId && !filterOptions.scenarios.some((s) => s.value === plan.scenarioId)
      ? [...filterOptions.scenarios, { value: plan.scenarioId, label: `${plan.scenarioName} (archived)` }]
      : filterOptions.scenarios;
  const types =
    plan.acceleratorTypeId && !options.types.some((t) => t.value === plan.acceleratorTypeId)
      ? [...options.types, { value: plan.acceleratorTypeId, label: `${plan.typeName} (archived)`, family: plan.family }]
      : options.types;
  const workloads =
    plan.workloadId && !workloadChoices.some((w) => w.value === plan.workloadId)
      ? [...workloadChoices, { value: plan.workloadId, label: `${plan.workloadName} (archived)` }]
      : workloadChoices;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {plan.name}</h1>
      <DemandPlanForm
        action={updateDemandPlanAction}
        edit={{ id, version: plan.version }}
        options={{ scenarios, workloads, families: filterOptions.families, types }}
        values={{
          name: plan.name,
          kind: plan.kind,
          workloadId: plan.workloadId ?? "",
          scenarioId: plan.scenarioId ?? "",
          acceleratorFamily: plan.family,
          acceleratorTypeId: plan.acceleratorTypeId ?? "",
          accelerators: plan.accelerators === null ? "" : String(plan.accelerators),
          h100Equivalents: plan.h100Equivalents ?? "",
          startDate: plan.startDate,
          endDate: plan.endDate,
          priority: String(plan.priority),
          notes: plan.notes ?? "",
        }}
      />
    </div>
  );
}
