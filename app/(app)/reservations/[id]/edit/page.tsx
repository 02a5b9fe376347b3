import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReservationForm } from "@/components/reservations/reservation-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";
import { getReservationDetail } from "@/lib/queries/reservations/detail";
import { registerOptions, type Option } from "@/lib/queries/lists/options";
import { updateReservationAction } from "../../actions";

export const metadata: Metadata = { title: "Edit reservation" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Archived catalog entries are not offered for new choices, but the record's current one stays selectable.
function withCurrent(options: Option[], value: string | null, label: string): Option[] {
  return value === null || options.some((o) => o.value === value) ? options : [...options, { value, label }];
}

export default async function EditReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "reservations.write") || !UUID.test(id)) notFound();
  const [r, options] = await Promise.all([getReservationDetail(ctx, id), registerOptions(ctx)]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {r.name}</h1>
      <ReservationForm
        action={updateReservationAction}
        edit={{ id, version: r.version }}
        options={{
          providers: withCurrent(options.providers, r.providerId, r.providerName),
          sites: withCurrent(options.sites, r.siteId, r.siteName),
          types: withCurrent(options.types, r.acceleratorTypeId, r.typeName),
          contracts: withCurrent(options.contracts, r.contractId, r.contract?.name ?? ""),
        }}
        values={{
          name: r.name,
          providerId: r.providerId,
          siteId: r.siteId,
          acceleratorTypeId: r.acceleratorTypeId,
          contractId: r.contractId ?? "",
          quantity: String(r.quantity),
          startAt: isoDay(r.startAt),
          endAt: isoDay(r.endAt),
          pricingModel: r.pricingModel,
          rate: r.rate,
          currency: r.currency,
          status: r.status,
          deliveryDate: r.deliveryDate ?? "",
          capacityReservationId: r.capacityReservationId ?? "",
        }}
      />
    </div>
  );
}
