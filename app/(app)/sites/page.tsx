import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDecimal, formatMw } from "@/lib/format/number";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import { registerOptions } from "@/lib/queries/lists/options";
import { listSites, parseSiteListParams, type SiteListRow } from "@/lib/queries/sites";

export const metadata: Metadata = { title: "Sites" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<SiteListRow>[] = [
  { key: "name", label: "Site", sort: "name", render: (s) => s.name },
  { key: "provider", label: "Provider", sort: "provider", render: (s) => s.providerName },
  { key: "region", label: "Region", sort: "region", render: (s) => s.regionCode, className: "font-mono text-xs" },
  { key: "country", label: "Country", sort: "country", render: (s) => s.country },
  { key: "pue", label: "PUE", sort: "pue", align: "right", render: (s) => formatDecimal(s.pue, 2) },
  {
    key: "budget",
    label: "Budget today",
    sort: "budget",
    align: "right",
    render: (s) => (s.budgetMwToday === null ? "—" : formatMw(s.budgetMwToday)),
  },
  {
    key: "accelerators",
    label: "Accelerators now",
    sort: "accelerators",
    align: "right",
    render: (s) => formatDecimal(s.acceleratorsNow, 0),
  },
  { key: "status", label: "Status", render: (s) => (s.archivedAt ? <StatusBadge status="archived" /> : <StatusBadge status="active" />) },
];

export default async function SitesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseSiteListParams(await searchParams);
  const [result, options] = await Promise.all([listSites(ctx, params), registerOptions(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Sites</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Data-center sites with their PUE and contracted power. Open a site for its power ramp, projected load and reservations.
      </p>
      <ListView
        title="Sites"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(s) => `/sites/${s.id}`}
        searchLabel="Name or region"
        exportHref={can(ctx.actor.role, "export.csv") ? "/sites/export.csv" : undefined}
        filterSelects={[
          { name: "provider", label: "Provider", options: options.providers },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          can(ctx.actor.role, "sites.write") ? (
            <>
              <ImportCsvLink kind="sites" />
              <Link
                href="/sites/new"
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Plus aria-hidden className="size-4" /> New site
              </Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
