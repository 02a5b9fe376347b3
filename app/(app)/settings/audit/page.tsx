import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { listAuditLog } from "@/lib/queries/settings/audit";
import { auditQuery, parseAuditSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "audit.read")) notFound();
  const params = parseAuditSearchParams(await searchParams);
  const result = await listAuditLog(ctx, auditQuery(params));
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Every change made in Headroom: who, when, which record, and each field before and after. Times are UTC; the date filter takes whole
        UTC days, both ends included.
      </p>
      <AuditTable result={result} filters={params} canExport={can(ctx.actor.role, "export.csv")} />
    </div>
  );
}
