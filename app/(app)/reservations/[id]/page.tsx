import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { AllocationSection } from "@/components/reservations/allocation-section";
import { UsageSection } from "@/components/reservations/usage-section";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDay } from "@/lib/format/date";
import { isoDay } from "@/lib/metrics/calendar";
import { formatMoneyExact, formatRate } from "@/lib/format/number";
import { entityHistory } from "@/lib/queries/lists/history";
import { blockMarket, loadListRates } from "@/lib/queries/offers/market";
import { getBlockAllocations } from "@/lib/queries/reservations/allocations";
import { getReservationDetail } from "@/lib/queries/reservations/detail";
import { blockKind, isLate } from "@/lib/queries/reservations/timeline";
import { setReservationArchivedAction } from "../actions";
import { createAllocationAction, removeAllocationAction, updateAllocationAction } from "./actions";

export const metadata: Metadata = { title: "Reservation" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const asOf = new Date();
  const [r, history, list, allocation] = await Promise.all([
    getReservationDetail(ctx, id),
    entityHistory(ctx, "reservation", id),
    loadListRates(ctx, asOf),
    getBlockAllocations(ctx, id, asOf),
  ]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const market = blockMarket(list, r);
  const kind = blockKind(r, asOf);
  const late = isLate(r, asOf);
  const canWrite = can(ctx.actor.role, "reservations.write");
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/reservations" className="text-brand-700 underline dark:text-brand-300">
          Reservations
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{r.name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            {r.quantity.toLocaleString("en-US")} × {r.typeName} at {r.siteName} ({r.providerName})
            <StatusBadge status={r.archivedAt ? "archived" : r.status} />
            {kind === "expiring" ? <StatusBadge status="expiring within 90 days" /> : null}
            {late ? <StatusBadge status="late delivery" /> : null}
          </p>
        </div>
        {canWrite ? (
          <div className="flex items-start gap-2">
            {!r.archivedAt ? (
              <Link
                href={`/reservations/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton
              id={id}
              version={r.version}
              archived={r.archivedAt !== null}
              what="reservation"
              action={setReservationArchivedAction}
            />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Term", `${formatDay(r.startAt)} → ${formatDay(r.endAt)}`],
          [
            "Delivery",
            r.deliveryDate ? `${formatDay(r.deliveryDate)}${late ? " (late)" : ""}` : late ? "Not delivered (late)" : "On start",
          ],
          ["Rate per accelerator-hour", `${formatRate(r.rate, r.currency)} · ${r.pricingModel.replace("_", "-")}`],
          [
            "Against the market",
            market ? (
              <Link
                href={`/offers?source=list&family=${encodeURIComponent(r.family)}`}
                className="text-brand-700 underline dark:text-brand-300"
              >
                {`lowest ${formatRate(market.lowest.toFixed(), r.currency)}, median ${formatRate(market.median.toFixed(), r.currency)} · percentile ${market.percentile.toFixed(0)} of ${market.count} list prices · ${formatMoneyExact(market.abovePerYear.abs().toFixed(2), r.currency)} a year ${market.abovePerYear.isNegative() ? "below" : "above"} the median`}
              </Link>
            ) : (
              "No list price of this type"
            ),
          ],
          ["Family", r.family],
          [
            "Contract",
            r.contract ? (
              <Link href={`/contracts/${r.contract.id}`} className="text-brand-700 underline dark:text-brand-300">
                {r.contract.name}
              </Link>
            ) : (
              "None"
            ),
          ],
          ["Capacity reservation id", r.capacityReservationId ?? "—"],
          ["Last changed", `${formatDay(r.updatedAt)}${r.updatedBy ? ` by ${r.updatedBy}` : ""} (version ${r.version})`],
        ]}
      />
      <UsageSection usage={r.usage} currency={r.currency} pricingModel={r.pricingModel} />
      <AllocationSection
        reservationId={id}
        quantity={r.quantity}
        term={{
          start: isoDay(r.startAt),
          end: isoDay(r.endAt),
          capacityAh: allocation.term.capacityAh.toFixed(0),
          allocatedAh: allocation.term.allocatedAh.toFixed(0),
          freeAh: allocation.term.freeAh.toFixed(0),
        }}
        now={{ ...allocation.now, inTerm: asOf >= r.startAt && asOf < r.endAt }}
        rows={allocation.rows.map((a) => ({
          id: a.id,
          version: a.version,
          workloadId: a.workloadId,
          workloadName: a.workloadName,
          teamName: a.teamName,
          quantity: a.quantity,
          start: isoDay(a.startAt),
          end: a.endAt ? isoDay(a.endAt) : null,
          allocatedAh: a.allocatedAh.toFixed(0),
          notes: a.notes,
        }))}
        workloads={allocation.workloadOptions.map((w) => ({ id: w.id, label: `${w.name} (${w.teamName})` }))}
        canWrite={can(ctx.actor.role, "allocation.write") && !r.archivedAt}
        create={createAllocationAction}
        update={updateAllocationAction}
        remove={removeAllocationAction}
      />
      <EntityHistory entries={history} />
    </div>
  );
}
