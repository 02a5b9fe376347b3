import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { StatusBadge } from "@/components/registers/status-badge";
import { RevokeApiKeyButton } from "@/components/settings/api-key-forms";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import { entityHistory } from "@/lib/queries/lists/history";
import { getApiKey } from "@/lib/queries/settings/api-keys";
import { isUuid } from "@/lib/db/uuid";
import { revokeApiKeyAction } from "../actions";

export const metadata: Metadata = { title: "API key" };
export const dynamic = "force-dynamic";

export default async function ApiKeyPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "api_keys.manage")) notFound();
  const { id } = await params;
  const key = isUuid(id) ? await getApiKey(ctx, id) : null;
  if (!key) notFound();
  const history = await entityHistory(ctx, "api_key", id);
  const facts: [string, string][] = [
    ["Prefix", `${key.prefix}…`],
    ["Role", key.role],
    ["Created by", key.creatorEmail ?? "—"],
    ["Created", formatDay(key.createdAt)],
    ["Last used", key.lastUsedAt ? formatDay(key.lastUsedAt) : "Never"],
    ["Revoked", key.revokedAt ? formatDay(key.revokedAt) : "No"],
  ];
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings/api-keys" className="underline">
          API keys
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          {key.name} <StatusBadge status={key.revokedAt ? "revoked" : "active"} />
        </h1>
        {key.revokedAt ? null : <RevokeApiKeyButton apiKey={key} action={revokeApiKeyAction} />}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="mt-0.5 font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      <EntityHistory entries={history} />
    </div>
  );
}
