import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { isoDay, startOfUtcMonth } from "@/lib/metrics/calendar";
import { parsePlanningFilters } from "@/lib/filters/params";
import { getPowerPage } from "@/lib/queries/power";

export const dynamic = "force-dynamic";

const month = (d: Date) => isoDay(startOfUtcMonth(d)).slice(0, 7);

async function* rows<T>(items: T[]) {
  yield* items;
}

/** What /power shows, as CSV: every site × month (default), or with table=causes the blocks drawing power in one site-month. */
export async function GET(request: Request) {
  const caller = await exportCtx();
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const filters = parsePlanningFilters(params, { defaults: { range: "24m" } });
  const page = await getPowerPage(caller.ctx, filters, params.get("cause"));
  if (params.get("table") === "causes") {
    const c = page.causes;
    return csvResponse(
      `power-causes-${isoDay(new Date())}.csv`,
      ["site", "month", "reservation_id", "reservation", "provider", "accelerator_type", "accelerators", "system_w", "start_at", "end_at", "it_mw", "facility_mw", "scenario_only"],
      rows(
        (c?.blocks ?? []).map((b) => [
          c!.siteName,
          month(c!.point.month.from),
          b.added ? "" : b.id,
          b.name,
          b.providerName,
          b.typeName,
          b.quantity,
          b.systemW,
          b.startAt,
          b.endAt,
          { number: b.itMw.toFixed() },
          { number: b.facilityMw.toFixed() },
          b.added ? "yes" : "no",
        ]),
      ),
    );
  }
  return csvResponse(
    `power-${isoDay(new Date())}.csv`,
    ["site", "provider", "month", "tightest_at", "pue", "budget_mw", "it_mw", "facility_mw", "headroom_mw", "over_budget"],
    rows(
      page.sites.flatMap((s) =>
        s.monthly.map((p) => [
          s.siteName,
          s.providerName,
          month(p.month.from),
          p.at,
          { number: s.pue.toFixed() },
          { number: p.budgetMw.toFixed() },
          { number: p.itMw.toFixed() },
          { number: p.facilityMw.toFixed() },
          { number: p.headroomMw.toFixed() },
          p.overBudget ? "yes" : "no",
        ]),
      ),
    ),
  );
}
