import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { OFFER_PRICING_LABELS } from "@/lib/enums";
import { formatDay } from "@/lib/format/date";
import { formatDecimal, formatMoneyDecimal, formatRate } from "@/lib/format/number";
import { offerPlace, offerQuantities } from "@/lib/format/offers";
import { entityHistory } from "@/lib/queries/lists/history";
import { getOfferDetail } from "@/lib/queries/offers";
import { setOfferArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Offer" };
export const dynamic = "force-dynamic";

export default async function OfferPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [o, history] = await Promise.all([getOfferDetail(ctx, id), entityHistory(ctx, "offer", id)]);
  if (!o) notFound();
  const canWrite = can(ctx.actor.role, "offers.write");
  const owned = o.pricingModel === "owned";
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/offers" className="text-brand-700 underline dark:text-brand-300">
          Offers
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            {o.providerName} · {o.typeName} · {OFFER_PRICING_LABELS[o.pricingModel]}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            {offerPlace(o)} · {formatRate(o.rate, o.currency)} per accelerator-hour
            <StatusBadge status={o.archivedAt ? "archived" : o.source} />
          </p>
        </div>
        {canWrite ? (
          <div className="flex items-start gap-2">
            {!o.archivedAt ? (
              <Link
                href={`/offers/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton id={id} version={o.version} archived={o.archivedAt !== null} what="offer" action={setOfferArchivedAction} />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Rate per accelerator-hour", `${formatRate(o.rate, o.currency)}${owned ? " (computed from the build inputs)" : ""}`],
          ["Term", o.termMonths ? `${o.termMonths} months` : "None (pay as you go)"],
          ["Quantity", offerQuantities(o)],
          ["Lead time", `${o.leadTimeDays.toLocaleString("en-US")} days in the queue`],
          ["Valid", `${formatDay(o.validFrom)} → ${o.validUntil ? formatDay(o.validUntil) : "until withdrawn"}`],
          ["Family", o.family],
          [
            "Site or region",
            o.siteId ? (
              <Link href={`/sites/${o.siteId}`} className="text-brand-700 underline dark:text-brand-300">
                {o.siteName}
              </Link>
            ) : (
              offerPlace(o)
            ),
          ],
          ["Note", o.note ?? "—"],
          ["Last changed", `${formatDay(o.updatedAt)}${o.updatedBy ? ` by ${o.updatedBy}` : ""} (version ${o.version})`],
        ]}
      />
      {owned ? (
        <section aria-labelledby="build-heading" className="mt-8">
          <h2 id="build-heading" className="text-lg font-semibold">
            Build inputs
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            Rate = (capex + facility $/W × system W) ÷ (years × 8,760) + system W × PUE × $/MWh ÷ 10⁶ + opex: the lease-vs-build cost of an
            owned accelerator-hour at full use, with the type&apos;s system W and the site&apos;s PUE (recomputed when either changes).
          </p>
          <DetailList
            items={[
              ["Capex per accelerator", formatMoneyDecimal(o.capexPerAccelerator, o.currency)],
              ["Facility capex per W", formatRate(o.facilityCapexPerW, o.currency)],
              ["Depreciation", `${formatDecimal(o.depreciationYears, 1)} years`],
              ["Power price per MWh", formatMoneyDecimal(o.powerPerMwh, o.currency)],
              ["Opex per accelerator-hour", formatRate(o.opexPerAh, o.currency)],
              ["System W (type) · PUE (site, now)", `${o.systemW.toLocaleString("en-US")} W · ${o.sitePue ?? "—"}`],
            ]}
          />
        </section>
      ) : null}
      <EntityHistory entries={history} />
    </div>
  );
}
