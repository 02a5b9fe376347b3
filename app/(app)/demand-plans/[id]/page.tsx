import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { WORKLOAD_KIND_LABELS } from "@/lib/enums";
import { formatDay } from "@/lib/format/date";
import { formatDecimal } from "@/lib/format/number";
import { getDemandPlan } from "@/lib/queries/demand-plans";
import { entityHistory } from "@/lib/queries/lists/history";
import { isUuid } from "@/lib/db/uuid";
import { setDemandPlanArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Demand plan" };
export const dynamic = "force-dynamic";

export default async function DemandPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [plan, history] = await Promise.all([getDemandPlan(ctx, id), entityHistory(ctx, "demand_plan", id)]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const canWrite = can(ctx.actor.role, "demand_plans.write");
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href="/demand-plans" className="text-brand-700 underline dark:text-brand-300">
          Demand plans
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
            {plan.name} {plan.archivedAt ? <StatusBadge status="archived" /> : null}
          </h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {WORKLOAD_KIND_LABELS[plan.kind]} ·{" "}
            {plan.workloadId ? (
              <Link href={`/allocation/workloads/${plan.workloadId}`} className="underline">
                {plan.workloadName}
              </Link>
            ) : (
              "No workload"
            )}{" "}
            ·{" "}
            {plan.scenarioId ? (
              <Link href={`/scenarios/${plan.scenarioId}`} className="underline">
                {plan.scenarioName}
              </Link>
            ) : (
              "Baseline (every scenario)"
            )}
          </p>
        </div>
        {canWrite ? (
          <div className="flex items-start gap-2">
            {!plan.archivedAt ? (
              <Link
                href={`/demand-plans/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton
              id={id}
              version={plan.version}
              archived={plan.archivedAt !== null}
              what="demand plan"
              action={setDemandPlanArchivedAction}
            />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Family", plan.typeName ? `${plan.family} (${plan.typeName})` : plan.family],
          ["Accelerators", plan.accelerators === null ? "—" : formatDecimal(plan.accelerators, 0)],
          [
            "H100-equivalents",
            `${formatDecimal(plan.h100e, 2)}${plan.h100Equivalents === null ? " (accelerators × the type's factor)" : ""}`,
          ],
          ["Period", `${formatDay(plan.startDate)} → ${formatDay(plan.endDate)}`],
          ["Priority", String(plan.priority)],
          ["Last changed", `${formatDay(plan.updatedAt)}${plan.updatedBy ? ` by ${plan.updatedBy}` : ""} (version ${plan.version})`],
          ...(plan.notes ? ([["Notes", plan.notes]] as [string, string][]) : []),
        ]}
      />
      <EntityHistory entries={history} />
    </div>
  );
}
