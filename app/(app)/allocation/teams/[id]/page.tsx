import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil, Plus } from "lucide-react";
import { TeamShowbackSection } from "@/components/allocation/showback-sections";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { WORKLOAD_KIND_LABELS } from "@/lib/enums";
import { formatDay } from "@/lib/format/date";
import { entityHistory } from "@/lib/queries/lists/history";
import { getTeamDetail } from "@/lib/queries/teams";
import { pageClock } from "@/lib/cache/read";
import { getShowbackView, parseShowbackRange } from "@/lib/queries/allocation/showback-view";
import { MAX_TEAM_DEPTH } from "@/lib/services/teams/tree";
import { setTeamArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

const LINK = "text-brand-700 underline dark:text-brand-300";

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const asOf = pageClock();
  const [team, history, showback] = await Promise.all([
    getTeamDetail(ctx, id),
    entityHistory(ctx, "team", id),
    getShowbackView(ctx, parseShowbackRange({}, asOf), asOf),
  ]);
  if (!team) notFound();
  const canWrite = can(ctx.actor.role, "allocation.write");
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href="/allocation/teams" className={LINK}>
          Teams
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {team.name} {team.archivedAt ? <StatusBadge status="archived" /> : null}
          </h1>
          {team.level > 1 ? <p className="mt-1 text-sm break-words text-slate-600 dark:text-slate-400">{team.path}</p> : null}
        </div>
        {canWrite ? (
          <div className="flex flex-wrap items-start gap-2">
            {!team.archivedAt ? (
              <Link
                href={`/allocation/teams/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton id={id} version={team.version} archived={team.archivedAt !== null} what="team" action={setTeamArchivedAction} />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Cost centre", team.costCentre ?? "—"],
          [
            "Parent team",
            team.parentId ? (
              <Link href={`/allocation/teams/${team.parentId}`} className={LINK}>
                {team.parentName}
              </Link>
            ) : (
              "None (top level)"
            ),
          ],
          ["Level", `${team.level} of at most ${MAX_TEAM_DEPTH}`],
          ["Last changed", `${formatDay(team.updatedAt)}${team.updatedBy ? ` by ${team.updatedBy}` : ""} (version ${team.version})`],
        ]}
      />
      <section aria-labelledby="children-heading" className="mt-8">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="children-heading" className="text-lg font-semibold">
            Sub-teams
          </h2>
          {canWrite && !team.archivedAt && team.level < MAX_TEAM_DEPTH ? (
            <Link href={`/allocation/teams/new?parent=${id}`} className="inline-flex items-center gap-1 text-sm font-medium underline">
              <Plus aria-hidden className="size-4" /> Add a sub-team
            </Link>
          ) : null}
        </div>
        {team.children.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {team.children.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                <Link href={`/allocation/teams/${c.id}`} className={LINK}>
                  {c.name}
                </Link>
                {c.costCentre ? <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{c.costCentre}</span> : null}
                {c.archivedAt ? <StatusBadge status="archived" /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="workloads-heading" className="mt-8">
        <h2 id="workloads-heading" className="text-lg font-semibold">
          Workloads
        </h2>
        {team.workloads.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {team.workloads.map((w) => (
              <li key={w.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                <Link href={`/allocation/workloads/${w.id}`} className={LINK}>
                  {w.name}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {WORKLOAD_KIND_LABELS[w.kind]} · {formatDay(w.activeFrom)} → {w.activeTo ? formatDay(w.activeTo) : "open"}
                </span>
                {w.archivedAt ? <StatusBadge status="archived" /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <TeamShowbackSection view={showback} teamId={id} />
      <EntityHistory entries={history} />
    </div>
  );
}
