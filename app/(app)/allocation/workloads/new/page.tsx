import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WorkloadForm } from "@/components/allocation/workload-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isoDay } from "@/lib/metrics/calendar";
import { teamOptions } from "@/lib/queries/teams";
import { createWorkloadAction } from "../actions";

export const metadata: Metadata = { title: "New workload" };
export const dynamic = "force-dynamic";

export default async function NewWorkloadPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "allocation.write")) notFound();
  const [teams, sp] = await Promise.all([teamOptions(ctx), searchParams]);
  const teamId = teams.some((t) => t.value === sp.team) ? sp.team! : "";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New workload</h1>
      <WorkloadForm
        action={createWorkloadAction}
        teams={teams}
        values={{
          name: "",
          kind: "training",
          teamId,
          activeFrom: isoDay(new Date()),
          activeTo: "",
          salePrice: "",
          currency: "",
          notes: "",
        }}
      />
    </div>
  );
}
