import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Plus } from "lucide-react";
import { StatusBadge } from "@/components/registers/status-badge";
import { connectorKindLabel, connectorLocation } from "@/components/settings/connector-format";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDayTimeUtc } from "@/lib/format/date";
import { hasSecretKey, listConnectors } from "@/lib/queries/settings/connectors";
import { SecretKeyNotice } from "./secret-key-notice";

export const metadata: Metadata = { title: "Billing connectors" };
export const dynamic = "force-dynamic";

const TH = "px-3 py-2 text-left font-medium whitespace-nowrap";
const TD = "px-3 py-2 align-top";

export default async function ConnectorsPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "connectors.manage")) notFound();
  const rows = await listConnectors(ctx);
  return (
    <div className="mx-auto max-w-6xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Billing connectors</h1>
        <Link
          href="/settings/connectors/new"
          className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
        >
          <Plus aria-hidden className="size-4" /> New connector
        </Link>
      </div>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Buckets and containers where a cloud writes its FOCUS exports. On its schedule each connector imports the new and changed files
        through the same importer as the upload page; credentials are stored encrypted and never shown again.
      </p>
      {hasSecretKey() ? null : <SecretKeyNotice />}
      {rows.length === 0 ? (
        <p className="text-sm">No connectors yet.</p>
      ) : (
        <ScrollRegion
          label="Billing connectors"
          className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
        >
          <table className="w-full text-sm">
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                <th className={TH}>Name</th>
                <th className={TH}>Kind</th>
                <th className={TH}>Location</th>
                <th className={TH}>Provider</th>
                <th className={TH}>Schedule</th>
                <th className={TH}>Last run</th>
                <th className={TH}>Next run</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-t border-slate-200 dark:border-slate-800">
                  <td className={TD}>
                    <Link href={`/settings/connectors/${c.id}`} className="font-medium underline">
                      {c.name}
                    </Link>
                    {c.archivedAt ? (
                      <span className="ml-2">
                        <StatusBadge status="archived" />
                      </span>
                    ) : null}
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>{connectorKindLabel(c.kind)}</td>
                  <td className={`${TD} font-mono text-xs break-all`}>{connectorLocation(c)}</td>
                  <td className={TD}>{c.providerName}</td>
                  <td className={`${TD} font-mono text-xs whitespace-nowrap`}>{c.schedule}</td>
                  <td className={TD}>
                    {c.lastRunStartedAt ? (
                      <span className="flex flex-col items-start gap-1">
                        <span className="whitespace-nowrap">{formatDayTimeUtc(c.lastRunStartedAt)}</span>
                        {c.lastResult ? <StatusBadge status={c.lastResult} /> : <StatusBadge status="running" />}
                      </span>
                    ) : (
                      "Never"
                    )}
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>
                    {c.archivedAt || !c.enabled ? "Off" : c.nextRunAt ? formatDayTimeUtc(c.nextRunAt) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
