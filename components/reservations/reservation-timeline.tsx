import Link from "next/link";
import { formatDay, formatMonthShort } from "@/lib/format/date";
import { addUtcMonths } from "@/lib/metrics/calendar";
import type { Period } from "@/lib/metrics/period";
import type { BlockKind, TimelineGroup, TimelineLane } from "@/lib/reservations/timeline";
import { cn } from "@/lib/utils";

const KIND_STYLE: Record<BlockKind, string> = {
  planned: "border border-dashed border-sky-600 bg-sky-100 dark:bg-sky-900/60",
  active: "bg-emerald-600",
  expiring: "bg-amber-500",
  expired: "bg-slate-300 dark:bg-slate-600",
};

const KIND_LABEL: Record<BlockKind, string> = {
  planned: "Planned",
  active: "Active",
  expiring: "Expiring within 90 days",
  expired: "Expired",
};

export type TimelinePaging = { page: number; pageCount: number; pageSize: number; total: number; previousHref: string | null; nextHref: string | null };

const LANE_PX = 14;
const GAP_PX = 4;

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
              className={cn("rounded-md px-2 py-1", g === group ? "bg-brand-50 font-medium text-brand-700 dark:bg-slate-800 dark:text-white" : "underline")}
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
      <figure
        role="img"
        aria-label={`Timeline of ${count} capacity blocks grouped by ${group}; the table below lists them.`}
        className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="min-w-[720px]">
          <div className="relative ml-40 h-5 text-xs text-slate-500 dark:text-slate-400">
            {ticks.map((t) => (
              <span key={t.toISOString()} className="absolute -translate-x-1/2" style={{ left: `${at(t)}%` }}>
                {formatMonthShort(t)}
              </span>
            ))}
          </div>
          {lanes.length === 0 ? <p className="py-6 text-center text-sm text-slate-600">No blocks in this window.</p> : null}
          {lanes.map((lane) => (
            <div key={lane.key} className="flex border-t border-slate-100 py-1.5 dark:border-slate-800">
              <div className="w-40 shrink-0 truncate pr-2 text-sm font-medium" title={lane.label}>
                {lane.label}
              </div>
              <div className="relative flex-1" style={{ height: lane.lanes * (LANE_PX + GAP_PX) }}>
                {ticks.map((t) => (
                  <span key={t.toISOString()} aria-hidden className="absolute inset-y-0 w-px bg-slate-100 dark:bg-slate-800" style={{ left: `${at(t)}%` }} />
                ))}
                {now >= 0 && now <= 100 ? <span aria-hidden className="absolute inset-y-0 z-10 w-0.5 bg-red-600" style={{ left: `${now}%` }} /> : null}
                {lane.bars.map((bar) => (
                  <span
                    key={bar.block.id}
                    data-kind={bar.kind}
                    data-late={bar.late || undefined}
                    title={`${bar.block.name}: ${bar.block.quantity} × ${bar.block.family}, ${formatDay(bar.block.startAt)} → ${formatDay(bar.block.endAt)} (${KIND_LABEL[bar.kind]}${bar.late ? ", late delivery" : ""})`}
                    className={`absolute rounded-sm ${KIND_STYLE[bar.kind]}${bar.late ? " ring-2 ring-red-600" : ""}`}
                    style={{ left: `${bar.left}%`, width: `max(calc(${bar.width}% - 2px), 2px)`, top: bar.lane * (LANE_PX + GAP_PX), height: LANE_PX }}
                  />
                ))}
              </div>
            </div>
          ))}
        </div>
      </figure>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">View the timeline as a table</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Capacity blocks in the timeline, grouped by {group}</caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 capitalize">{group}</th>
                <th scope="col" className="py-1 pr-3">Block</th>
                <th scope="col" className="py-1 pr-3 text-right">Quantity</th>
                <th scope="col" className="py-1 pr-3">Start</th>
                <th scope="col" className="py-1 pr-3">End</th>
                <th scope="col" className="py-1 pr-3">State</th>
                <th scope="col" className="py-1">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {lanes.flatMap((lane) =>
                lane.bars.map((bar) => (
                  <tr key={bar.block.id} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-1 pr-3">{lane.label}</td>
                    <td className="py-1 pr-3">
                      <Link href={`/reservations/${bar.block.id}`} className="text-brand-700 underline dark:text-brand-300">
                        {bar.block.name}
                      </Link>
                    </td>
                    <td className="py-1 pr-3 text-right tabular-nums">{bar.block.quantity.toLocaleString("en-US")}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDay(bar.block.startAt)}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{formatDay(bar.block.endAt)}</td>
                    <td className="py-1 pr-3">{KIND_LABEL[bar.kind]}</td>
                    <td className="py-1">{bar.late ? `Late${bar.block.deliveryDate ? ` (${formatDay(bar.block.deliveryDate)})` : ""}` : "On time"}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
