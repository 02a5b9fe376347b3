import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorTable } from "@/components/imports/error-table";
import { IMPORT_KIND_LABEL } from "@/components/imports/labels";
import { SummaryTables, type ImportSummaryLike } from "@/components/imports/summary-tables";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { requireCtx } from "@/lib/auth/session";
import { formatBytes } from "@/components/imports/upload-events";
import { getImport } from "@/lib/queries/imports";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

const stamp = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  const n = /^\d{1,15}$/.test(id) ? Number(id) : null;
  const row = n ? await getImport(ctx, n) : null;
  if (!row) notFound();
  const errors = row.errors ?? [];
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/imports" className="underline">
          Imports
        </Link>
      </p>
      <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
        <span className="break-all">{row.fileName}</span> <StatusBadge status={row.status} />
      </h1>
      <DetailList
        items={[
          ["Kind", IMPORT_KIND_LABEL[row.kind] ?? row.kind],
          ["Rows loaded", row.status === "succeeded" ? row.rows.toLocaleString("en-US") : "none"],
          ["Size", row.bytes ? formatBytes(row.bytes) : "—"],
          ["Started", stamp(row.createdAt)],
          ["Finished", stamp(row.finishedAt)],
          ["By", row.createdBy ?? "system"],
          [
            "SHA-256",
            <span key="sha" className="font-mono text-xs break-all">
              {row.sha256}
            </span>,
          ],
        ]}
      />
      {row.status === "running" ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          This import is still running; nothing of it is visible until it finishes.
        </p>
      ) : null}
      {row.status === "failed" ? (
        <section aria-label="Errors" className="mt-6">
          <h2 className="text-lg font-semibold">Why it was rejected</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Nothing of this file was loaded. Lines count as in a spreadsheet: the header is line 1.
          </p>
          <ErrorTable errors={errors} />
        </section>
      ) : null}
      {row.status === "succeeded" && row.summary ? (
        <section aria-label="Summary" className="mt-6">
          <h2 className="text-lg font-semibold">What was loaded</h2>
          <SummaryTables summary={row.summary as ImportSummaryLike} />
        </section>
      ) : null}
    </div>
  );
}
