import type { Metadata } from "next";
import Link from "next/link";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { Plus } from "lucide-react";
import { ListView, type Column } from "@/components/lists/list-view";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDecimal } from "@/lib/format/number";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import {
  acceleratorFilterOptions,
  listAcceleratorTypes,
  parseAcceleratorListParams,
  type AcceleratorListRow,
} from "@/lib/queries/settings/accelerator-types";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";

export const metadata: Metadata = { title: "Accelerator catalog" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<AcceleratorListRow>[] = [
  { key: "name", label: "Accelerator", sort: "name", render: (t) => (t.archivedAt ? `${t.name} (archived)` : t.name) },
  { key: "vendor", label: "Vendor", sort: "vendor", render: (t) => t.vendor },
  { key: "family", label: "Family", sort: "family", render: (t) => t.family },
  { key: "memory", label: "Memory", sort: "memory", align: "right", render: (t) => `${formatDecimal(t.memoryGb, 1)} GB` },
  { key: "bf16", label: "BF16 TFLOPS", sort: "bf16", align: "right", render: (t) => formatDecimal(t.bf16Tflops, 1) },
  { key: "systemW", label: "System W", sort: "systemW", align: "right", render: (t) => formatDecimal(t.systemW, 0) },
  {
    key: "h100e",
    label: "H100e factor",
    sort: "h100e",
    align: "right",
    render: (t) => (
      <span title={`Nameplate default ${t.nameplateH100e}`}>
        {formatDecimal(t.h100Equivalent, 4)}
        {t.h100Equivalent !== t.nameplateH100e ? <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">(measured)</span> : null}
      </span>
    ),
  },
  {
    key: "nameplate",
    label: "Nameplate default",
    align: "right",
    render: (t) => formatDecimal(t.nameplateH100e, 4),
    className: "text-slate-600 dark:text-slate-400",
  },
  { key: "reservations", label: "Blocks", sort: "reservations", align: "right", render: (t) => t.reservationCount },
];

export default async function AcceleratorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseAcceleratorListParams(await searchParams);
  const [result, options] = await Promise.all([listAcceleratorTypes(ctx, params), acceleratorFilterOptions(ctx)]);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Accelerator catalog</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Chip specs, the system power each draws, and its H100-equivalent factor (nameplate default: peak dense BF16 ÷ the H100 SXM&apos;s
        989.4 TFLOPS; a measured factor may replace it).
      </p>
      <ListView
        title="Accelerator types"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(t) => `/settings/accelerators/${t.id}`}
        searchLabel="Name or family"
        exportHref={can(ctx.actor.role, "export.csv") ? "/settings/accelerators/export.csv" : undefined}
        filterSelects={[
          { name: "vendor", label: "Vendor", options: options.vendors },
          { name: "family", label: "Family", options: options.families },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          can(ctx.actor.role, "catalog.write") ? (
            <>
              <ImportCsvLink kind="accelerator_types" />
              <Link
                href="/settings/accelerators/new"
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Plus aria-hidden className="size-4" /> New type
              </Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
