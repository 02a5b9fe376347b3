import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TeamForm } from "@/components/allocation/team-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { getTeamDetail, teamOptions } from "@/lib/queries/teams";
import { updateTeamAction } from "../../actions";

export const metadata: Metadata = { title: "Edit team" };
export const dynamic = "force-dynamic";

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "allocation.write") || !isUuid(id)) notFound();
  const [team, options] = await Promise.all([getTeamDetail(ctx, id), teamOptions(ctx)]);
  if (!team || team.archivedAt) notFound();
  const parents = options.filter((o) => o.value !== id);
  if (team.parentId && !parents.some((p) => p.value === team.parentId))
    parents.push({ value: team.parentId, label: `${team.parentName ?? team.parentId} (archived)` });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {team.name}</h1>
      <TeamForm
        action={updateTeamAction}
        edit={{ id, version: team.version }}
        parents={parents}
        values={{ name: team.name, costCentre: team.costCentre ?? "", parentId: team.parentId ?? "" }}
      />
    </div>
  );
}
