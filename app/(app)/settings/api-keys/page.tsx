import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/settings/api-key-forms";
import { can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/enums";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { listApiKeys, parseApiKeyListParams, type ApiKeyListRow } from "@/lib/queries/settings/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<ApiKeyListRow>[] = [
  { key: "name", label: "Name", sort: "name", render: (k) => k.name },
  { key: "prefix", label: "Prefix", sort: "prefix", render: (k) => <code className="text-xs">{k.prefix}…</code> },
  { key: "role", label: "Role", sort: "role", render: (k) => <span className="capitalize">{k.role}</span> },
  { key: "creator", label: "Created by", sort: "creator", render: (k) => k.creatorEmail ?? "—" },
  { key: "created", label: "Created", sort: "created", render: (k) => formatDay(k.createdAt) },
  { key: "lastUsed", label: "Last used", sort: "lastUsed", render: (k) => (k.lastUsedAt ? formatDay(k.lastUsedAt) : "Never") },
  {
    key: "revoked",
    label: "Revoked",
    sort: "revoked",
    render: (k) =>
      k.revokedAt ? (
        <span data-testid="revoked" className="inline-flex items-center gap-2 whitespace-nowrap">
          <StatusBadge status="revoked" /> {formatDay(k.revokedAt)}
        </span>
      ) : (
        <StatusBadge status="active" />
      ),
  },
  {
    key: "actions",
    label: "",
    align: "right",
    render: (k) => (k.revokedAt ? null : <RevokeApiKeyButton apiKey={k} action={revokeApiKeyAction} />),
  },
];

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "api_keys.manage")) notFound();
  const params = parseApiKeyListParams(await searchParams);
  const result = await listApiKeys(ctx, params);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">API keys</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Keys for machines (ingest endpoints, scripts). A key acts with its role; only its SHA-256 hash is stored, and a revoked key is
        refused at its next request.
      </p>
      <CreateApiKeyForm action={createApiKeyAction} />
      <div className="mt-8">
        <ListView
          title="API keys"
          params={params}
          result={result}
          columns={COLUMNS}
          rowHref={(k) => `/settings/api-keys/${k.id}`}
          searchLabel="Name or prefix"
          exportHref={can(ctx.actor.role, "export.csv") ? "/settings/api-keys/export.csv" : undefined}
          filterSelects={[
            { name: "role", label: "Role", options: ROLES.map((r) => ({ value: r, label: r })) },
            {
              name: "status",
              label: "Status",
              options: [
                { value: "active", label: "Active" },
                { value: "revoked", label: "Revoked" },
              ],
            },
          ]}
        />
      </div>
    </div>
  );
}
