import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { parseNoticeDays } from "@/lib/queries/reservations/notice";
import { RESERVATION_SCHEDULE_HEADER, reservationScheduleRows } from "@/lib/queries/reservations/schedule-csv";
import { ValidationError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";
import { parseReservationListParams } from "@/lib/queries/reservations";

export const dynamic = "force-dynamic";

/** The reservation schedule for procurement (monthly cost, notice date), the list's filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const search = new URL(request.url).searchParams;
  let notice: number;
  try {
    notice = parseNoticeDays(search);
  } catch (error) {
    if (error instanceof ValidationError) return new Response(error.message, { status: 400 });
    throw error;
  }
  const params = parseReservationListParams(search);
  return csvResponse(
    `reservation-schedule-${isoDay(new Date())}.csv`,
    RESERVATION_SCHEDULE_HEADER,
    reservationScheduleRows(caller.ctx, params, notice),
    caller,
  );
}
