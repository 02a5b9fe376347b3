import type { Metadata } from "next";
import Link from "next/link";
import { ListView, type Column } from "@/components/lists/list-view";
import { formatCentsMoney } from "@/components/matching/exact-money";
import { MapPermissionHint } from "@/components/matching/map-permission-hint";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { listUnmatchedCharges, parseUnmatchedListParams, unmatchedProviders, type UnmatchedGroup } from "@/lib/queries/costs/unmatched";

export const metadata: Metadata = { title: "Unmatched charges" };
export const dynamic = "force-dynamic";

function skuHref(g: UnmatchedGroup): string | null {
  if (!g.providerId || !g.skuId) return null;
  const q = new URLSearchParams({ provider: g.providerId, sku: g.skuId });
  if (g.regionId) q.set("region", g.regionId);
  return `/settings/sku-mappings/new?${q.toString()}`;
}

// A contract rule prefilled with the group's provider and service (the SKU and region are left for the user to add).
function contractHref(g: UnmatchedGroup): string {
  const q = new URLSearchParams({ provider: g.providerId ?? "" });
  if (g.serviceName) q.set("service", g.serviceName);
  else if (g.skuId) q.set("sku", g.skuId);
  return `/costs/mappings/new?${q.toString()}`;
}

const LINK = "text-brand-700 underline dark:text-brand-300";

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
      render: (g) => formatCentsMoney(g.effectiveCost, g.currency),
      className: "whitespace-nowrap",
    },
    {
      key: "map",
      label: "Action",
      render: (g) => {
        const href = skuHref(g);
        if (!g.providerId) return <span className="text-xs text-slate-600 dark:text-slate-400">Provider not in Headroom</span>;
        const what = `${g.serviceName ?? g.skuId ?? "these charges"} of ${g.provider}`;
        return (
          <span className="flex flex-col gap-1 whitespace-nowrap">
            <Link href={contractHref(g)} className={LINK} aria-label={`Map to a contract: ${what}`}>
              Map to a contract
            </Link>
            {href ? (
              <Link
                href={href}
                className={LINK}
                aria-label={`Map this SKU: ${g.skuId} of ${g.provider}${g.regionId ? ` in ${g.regionId}` : ""}`}
              >
                Map this SKU
              </Link>
            ) : null}
          </span>
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
  const canMap = can(ctx.actor.role, "billing.map");
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/settings/sku-mappings" className={LINK}>
          SKU mappings
        </Link>{" "}
        ·{" "}
        <Link href="/costs/mappings" className={LINK}>
          Contract mappings
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Unmatched charges</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Imported charges tied to no contract, reservation or accelerator type, grouped by provider, service, SKU and region. Map them to a
        contract (by service, SKU, region, tag or sub-account) so they count in its consumed, or map a SKU to an accelerator type; matching
        charges are tied at once.
      </p>
      {canMap ? null : <MapPermissionHint role={ctx.actor.role} />}
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
              <dd className="text-lg font-semibold tabular-nums">{formatCentsMoney(c.effectiveCost, c.currency)}</dd>
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
