import { inBatches, csvResponse, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { parseReservationListParams, reservationRows } from "@/lib/queries/reservations";

export const dynamic = "force-dynamic";

const HEADER = [
  "name",
  "provider",
  "site",
  "accelerator_type",
  "family",
  "contract",
  "contract_reference",
  "quantity",
  "start_at",
  "end_at",
  "pricing_model",
  "rate",
  "currency",
  "status",
  "delivery_date",
  "capacity_reservation_id",
  "archived_at",
  "id",
];

/** The reservation schedule as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseReservationListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => reservationRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `reservations-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (r) => [
      r.name,
      r.providerName,
      r.siteName,
      r.typeName,
      r.family,
      r.contractName,
      r.contractReference,
      r.quantity,
      r.startAt,
      r.endAt,
      r.pricingModel,
      num(r.rate),
      r.currency,
      r.status,
      r.deliveryDate,
      r.capacityReservationId,
      r.archivedAt,
      r.id,
    ]),
    caller,
  );
}
