import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { WORKLOAD_KIND_LABELS, WORKLOAD_KINDS } from "@/lib/enums";
import { formatDay } from "@/lib/format/date";
import { formatRate } from "@/lib/format/number";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { teamOptions } from "@/lib/queries/teams";
import { parseWorkloadListParams, workloadListPage, type WorkloadListRow } from "@/lib/queries/workloads";

export const metadata: Metadata = { title: "Workloads" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<WorkloadListRow>[] = [
  { key: "name", label: "Workload", sort: "name", render: (w) => w.name },
  { key: "kind", label: "Kind", sort: "kind", render: (w) => WORKLOAD_KIND_LABELS[w.kind], className: "whitespace-nowrap" },
  { key: "team", label: "Team", sort: "team", render: (w) => w.teamName },
  { key: "from", label: "Active from", sort: "from", render: (w) => formatDay(w.activeFrom), className: "whitespace-nowrap" },
  { key: "to", label: "Until", sort: "to", render: (w) => (w.activeTo ? formatDay(w.activeTo) : "—"), className: "whitespace-nowrap" },
  {
    key: "price",
    label: "Sale price / AH",
    sort: "price",
    align: "right",
    render: (w) => (w.salePrice && w.currency ? formatRate(w.salePrice, w.currency) : "—"),
    className: "whitespace-nowrap",
  },
  { key: "status", label: "Status", render: (w) => <StatusBadge status={w.archivedAt ? "archived" : "active"} /> },
];

export default async function WorkloadsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseWorkloadListParams(await searchParams);
  const [result, teams] = await Promise.all([workloadListPage(ctx, params), teamOptions(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Workloads</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        What uses the compute — training runs, inference services, research, platform — each owned by a team over an active period. External
        workloads are customers of capacity the lab resells, at a sale price per accelerator-hour. Demand plans belong to a workload.
      </p>
      <ListView
        title="Workloads"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(w) => `/allocation/workloads/${w.id}`}
        searchLabel="Name or notes"
        exportHref={can(ctx.actor.role, "export.csv") ? "/allocation/workloads/export.csv" : undefined}
        filterSelects={[
          { name: "kind", label: "Kind", options: WORKLOAD_KINDS.map((k) => ({ value: k, label: WORKLOAD_KIND_LABELS[k] })) },
          { name: "team", label: "Team", options: teams },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          can(ctx.actor.role, "allocation.write") ? (
            <>
              <ImportCsvLink kind="workloads" />
              <Link
                href="/allocation/workloads/new"
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Plus aria-hidden className="size-4" /> New workload
              </Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
