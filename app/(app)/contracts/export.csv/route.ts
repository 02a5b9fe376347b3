import { inBatches, csvResponse, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { money, num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { burndownInCents, type Burndown } from "@/lib/metrics/burndown";
import { computedStatus } from "@/lib/metrics/burndown-status";
import { contractListRows, parseContractListParams } from "@/lib/queries/contracts";

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
  "computed_status",
  "consumed",
  "consumed_share",
  "projected_at_end",
  "shortfall",
  "overrun",
  "reservations",
  "archived_at",
  "id",
];

/** Consumed, its share of the commitment (ratio, 6 places), projected at end (the final consumed once ended), shortfall, overrun: to the cent. */
function burndownColumns(b: Burndown) {
  const c = burndownInCents(b);
  return [
    money(c.consumed),
    b.committed.isZero() ? null : num(b.consumed.div(b.committed).toFixed(6)),
    money(c.projected),
    money(c.shortfall),
    money(c.overrun),
  ];
}

/** The contract register as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseContractListParams(new URL(request.url).searchParams);
  const asOf = new Date();
  const rows = inBatches((offset, limit) => contractListRows(caller.ctx, params, offset, limit, asOf));
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
      computedStatus(c.burndown).kind,
      ...burndownColumns(c.burndown),
      c.reservationCount,
      c.archivedAt,
      c.id,
    ]),
    caller,
  );
}
