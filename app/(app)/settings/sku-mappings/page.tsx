import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDecimal } from "@/lib/format/number";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import { registerOptions } from "@/lib/queries/lists/options";
import { listSkuMappings, parseSkuMappingListParams, type SkuMappingRow } from "@/lib/queries/settings/sku-mappings";

export const metadata: Metadata = { title: "SKU mappings" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<SkuMappingRow>[] = [
  { key: "sku", label: "SKU", sort: "sku", render: (m) => m.skuId },
  { key: "provider", label: "Provider", sort: "provider", render: (m) => m.providerName },
  { key: "region", label: "Region", sort: "region", render: (m) => m.regionId ?? "All regions" },
  { key: "type", label: "Accelerator type", sort: "type", render: (m) => m.acceleratorTypeName },
  { key: "per-unit", label: "Per unit", align: "right", render: (m) => `${formatDecimal(m.acceleratorsPerUnit, 4)} ×` },
  { key: "charges", label: "Charges matched", sort: "charges", align: "right", render: (m) => m.charges.toLocaleString("en-US") },
  { key: "status", label: "Status", render: (m) => <StatusBadge status={m.archivedAt ? "archived" : "active"} /> },
];

export default async function SkuMappingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseSkuMappingListParams(await searchParams);
  const [result, options] = await Promise.all([listSkuMappings(ctx, params), registerOptions(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">SKU mappings</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Which accelerators a provider&apos;s billed SKU stands for, so imported charges count toward the right chip family. A region&apos;s
        own mapping wins over the all-regions one. Charges no rule ties yet are listed under{" "}
        <Link href="/costs/unmatched" className="text-brand-700 underline dark:text-brand-300">
          unmatched charges
        </Link>
        .
      </p>
      <ListView
        title="SKU mappings"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(m) => `/settings/sku-mappings/${m.id}`}
        searchLabel="SKU id"
        exportHref={can(ctx.actor.role, "export.csv") ? "/settings/sku-mappings/export.csv" : undefined}
        filterSelects={[
          { name: "provider", label: "Provider", options: options.providers },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          can(ctx.actor.role, "billing.map") ? (
            <Link
              href="/settings/sku-mappings/new"
              className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              <Plus aria-hidden className="size-4" /> New mapping
            </Link>
          ) : null
        }
      />
    </div>
  );
}
