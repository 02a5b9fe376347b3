import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WorkloadForm } from "@/components/allocation/workload-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { dec } from "@/lib/metrics/decimal";
import { teamOptions } from "@/lib/queries/teams";
import { getWorkloadDetail } from "@/lib/queries/workloads";
import { updateWorkloadAction } from "../../actions";

export const metadata: Metadata = { title: "Edit workload" };
export const dynamic = "force-dynamic";

export default async function EditWorkloadPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "allocation.write") || !isUuid(id)) notFound();
  const [w, options] = await Promise.all([getWorkloadDetail(ctx, id), teamOptions(ctx)]);
  if (!w || w.archivedAt) notFound();
  const teams = options.some((o) => o.value === w.teamId) ? options : [...options, { value: w.teamId, label: `${w.teamName} (archived)` }];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {w.name}</h1>
      <WorkloadForm
        action={updateWorkloadAction}
        edit={{ id, version: w.version }}
        teams={teams}
        values={{
          name: w.name,
          kind: w.kind,
          teamId: w.teamId,
          activeFrom: w.activeFrom,
          activeTo: w.activeTo ?? "",
          salePrice: w.salePrice === null ? "" : dec(w.salePrice).toFixed(),
          currency: w.currency ?? "",
          notes: w.notes ?? "",
        }}
      />
    </div>
  );
}
