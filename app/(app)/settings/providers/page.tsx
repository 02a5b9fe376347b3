import type { Metadata } from "next";
import Link from "next/link";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { Plus } from "lucide-react";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { PROVIDER_KIND_OPTIONS } from "@/components/settings/options";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import { listProviders, parseProviderListParams, type ProviderListRow } from "@/lib/queries/settings/providers";

export const metadata: Metadata = { title: "Providers" };
export const dynamic = "force-dynamic";

const KIND_LABEL = Object.fromEntries(PROVIDER_KIND_OPTIONS.map((o) => [o.value, o.label]));

const COLUMNS: Column<ProviderListRow>[] = [
  { key: "name", label: "Provider", sort: "name", render: (p) => p.name },
  { key: "kind", label: "Kind", sort: "kind", render: (p) => KIND_LABEL[p.kind] ?? p.kind },
  { key: "sites", label: "Sites", sort: "sites", align: "right", render: (p) => p.siteCount },
  { key: "contracts", label: "Contracts", sort: "contracts", align: "right", render: (p) => p.contractCount },
  { key: "status", label: "Status", render: (p) => <StatusBadge status={p.archivedAt ? "archived" : "active"} /> },
];

export default async function ProvidersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseProviderListParams(await searchParams);
  const result = await listProviders(ctx, params);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Providers</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Clouds, neoclouds, colocation and owned sites you buy capacity from.
      </p>
      <ListView
        title="Providers"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(p) => `/settings/providers/${p.id}`}
        searchLabel="Name"
        exportHref={can(ctx.actor.role, "export.csv") ? "/settings/providers/export.csv" : undefined}
        filterSelects={[
          { name: "kind", label: "Kind", options: PROVIDER_KIND_OPTIONS },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          can(ctx.actor.role, "catalog.write") ? (
            <>
              <ImportCsvLink kind="providers" />
              <Link
                href="/settings/providers/new"
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Plus aria-hidden className="size-4" /> New provider
              </Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
