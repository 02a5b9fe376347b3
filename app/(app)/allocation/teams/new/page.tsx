import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TeamForm } from "@/components/allocation/team-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { teamOptions } from "@/lib/queries/teams";
import { createTeamAction } from "../actions";

export const metadata: Metadata = { title: "New team" };
export const dynamic = "force-dynamic";

export default async function NewTeamPage({ searchParams }: { searchParams: Promise<{ parent?: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "allocation.write")) notFound();
  const [parents, sp] = await Promise.all([teamOptions(ctx), searchParams]);
  const parentId = parents.some((p) => p.value === sp.parent) ? sp.parent! : "";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New team</h1>
      <TeamForm action={createTeamAction} parents={parents} values={{ name: "", costCentre: "", parentId }} />
    </div>
  );
}
