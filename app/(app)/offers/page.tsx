import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ListFilters, ListView, type Column, type FilterSelect } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { OFFER_PRICING_LABELS, OFFER_SOURCES } from "@/lib/enums";
import { formatDay } from "@/lib/format/date";
import { formatRate } from "@/lib/format/number";
import { offerPlace, offerQuantities } from "@/lib/format/offers";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import { registerOptions } from "@/lib/queries/lists/options";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { offerListPage, parseOfferListParams, type OfferListRow } from "@/lib/queries/offers";

export const metadata: Metadata = { title: "Offers" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<OfferListRow>[] = [
  { key: "provider", label: "Provider", sort: "provider", render: (r) => r.providerName, className: "whitespace-nowrap" },
  { key: "where", label: "Site or region", sort: "where", render: (r) => offerPlace(r) },
  { key: "type", label: "Type", sort: "type", render: (r) => <span title={r.typeName}>{r.family}</span>, className: "whitespace-nowrap" },
  { key: "model", label: "Model", sort: "model", render: (r) => OFFER_PRICING_LABELS[r.pricingModel], className: "whitespace-nowrap" },
  { key: "term", label: "Term", sort: "term", align: "right", render: (r) => (r.termMonths ? `${r.termMonths} mo` : "—") },
  {
    key: "rate",
    label: "Rate / AH",
    sort: "rate",
    align: "right",
    render: (r) => formatRate(r.rate, r.currency),
    className: "whitespace-nowrap",
  },
  { key: "quantity", label: "Quantity", render: (r) => offerQuantities(r), className: "whitespace-nowrap" },
  { key: "lead", label: "Lead time", sort: "lead", align: "right", render: (r) => `${r.leadTimeDays} d` },
  {
    key: "valid",
    label: "Valid until",
    sort: "valid",
    render: (r) => (r.validUntil ? formatDay(r.validUntil) : "—"),
    className: "whitespace-nowrap",
  },
  { key: "source", label: "Source", sort: "source", render: (r) => <StatusBadge status={r.archivedAt ? "archived" : r.source} /> },
];

export default async function OffersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseOfferListParams(await searchParams);
  const [result, options] = await Promise.all([offerListPage(ctx, params), registerOptions(ctx)]);
  const filterSelects: FilterSelect[] = [
    { name: "provider", label: "Provider", options: options.providers },
    { name: "site", label: "Site", options: options.sites },
    { name: "family", label: "Family", options: options.families },
    { name: "model", label: "Pricing model", options: Object.entries(OFFER_PRICING_LABELS).map(([value, label]) => ({ value, label })) },
    { name: "source", label: "Source", options: OFFER_SOURCES.map((s) => ({ value: s, label: s })) },
    { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
  ];
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Offers</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        What can be bought: quotes, list prices and renewals from each provider, at a site of ours or in a cloud region, and the build
        option at our own sites (its rate follows from the lease-vs-build definitions). The planner chooses among the current ones.
      </p>
      <div className="mt-4">
        <ListFilters title="Offers" params={params} searchLabel="Region or note" filterSelects={filterSelects} />
      </div>
      <div className="mt-4">
        <ListView
          title="Offers"
          params={params}
          result={result}
          columns={COLUMNS}
          rowHref={(r) => `/offers/${r.id}`}
          searchLabel="Region or note"
          exportHref={can(ctx.actor.role, "export.csv") ? "/offers/export.csv" : undefined}
          separateFilters
          actions={
            can(ctx.actor.role, "offers.write") ? (
              <Link
                href="/offers/new"
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Plus aria-hidden className="size-4" /> New offer
              </Link>
            ) : null
          }
        />
      </div>
    </div>
  );
}
