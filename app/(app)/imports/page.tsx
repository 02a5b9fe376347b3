import type { Metadata } from "next";
import Link from "next/link";
import { FileSpreadsheet } from "lucide-react";
import { IMPORT_KIND_LABEL } from "@/components/imports/labels";
import { UploadCard } from "@/components/imports/upload-card";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import { formatMoneyDecimal } from "@/lib/format/number";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { failInterruptedImports } from "@/lib/ingest/focus/interrupted";
import { IMPORT_KINDS, IMPORT_STATUSES, listImports, parseImportListParams, type ImportListRow } from "@/lib/queries/imports";

export const metadata: Metadata = { title: "Imports" };
export const dynamic = "force-dynamic";

const REGISTER_PERMISSIONS: Permission[] = ["contracts.write", "reservations.write", "sites.write", "power_budgets.write"];

const COLUMNS: Column<ImportListRow>[] = [
  {
    key: "created",
    label: "Started",
    sort: "created",
    render: (i) => `${formatDay(i.createdAt)} ${i.createdAt.toISOString().slice(11, 16)} UTC`,
  },
  { key: "kind", label: "Kind", sort: "kind", render: (i) => IMPORT_KIND_LABEL[i.kind] ?? i.kind },
  { key: "file", label: "File", sort: "file", render: (i) => <span className="break-all">{i.fileName}</span> },
  { key: "rows", label: "Rows", sort: "rows", align: "right", render: (i) => i.rows.toLocaleString("en-US") },
  {
    key: "cost",
    label: "Effective cost",
    align: "right",
    render: (i) => (i.effectiveCost ? formatMoneyDecimal(i.effectiveCost, i.currency ?? "USD") : "—"),
  },
  { key: "status", label: "Status", sort: "status", render: (i) => <StatusBadge status={i.status} /> },
  { key: "errors", label: "Errors", align: "right", render: (i) => (i.errorCount ? i.errorCount : "—") },
  { key: "by", label: "By", render: (i) => i.createdBy ?? "system" },
];

export default async function ImportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseImportListParams(await searchParams);
  // An import whose process died shows as failed, not as running forever.
  await failInterruptedImports(ctx.db);
  const result = await listImports(ctx, params);
  const role = ctx.actor.role;
  const canRegisters = REGISTER_PERMISSIONS.some((p) => can(role, p));
  const canAny = can(role, "billing.import") || can(role, "utilization.import") || canRegisters;
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Imports</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Billing exports in FOCUS format, hourly utilization and register CSVs. Every import loads all its rows or none, and the same file is
        never loaded twice.
      </p>
      {canAny ? (
        <div className="mb-8 grid gap-4">
          {can(role, "billing.import") ? (
            <UploadCard
              title="FOCUS billing export"
              description="Cost and usage CSV (FOCUS 1.0–1.3, plain or .gz) from AWS, Azure, Google Cloud, OCI or any FOCUS source. Totals are checked to the cent against the database after the load."
              endpoint="/imports/focus/upload"
              accept=".csv,.gz,text/csv,application/gzip"
              fileLabel="FOCUS file"
            />
          ) : null}
          {can(role, "utilization.import") ? (
            <UploadCard
              title="Utilization"
              description="Hourly accelerator-hours used per block: columns reservation (name or capacity reservation id), hour (ISO, UTC), used_ah. Re-sending an hour replaces it."
              endpoint="/imports/utilization/upload"
              accept=".csv,.gz,text/csv,application/gzip"
              fileLabel="Utilization file"
            />
          ) : null}
          {canRegisters ? (
            <Link
              href="/imports/registers"
              className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm hover:border-brand-400 dark:border-slate-800 dark:bg-slate-900"
            >
              <FileSpreadsheet aria-hidden className="size-5 text-brand-600" />
              <span>
                <span className="font-medium">Register CSVs</span> — onboard contracts, reservations, sites and power budgets in bulk from a
                template, checked line by line before anything loads.
              </span>
            </Link>
          ) : null}
        </div>
      ) : (
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
          Your role can read the import history; importing needs a finance, infra or admin role.
        </p>
      )}
      <h2 className="mb-3 text-lg font-semibold">History</h2>
      <ListView
        title="Imports"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(i) => `/imports/${i.id}`}
        searchLabel="File name"
        exportHref={can(role, "export.csv") ? "/imports/export.csv" : undefined}
        filterSelects={[
          { name: "kind", label: "Kind", options: IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABEL[k] ?? k })) },
          { name: "status", label: "Status", options: IMPORT_STATUSES.map((s) => ({ value: s, label: s })) },
        ]}
      />
    </div>
  );
}
