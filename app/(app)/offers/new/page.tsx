import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OfferForm } from "@/components/offers/offer-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isoDay } from "@/lib/metrics/calendar";
import { registerOptions } from "@/lib/queries/lists/options";
import { createOfferAction } from "../actions";

export const metadata: Metadata = { title: "New offer" };
export const dynamic = "force-dynamic";

export default async function NewOfferPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "offers.write")) notFound();
  const options = await registerOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New offer</h1>
      <OfferForm
        action={createOfferAction}
        options={options}
        values={{
          providerId: "",
          siteId: "",
          region: "",
          acceleratorTypeId: "",
          pricingModel: "reserved",
          termMonths: "",
          rate: "",
          currency: "USD",
          capexPerAccelerator: "",
          facilityCapexPerW: "",
          depreciationYears: "",
          powerPerMwh: "",
          opexPerAh: "",
          minQuantity: "8",
          maxQuantity: "",
          step: "8",
          leadTimeDays: "0",
          validFrom: isoDay(new Date()),
          validUntil: "",
          source: "quote",
          note: "",
        }}
      />
    </div>
  );
}
