import { inBatches, csvResponse, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { money, num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { contractRows, parseContractListParams } from "@/lib/queries/contracts";

export const dynamic = "force-dynamic";

const HEADER = [
  "name",
  "reference",
  "provider",
  "start_date",
  "end_date",
  "committed_amount",
  "currency",
  "discount_pct",
  "payment_terms",
  "status",
  "reservations",
  "archived_at",
  "id",
];

/** The contract register as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseContractListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => contractRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `contracts-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (c) => [
      c.name,
      c.reference,
      c.providerName,
      c.startDate,
      c.endDate,
      money(c.committedAmount),
      c.currency,
      num(c.discountPct),
      c.paymentTerms,
      c.status,
      c.reservationCount,
      c.archivedAt,
      c.id,
    ]),
    caller,
  );
}
