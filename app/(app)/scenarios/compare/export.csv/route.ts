import { exportCtx } from "@/lib/csv/export-ctx";
import { csvResponse } from "@/lib/csv/response";
import { money, num } from "@/lib/csv/write";
import { NotFoundError } from "@/lib/errors";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { isoDay } from "@/lib/metrics/calendar";
import { COMPARE_CSV_HEADER, compareCsvRows } from "@/lib/planning/compare";
import { COMPARE_DEFAULTS, getScenarioComparison, parseSideParam } from "@/lib/queries/scenarios/compare";

export const dynamic = "force-dynamic";

/** The scenario comparison as CSV: the same rows the page shows (runway per family, spend per month, headroom per site). */
export async function GET(request: Request) {
  const caller = await exportCtx(request);
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const filters = parsePlanningFilters(params, { defaults: COMPARE_DEFAULTS });
  const a = parseSideParam(params.get("a") ?? undefined);
  const b = parseSideParam(params.get("b") ?? undefined);
  if (a === undefined || b === undefined) return new Response("a and b must be baseline or a scenario id.", { status: 400 });
  let rows: ReturnType<typeof compareCsvRows>;
  try {
    rows = compareCsvRows((await getScenarioComparison(caller.ctx, { a, b, filters })).rows);
  } catch (e) {
    if (e instanceof NotFoundError) return new Response(e.message, { status: 404 });
    throw e;
  }
  function* lines() {
    for (const r of rows) {
      // Spend is money (to the cent); runway months are text; MW and month shifts are exact.
      const cell = r.section === "runway" ? (v: string | null) => v : r.section === "spend_usd" ? money : num;
      yield [r.section, r.item, r.month, cell(r.a), cell(r.b), r.section === "spend_usd" ? money(r.delta) : num(r.delta), r.note] as const;
    }
  }
  return csvResponse(`scenario-compare-${isoDay(new Date())}.csv`, COMPARE_CSV_HEADER, lines(), caller);
}
