import Link from "next/link";
import { formatDay, formatMonthShort } from "@/lib/format/date";
import { addUtcMonths } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import type { BlockKind, TimelineGroup, TimelineLane } from "@/lib/queries/reservations/timeline";
import { cn } from "@/lib/utils";
import { TimelineChart, type TimelineChartBar, type TimelineChartTick } from "./timeline-chart";
import { KIND_LABEL, KIND_STYLE } from "./timeline-kinds";

/** A position on the axis to a thousandth of a percent (well under a pixel), not 17 digits. */
const round = (pct: number) => Math.round(pct * 1000) / 1000;

export type TimelinePaging = {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  previousHref: string | null;
  nextHref: string | null;
};

function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend">
      {(Object.keys(KIND_STYLE) as BlockKind[]).map((k) => (
        <li key={k} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("inline-block h-3 w-6 rounded-sm", KIND_STYLE[k])} />
          {KIND_LABEL[k]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-6 rounded-sm bg-emerald-600 ring-2 ring-red-600 ring-offset-1" />
        Late delivery
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-0.5 bg-red-600" />
        Today
      </li>
    </ul>
  );
}

/** Capacity blocks over time in swim lanes; the same blocks are listed in the table below it. */
export function ReservationTimeline({
  lanes,
  window,
  asOf,
  group,
  paging,
  groupHref,
}: {
  lanes: TimelineLane[];
  window: Period;
  asOf: Date;
  group: TimelineGroup;
  /** Which page of the window's blocks (earliest start first) is drawn, and links to the pages either side. */
  paging: TimelinePaging;
  /** The current page's URL with the timeline grouped another way. */
  groupHref: Record<TimelineGroup, string>;
}) {
  const span = window.to.getTime() - window.from.getTime();
  const at = (d: Date) => ((d.getTime() - window.from.getTime()) / span) * 100;
  const ticks: Date[] = [];
  for (let m = window.from; m < window.to; m = addUtcMonths(m, 3)) ticks.push(m);
  const now = at(asOf);
  const count = lanes.reduce((n, l) => n + l.bars.length, 0);
  const first = (paging.page - 1) * paging.pageSize + 1;
  return (
    <section aria-labelledby="timeline-heading" className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <nav aria-label="Group the timeline by" className="flex gap-1 text-sm">
          {(["provider", "site", "family"] as const).map((g) => (
            <Link
              key={g}
              href={groupHref[g]}
              aria-current={g === group ? "true" : undefined}
              className={cn(
                "rounded-md px-2 py-1",
                g === group ? "bg-brand-50 font-medium text-brand-700 dark:bg-slate-800 dark:text-white" : "underline",
              )}
            >
              by {g}
            </Link>
          ))}
        </nav>
      </div>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
        <p>
          {formatDay(window.from)} to {formatDay(window.to)} ·{" "}
          {paging.pageCount > 1
            ? `showing blocks ${first.toLocaleString("en-US")}–${(first + count - 1).toLocaleString("en-US")} of ${paging.total.toLocaleString("en-US")} by start (page ${paging.page} of ${paging.pageCount})`
            : `${count.toLocaleString("en-US")} blocks`}
        </p>
        {paging.pageCount > 1 ? (
          <nav aria-label="Timeline pages" className="flex gap-3">
            {paging.previousHref ? (
              <Link href={paging.previousHref} className="text-brand-700 underline dark:text-brand-300">
                ← Earlier {paging.pageSize} blocks
              </Link>
            ) : null}
            {paging.nextHref ? (
              <Link href={paging.nextHref} className="text-brand-700 underline dark:text-brand-300">
                Later {Math.min(paging.pageSize, paging.total - (first + count - 1)).toLocaleString("en-US")} blocks →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
      <div className="mt-3">
        <Legend />
      </div>
      <TimelineChart
        lanes={lanes.map((lane) => ({
          key: lane.key,
          label: lane.label,
          rows: lane.lanes,
          bars: lane.bars.map(({ block: b, kind, late, lane: row, left, width }): TimelineChartBar => [
            b.id,
            b.name,
            b.quantity,
            b.family,
            formatDay(b.startAt),
            formatDay(b.endAt),
            kind,
            late,
            late && b.deliveryDate ? formatDay(b.deliveryDate) : null,
            row,
            round(left),
            round(width),
          ]),
        }))}
        ticks={ticks.map((t): TimelineChartTick => [t.toISOString(), round(at(t)), formatMonthShort(t)])}
        now={now >= 0 && now <= 100 ? round(now) : null}
        group={group}
        count={count}
      />
    </section>
  );
}
