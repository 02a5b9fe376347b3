import { csvResponse } from "@/lib/csv/response";
import { exportCtx } from "@/lib/csv/export-ctx";
import { parsePlanningFilters } from "@/lib/filters/params";
import { isoDay } from "@/lib/metrics/calendar";
import { DIMENSIONS } from "@/lib/metrics/concentration";
import { getConcentration } from "@/lib/queries/concentration";

export const dynamic = "force-dynamic";

async function* rows<T>(items: T[]) {
  yield* items;
}

const month = (p: { from: Date } | null) => (p ? isoDay(p.from).slice(0, 7) : "");

/** What /concentration shows, as CSV: the shares with HHI per dimension (default), or with table=loss the loss-of-one table. */
export async function GET(request: Request) {
  const caller = await exportCtx();
  if ("refused" in caller) return caller.refused;
  const params = new URL(request.url).searchParams;
  const page = await getConcentration(caller.ctx, parsePlanningFilters(params));
  if (params.get("table") === "loss") {
    return csvResponse(
      `concentration-loss-of-one-${isoDay(page.at)}.csv`,
      ["dimension", "member", "h100e_lost", "h100e_left", "share_left", "runway_with_all", "runway_left", "horizon_end"],
      rows(
        page.loss.rows.map((r) => [
          r.dimension,
          r.label,
          { number: r.lost.toFixed() },
          { number: r.capacityLeft.toFixed() },
          { number: r.shareLeft.toFixed(6) },
          month(page.loss.runway),
          month(r.runwayLeft),
          month(page.months[page.months.length - 1] ?? null),
        ]),
      ),
    );
  }
  return csvResponse(
    `concentration-shares-${isoDay(page.at)}.csv`,
    ["as_of", "dimension", "member", "h100e", "share", "dimension_hhi", "hhi_reading"],
    rows(
      DIMENSIONS.flatMap((d) =>
        page.shares[d].map((s) => [
          page.at,
          d,
          s.label,
          { number: s.h100e.toFixed() },
          { number: s.share.toFixed(6) },
          { number: page.hhi[d].value.toFixed(2) },
          page.hhi[d].reading,
        ]),
      ),
    ),
  );
}
