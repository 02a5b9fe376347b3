import type { Metadata } from "next";
import Link from "next/link";
import { ListView, type Column } from "@/components/lists/list-view";
import { formatExactMoney } from "@/components/matching/exact-money";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { listUnmatchedCharges, parseUnmatchedListParams, unmatchedProviders, type UnmatchedGroup } from "@/lib/queries/costs/unmatched";

export const metadata: Metadata = { title: "Unmatched charges" };
export const dynamic = "force-dynamic";

function mapHref(g: UnmatchedGroup): string | null {
  if (!g.providerId || !g.skuId) return null;
  const q = new URLSearchParams({ provider: g.providerId, sku: g.skuId });
  if (g.regionId) q.set("region", g.regionId);
  return `/settings/sku-mappings/new?${q.toString()}`;
}

function columns(canMap: boolean): Column<UnmatchedGroup>[] {
  const all: Column<UnmatchedGroup>[] = [
    { key: "provider", label: "Provider", sort: "provider", render: (g) => g.provider },
    { key: "service", label: "Service", render: (g) => g.serviceName ?? "—" },
    { key: "sku", label: "SKU", sort: "sku", render: (g) => g.skuId ?? "(no SKU)", className: "font-mono text-xs" },
    { key: "region", label: "Region", render: (g) => g.regionId ?? "—" },
    { key: "rows", label: "Charges", sort: "rows", align: "right", render: (g) => g.rows.toLocaleString("en-US") },
    {
      key: "cost",
      label: "EffectiveCost",
      sort: "cost",
      align: "right",
      render: (g) => formatExactMoney(g.effectiveCost, g.currency),
      className: "whitespace-nowrap",
    },
    {
      key: "map",
      label: "Action",
      render: (g) => {
        const href = mapHref(g);
        if (!g.providerId) return <span className="text-xs text-slate-600 dark:text-slate-400">Provider not in Headroom</span>;
        if (!href) return null;
        return (
          <Link
            href={href}
            className="text-brand-700 underline dark:text-brand-300"
            aria-label={`Map this SKU: ${g.skuId} of ${g.provider}${g.regionId ? ` in ${g.regionId}` : ""}`}
          >
            Map this SKU
          </Link>
        );
      },
    },
  ];
  return canMap ? all : all.filter((c) => c.key !== "map");
}

export default async function UnmatchedChargesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseUnmatchedListParams(await searchParams);
  const [result, providers] = await Promise.all([listUnmatchedCharges(ctx, params), unmatchedProviders(ctx)]);
  const canMap = can(ctx.actor.role, "catalog.write");
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/settings/sku-mappings" className="text-brand-700 underline dark:text-brand-300">
          SKU mappings
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Unmatched charges</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Imported charges tied to no contract, reservation or accelerator type, grouped by provider, service, SKU and region. Map a SKU to an
        accelerator type and its charges are matched at once.
      </p>
      <dl
        className="mt-4 mb-6 flex flex-wrap gap-6 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
        data-testid="unmatched-total"
      >
        <div>
          <dt className="text-xs text-slate-600 dark:text-slate-400">Unmatched charges</dt>
          <dd className="text-lg font-semibold tabular-nums">{result.totals.rows.toLocaleString("en-US")}</dd>
        </div>
        {result.totals.byCurrency.length === 0 ? (
          <div>
            <dt className="text-xs text-slate-600 dark:text-slate-400">Total EffectiveCost</dt>
            <dd className="text-lg font-semibold tabular-nums">—</dd>
          </div>
        ) : (
          result.totals.byCurrency.map((c) => (
            <div key={c.currency}>
              <dt className="text-xs text-slate-600 dark:text-slate-400">Total EffectiveCost ({c.currency})</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatExactMoney(c.effectiveCost, c.currency)}</dd>
            </div>
          ))
        )}
      </dl>
      <ListView
        title="Unmatched charges"
        caption="Unmatched charges by provider, service, SKU and region"
        params={params}
        result={result}
        columns={columns(canMap)}
        rowHref={(g) => `/costs/unmatched?provider=${encodeURIComponent(g.provider)}`}
        searchLabel="SKU or service"
        exportHref={can(ctx.actor.role, "export.csv") ? "/costs/unmatched/export.csv" : undefined}
        filterSelects={[{ name: "provider", label: "Provider", options: providers.map((p) => ({ value: p, label: p })) }]}
      />
    </div>
  );
}
