import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { PROVIDER_KIND_OPTIONS } from "@/components/settings/options";
import { ProviderForm } from "@/components/settings/provider-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { entityHistory } from "@/lib/queries/lists/history";
import { getProvider } from "@/lib/queries/settings/providers";
import { isUuid } from "@/lib/db/uuid";
import { setProviderArchivedAction, updateProviderAction } from "../actions";

export const metadata: Metadata = { title: "Provider" };
export const dynamic = "force-dynamic";

export default async function ProviderPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  const provider = isUuid(id) ? await getProvider(ctx, id) : null;
  if (!provider) notFound();
  const history = await entityHistory(ctx, "provider", id);
  const canEdit = can(ctx.actor.role, "catalog.write");
  const kind = PROVIDER_KIND_OPTIONS.find((o) => o.value === provider.kind)?.label ?? provider.kind;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings/providers" className="underline">
          Providers
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          {provider.name} {provider.archivedAt ? <StatusBadge status="archived" /> : null}
        </h1>
        {canEdit ? (
          <ArchiveButton
            id={provider.id}
            version={provider.version}
            archived={provider.archivedAt !== null}
            what="provider"
            action={setProviderArchivedAction}
          />
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {kind} · {provider.siteCount} sites · {provider.contractCount} contracts ·{" "}
        <Link href={`/sites?provider=${provider.id}`} className="underline">
          its sites
        </Link>
      </p>
      {canEdit ? (
        <section
          aria-labelledby="edit-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit
          </h2>
          <ProviderForm
            key={provider.version}
            action={updateProviderAction}
            values={{ name: provider.name, kind: provider.kind }}
            edit={{ id: provider.id, version: provider.version }}
          />
        </section>
      ) : null}
      <EntityHistory entries={history} />
    </div>
  );
}
