import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferForm } from "@/components/offers/offer-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { OFFER_PRICING_LABELS } from "@/lib/enums";
import { registerOptions, type Option } from "@/lib/queries/lists/options";
import { getOfferDetail } from "@/lib/queries/offers";
import { updateOfferAction } from "../../actions";

export const metadata: Metadata = { title: "Edit offer" };
export const dynamic = "force-dynamic";

// Archived catalog entries are not offered for new choices, but the record's current one stays selectable.
function withCurrent(options: Option[], value: string | null, label: string | null): Option[] {
  return value === null || options.some((o) => o.value === value) ? options : [...options, { value, label: label ?? value }];
}

export default async function EditOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "offers.write") || !isUuid(id)) notFound();
  const [o, options] = await Promise.all([getOfferDetail(ctx, id), registerOptions(ctx)]);
  if (!o) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">
        Edit offer: {o.providerName} · {o.typeName} · {OFFER_PRICING_LABELS[o.pricingModel]}
      </h1>
      <OfferForm
        action={updateOfferAction}
        edit={{ id, version: o.version }}
        options={{
          providers: withCurrent(options.providers, o.providerId, o.providerName),
          sites: withCurrent(options.sites, o.siteId, o.siteName),
          types: withCurrent(options.types, o.acceleratorTypeId, o.typeName),
        }}
        values={{
          providerId: o.providerId,
          siteId: o.siteId ?? "",
          region: o.region ?? "",
          acceleratorTypeId: o.acceleratorTypeId,
          pricingModel: o.pricingModel,
          termMonths: o.termMonths === null ? "" : String(o.termMonths),
          rate: o.rate,
          currency: o.currency,
          capexPerAccelerator: o.capexPerAccelerator ?? "",
          facilityCapexPerW: o.facilityCapexPerW ?? "",
          depreciationYears: o.depreciationYears ?? "",
          powerPerMwh: o.powerPerMwh ?? "",
          opexPerAh: o.opexPerAh ?? "",
          minQuantity: String(o.minQuantity),
          maxQuantity: o.maxQuantity === null ? "" : String(o.maxQuantity),
          step: String(o.step),
          leadTimeDays: String(o.leadTimeDays),
          validFrom: o.validFrom,
          validUntil: o.validUntil ?? "",
          source: o.source,
          note: o.note ?? "",
        }}
      />
    </div>
  );
}
