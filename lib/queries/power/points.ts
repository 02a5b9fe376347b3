import type { LinePoint, LineSeries } from "@/lib/format/chart-types";
import { seriesStyle } from "@/lib/format/colors";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import type { Period } from "@/lib/metrics/period";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import type { PowerSite } from "./";

/** One point per month, one line per site: the headroom (MW) at the month's tightest instant. */
export function headroomLines(months: readonly Period[], sites: readonly PowerSite[]): { data: LinePoint[]; series: LineSeries[] } {
  const series = sites.map((s, i) => ({ key: `s${i}`, name: s.siteName, ...seriesStyle(i) }));
  const data = months.map((m, j) => {
    const start = startOfUtcMonth(m.from);
    return {
      label: formatMonthShort(start),
      title: formatMonth(start),
      values: Object.fromEntries(sites.map((s, i) => [`s${i}`, s.monthly[j]?.headroomMw.toNumber() ?? null])),
    };
  });
  return { data, series };
}

/** "siteId:YYYY-MM" for the causes link of a month. */
export function causeParam(siteId: string, month: Period): string {
  return `${siteId}:${startOfUtcMonth(month.from).toISOString().slice(0, 7)}`;
}

/** The causes table lists the largest loads unless all are asked for: a big site has well over a hundred blocks in service. */
export const CAUSES_SHOWN = 25;

/** The first CAUSES_SHOWN of the blocks (they come largest facility load first), or all of them when `all`. */
export function shownCauses<T>(blocks: readonly T[], all: boolean): readonly T[] {
  return all || blocks.length <= CAUSES_SHOWN ? blocks : blocks.slice(0, CAUSES_SHOWN);
}
