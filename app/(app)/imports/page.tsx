import type { Metadata } from "next";
import Link from "next/link";
import { FileSpreadsheet } from "lucide-react";
import { ImportHistory } from "@/components/imports/import-history";
import { IMPORT_KIND_LABEL } from "@/components/imports/labels";
import { UploadCard } from "@/components/imports/upload-card";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { failInterruptedImports } from "@/lib/ingest/focus/interrupted";
import { IMPORT_KINDS, IMPORT_STATUSES } from "@/lib/enums";
import { parseImportListParams } from "@/lib/queries/imports";
import { getImportHistory } from "@/lib/queries/imports/history";
import { REGISTER_KIND_NAMES, REGISTER_KINDS, registerKindList } from "@/lib/services/imports/registers/kinds";

export const metadata: Metadata = { title: "Imports" };
export const dynamic = "force-dynamic";

const REGISTER_PERMISSIONS: Permission[] = REGISTER_KIND_NAMES.map((kind) => REGISTER_KINDS[kind].template.permission);

export default async function ImportsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseImportListParams(await searchParams);
  // An import whose process died shows as failed, not as running forever.
  await failInterruptedImports(ctx.db);
  const history = await getImportHistory(ctx, params);
  const role = ctx.actor.role;
  const canRegisters = REGISTER_PERMISSIONS.some((p) => can(role, p));
  const canAny = can(role, "billing.import") || can(role, "utilization.import") || can(role, "allocation.write") || canRegisters;
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Imports</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Billing exports in FOCUS format, hourly utilization, daily business metrics and register CSVs. Every import loads all its rows or
        none, and the same file is never loaded twice.
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
              description="Hourly accelerator-hours used per block: columns reservation (name or capacity reservation id), hour (ISO, UTC), used_ah, and optionally workload (name or id: one row per workload, the block's hour is their sum). Re-sending an hour replaces it."
              endpoint="/imports/utilization/upload"
              accept=".csv,.gz,text/csv,application/gzip"
              fileLabel="Utilization file"
            />
          ) : null}
          {can(role, "allocation.write") ? (
            <UploadCard
              title="Business metrics"
              description="Daily figures per workload, the denominators of unit economics: columns workload (name), metric (snake case, such as tokens_served, requests or training_tokens), day (YYYY-MM-DD, UTC), value (0 or more). Re-sending a day replaces its value."
              endpoint="/imports/business-metrics/upload"
              accept=".csv,text/csv"
              fileLabel="Business metrics file"
            />
          ) : null}
          {canRegisters ? (
            <Link
              href="/imports/registers"
              className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm hover:border-brand-400 dark:border-slate-800 dark:bg-slate-900"
            >
              <FileSpreadsheet aria-hidden className="size-5 text-brand-600 dark:text-brand-300" />
              <span>
                <span className="font-medium">Register CSVs</span> — onboard {registerKindList()} in bulk from a template, checked line by
                line before anything loads.
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
      <ImportHistory
        params={params}
        initial={history}
        exportHref={can(role, "export.csv") ? "/imports/export.csv" : undefined}
        filterSelects={[
          { name: "kind", label: "Kind", options: IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABEL[k] ?? k })) },
          { name: "status", label: "Status", options: IMPORT_STATUSES.map((s) => ({ value: s, label: s })) },
        ]}
      />
    </div>
  );
}
