import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { CONTRACT_REGISTER_HEADER, contractRegisterRows } from "@/lib/queries/contracts/register-csv";
import { isoDay } from "@/lib/metrics/calendar";
import { parseContractListParams } from "@/lib/queries/contracts";

export const dynamic = "force-dynamic";

/** The contract register for procurement (FOCUS 1.3 Contract Commitment columns plus burn-down), the list's filters, streamed. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = parseContractListParams(new URL(request.url).searchParams);
  const asOf = new Date();
  return csvResponse(
    `contract-register-${isoDay(asOf)}.csv`,
    CONTRACT_REGISTER_HEADER,
    contractRegisterRows(caller.ctx, params, asOf),
    caller,
  );
}
