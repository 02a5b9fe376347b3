import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReservationForm } from "@/components/reservations/reservation-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { registerOptions } from "@/lib/queries/lists/options";
import { createReservationAction } from "../actions";

export const metadata: Metadata = { title: "New reservation" };
export const dynamic = "force-dynamic";

export default async function NewReservationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "reservations.write")) notFound();
  const options = await registerOptions(ctx);
  const { contract: contractParam } = await searchParams;
  const contract = options.contracts.find((c) => c.value === contractParam);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New reservation</h1>
      {contract ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Under contract {contract.label}, for its term unless you change it.
        </p>
      ) : null}
      <ReservationForm
        action={createReservationAction}
        options={options}
        values={{
          name: "",
          providerId: contract?.providerId ?? "",
          siteId: "",
          acceleratorTypeId: "",
          contractId: contract?.value ?? "",
          quantity: "",
          startAt: contract?.startDate ?? "",
          endAt: contract?.endDate ?? "",
          pricingModel: "reserved",
          rate: "",
          currency: contract?.currency ?? "USD",
          status: "planned",
          deliveryDate: "",
          capacityReservationId: "",
        }}
      />
    </div>
  );
}
