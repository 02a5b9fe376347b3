import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DemandPlanForm } from "@/components/demand-plans/demand-plan-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { getFilterOptions } from "@/lib/queries/filters/options";
import { registerOptions } from "@/lib/queries/lists/options";
import { workloadOptions } from "@/lib/queries/workloads";
import { createDemandPlanAction } from "../actions";

export const metadata: Metadata = { title: "New demand plan" };
export const dynamic = "force-dynamic";

export default async function NewDemandPlanPage({ searchParams }: { searchParams: Promise<{ scenario?: string; workload?: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "demand_plans.write")) notFound();
  const [filterOptions, options, workloads, sp] = await Promise.all([
    getFilterOptions(ctx),
    registerOptions(ctx),
    workloadOptions(ctx),
    searchParams,
  ]);
  const scenarioId = filterOptions.scenarios.some((s) => s.value === sp.scenario) ? sp.scenario! : "";
  const workloadId = workloads.some((w) => w.value === sp.workload) ? sp.workload! : "";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New demand plan</h1>
      <DemandPlanForm
        action={createDemandPlanAction}
        options={{ scenarios: filterOptions.scenarios, workloads, families: filterOptions.families, types: options.types }}
        values={{
          name: "",
          kind: "training",
          workloadId,
          scenarioId,
          acceleratorFamily: "",
          acceleratorTypeId: "",
          accelerators: "",
          h100Equivalents: "",
          startDate: "",
          endDate: "",
          priority: "3",
          notes: "",
        }}
      />
    </div>
  );
}
