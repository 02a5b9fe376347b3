import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { ConnectorRunPanel, DeleteConnectorButton } from "@/components/settings/connector-actions";
import { ConnectorForm } from "@/components/settings/connector-form";
import { connectorKindLabel, connectorLocation } from "@/components/settings/connector-format";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { formatDayTimeUtc } from "@/lib/format/date";
import { entityHistory } from "@/lib/queries/lists/history";
import { connectorProviderOptions, getConnector, hasSecretKey, recentConnectorObjects } from "@/lib/queries/settings/connectors";
import {
  deleteConnectorAction,
  runConnectorNowAction,
  setConnectorArchivedAction,
  testConnectorAction,
  updateConnectorAction,
} from "../actions";
import { ObjectsTable } from "../objects-table";
import { SecretKeyNotice } from "../secret-key-notice";

export const metadata: Metadata = { title: "Billing connector" };
export const dynamic = "force-dynamic";

export default async function ConnectorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "connectors.manage")) notFound();
  const { id } = await params;
  const connector = isUuid(id) ? await getConnector(ctx, id) : null;
  if (!connector) notFound();
  const [objects, providers, history] = await Promise.all([
    recentConnectorObjects(ctx, id),
    connectorProviderOptions(ctx),
    entityHistory(ctx, "connector", id),
  ]);
  const archived = connector.archivedAt !== null;
  const l = connector.location;
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings/connectors" className="underline">
          Billing connectors
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight break-all">
          {connector.name} {archived ? <StatusBadge status="archived" /> : null}
        </h1>
        <div className="flex flex-wrap items-start gap-2">
          <ArchiveButton
            id={connector.id}
            version={connector.version}
            archived={archived}
            what="connector"
            action={setConnectorArchivedAction}
          />
          {archived ? <DeleteConnectorButton connector={connector} action={deleteConnectorAction} /> : null}
        </div>
      </div>
      <p className="mt-2 text-sm break-all text-slate-600 dark:text-slate-400">
        {connectorKindLabel(connector.kind)} · <span className="font-mono text-xs">{connectorLocation(connector)}</span> · bills for{" "}
        {connector.providerName}
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Last run</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {connector.lastRunStartedAt ? formatDayTimeUtc(connector.lastRunStartedAt) : "Never"}
            {connector.lastResult ? <StatusBadge status={connector.lastResult} /> : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Next run</dt>
          <dd>{archived || !connector.enabled ? "Off" : connector.nextRunAt ? formatDayTimeUtc(connector.nextRunAt) : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-400">Schedule</dt>
          <dd className="font-mono text-xs">{connector.schedule}</dd>
        </div>
        {connector.lastError ? (
          <div className="sm:col-span-3">
            <dt className="text-slate-600 dark:text-slate-400">Last error</dt>
            <dd className="break-words text-red-700 dark:text-red-400">{connector.lastError}</dd>
          </div>
        ) : null}
      </dl>
      {hasSecretKey() ? null : (
        <div className="mt-4">
          <SecretKeyNotice />
        </div>
      )}
      <ConnectorRunPanel id={connector.id} archived={archived} test={testConnectorAction} run={runConnectorNowAction} />
      <ObjectsTable objects={objects} />
      <section
        aria-labelledby="edit-heading"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="edit-heading" className="text-lg font-semibold">
          Edit
        </h2>
        <ConnectorForm
          key={connector.version}
          action={updateConnectorAction}
          providers={providers}
          edit={{ id: connector.id, version: connector.version }}
          values={{
            name: connector.name,
            kind: connector.kind,
            providerId: connector.providerId,
            prefix: connector.prefix,
            schedule: connector.schedule,
            enabled: connector.enabled,
            endpoint: l.endpoint ?? "",
            region: l.region ?? "",
            bucket: l.bucket ?? "",
            forcePathStyle: l.forcePathStyle ?? false,
            accountUrl: l.accountUrl ?? "",
            container: l.container ?? "",
            auth: l.auth ?? "connection_string",
          }}
        />
      </section>
      <EntityHistory entries={history} />
    </div>
  );
}
