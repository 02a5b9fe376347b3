import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { AppError } from "@/lib/errors";
import { isoDay } from "@/lib/metrics/calendar";
import { planInputFromParams, planParamsProblem } from "@/lib/queries/plan/params";
import { runPlan } from "@/lib/queries/plan/run";
import { procurementRequestCsv } from "@/lib/queries/plan/request-csv";

export const dynamic = "force-dynamic";

/** The procurement request of /plan's inputs (the same URL parameters): one row per block, solved as the page solves it. */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const problem = planParamsProblem(params);
  if (problem) return Response.json({ error: problem }, { status: 400 });
  try {
    const run = await runPlan({ ctx: caller.ctx, input: planInputFromParams(params) });
    const { header, rows } = procurementRequestCsv(run);
    return csvResponse(`procurement-request-${isoDay(new Date(run.asOf))}.csv`, header, rows, caller);
  } catch (e) {
    if (e instanceof AppError) return Response.json({ error: e.message }, { status: e.status });
    throw e;
  }
}
