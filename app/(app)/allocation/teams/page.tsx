import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { parseTeamListParams, teamListPage, teamOptions, type TeamListRow } from "@/lib/queries/teams";

export const metadata: Metadata = { title: "Teams" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<TeamListRow>[] = [
  {
    key: "path",
    label: "Team",
    sort: "path",
    render: (t) => (
      <span style={{ paddingLeft: `${(t.level - 1) * 1}rem` }} className="inline-block">
        {t.name}
        {t.level > 1 ? <span className="block text-xs text-slate-600 dark:text-slate-400">{t.path}</span> : null}
      </span>
    ),
  },
  { key: "costCentre", label: "Cost centre", sort: "costCentre", render: (t) => t.costCentre ?? "—", className: "font-mono text-xs" },
  { key: "children", label: "Sub-teams", align: "right", render: (t) => t.activeChildren },
  { key: "workloads", label: "Workloads", sort: "workloads", align: "right", render: (t) => t.activeWorkloads },
  { key: "status", label: "Status", render: (t) => <StatusBadge status={t.archivedAt ? "archived" : "active"} /> },
];

export default async function TeamsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseTeamListParams(await searchParams);
  const [result, parents] = await Promise.all([teamListPage(ctx, params), teamOptions(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Teams</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        The cost owners: each team has a cost centre and may sit under a parent team, at most 4 levels deep. Workloads belong to a team, and
        a team&apos;s figures roll up to its parents.
      </p>
      <ListView
        title="Teams"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(t) => `/allocation/teams/${t.id}`}
        searchLabel="Name or cost centre"
        exportHref={can(ctx.actor.role, "export.csv") ? "/allocation/teams/export.csv" : undefined}
        filterSelects={[
          { name: "parent", label: "Parent team", options: parents },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          can(ctx.actor.role, "allocation.write") ? (
            <>
              <ImportCsvLink kind="teams" />
              <Link
                href="/allocation/teams/new"
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Plus aria-hidden className="size-4" /> New team
              </Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
