import { csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { num } from "@/lib/csv/write";
import { isoDay } from "@/lib/metrics/calendar";
import { acceleratorRows, parseAcceleratorListParams } from "@/lib/queries/settings/accelerator-types";

export const dynamic = "force-dynamic";

const HEADER = [
  "name",
  "vendor",
  "family",
  "memory_gb",
  "bf16_tflops",
  "fp8_tflops",
  "tdp_w",
  "system_w",
  "h100_equivalent",
  "nameplate_h100_equivalent",
  "reservations",
  "archived_at",
  "id",
];

/** The accelerator catalog as CSV: exactly the rows the list shows with these filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseAcceleratorListParams(new URL(request.url).searchParams);
  const rows = inBatches((offset, limit) => acceleratorRows(caller.ctx, params, offset, limit));
  return csvResponse(
    `accelerator-types-${isoDay(new Date())}.csv`,
    HEADER,
    mapRows(rows, (t) => [
      t.name,
      t.vendor,
      t.family,
      num(t.memoryGb),
      num(t.bf16Tflops),
      num(t.fp8Tflops),
      t.tdpW,
      t.systemW,
      num(t.h100Equivalent),
      num(t.nameplateH100e),
      t.reservationCount,
      t.archivedAt,
      t.id,
    ]),
    caller,
  );
}
