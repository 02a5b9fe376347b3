import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { parseLeaseParams, resolveLease } from "@/lib/queries/lease-vs-build/params";
import { leaseResult } from "@/lib/queries/lease-vs-build/result";
import { isoDay } from "@/lib/metrics/calendar";
import { getLeaseCatalog } from "@/lib/queries/lease-vs-build";

export const dynamic = "force-dynamic";

/** The calculator's table as CSV: cost per useful AH of building and leasing at each utilization, for the inputs in the URL. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const resolved = resolveLease(parseLeaseParams(new URL(request.url).searchParams), await getLeaseCatalog(caller.ctx));
  const result = leaseResult(resolved);
  if (!result) return new Response(Object.values(resolved.errors).join(" "), { status: 400 });
  const assumptions = [resolved.type?.name ?? "", resolved.site?.name ?? "", resolved.billing, { number: resolved.values.rate }] as const;
  return csvResponse(
    `lease-vs-build-${isoDay(new Date())}.csv`,
    [
      "utilization",
      "build_usd_per_useful_ah",
      "lease_usd_per_useful_ah",
      "cheaper",
      "accelerator_type",
      "site",
      "lease_billing",
      "leased_rate",
    ],
    result.curve.map((p) => [
      { number: p.utilization.toFixed(2) },
      { number: p.owned.toFixed(6) },
      { number: p.leased.toFixed(6) },
      p.owned.lessThan(p.leased) ? "build" : p.owned.greaterThan(p.leased) ? "lease" : "same",
      ...assumptions,
    ]),
    caller,
  );
}
