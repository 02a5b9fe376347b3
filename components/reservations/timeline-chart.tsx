"use client";

import Link from "next/link";
import { useOpenedDetails } from "@/components/ui/use-opened-details";
import type { BlockKind, TimelineGroup } from "@/lib/queries/reservations/timeline";
import { KIND_LABEL, KIND_STYLE } from "./timeline-kinds";
import { ScrollRegion } from "@/components/ui/scroll-region";

// The timeline's bars and its table view, drawn from compact rows, sent once: a server-rendered element tree of 200
// bars and a 200-row table would be sent twice (as HTML and again as the React flight payload, ~400 kB).

/**
 * One bar: block id, name, quantity, family, start and end (formatted on the server: "12 Mar 2027"), kind, late
 * delivery, the delivery day when late and known (formatted), swim-lane row, left and width (% of the window).
 */
export type TimelineChartBar = [
  id: string,
  name: string,
  quantity: number,
  family: string,
  start: string,
  end: string,
  kind: BlockKind,
  late: boolean,
  delivery: string | null,
  row: number,
  left: number,
  width: number,
];
export type TimelineChartLane = { key: string; label: string; rows: number; bars: TimelineChartBar[] };
/** An axis tick: its key, left (% of the window) and label. */
export type TimelineChartTick = [key: string, left: number, label: string];

// The class of a bar per kind and lateness, built once rather than once per bar.
const BAR_CLASS = Object.fromEntries(
  (Object.keys(KIND_STYLE) as BlockKind[]).flatMap((k) => [
    [k, `absolute h-3.5 rounded-sm ${KIND_STYLE[k]}`],
    [`${k} late`, `absolute h-3.5 rounded-sm ${KIND_STYLE[k]} ring-2 ring-red-600`],
  ]),
) as Record<string, string>;

/** A bar's name for screen readers and its tooltip: "Abilene A: 2,000 × GB200, 1 Mar 2027 → 28 Feb 2029 (Planned)". */
function barLabel(name: string, quantity: number, family: string, start: string, end: string, kind: BlockKind, late: boolean) {
  return `${name}: ${quantity.toLocaleString("en-US")} × ${family}, ${start} → ${end} (${KIND_LABEL[kind]}${late ? ", late delivery" : ""})`;
}

const LANE_PX = 14;
const GAP_PX = 4;

export function TimelineChart({
  lanes,
  ticks,
  now,
  group,
  count,
}: {
  lanes: TimelineChartLane[];
  ticks: TimelineChartTick[];
  now: number | null;
  group: TimelineGroup;
  count: number;
}) {
  // The table view's rows (up to a page of 200 blocks, ~1,600 elements) are drawn when it is first opened, not on
  // every page view while it stays closed.
  const { ref: detailsRef, opened, onToggle } = useOpenedDetails();
  return (
    <>
      <figure
        // Scrolls sideways on a narrow screen: focusable so the keyboard can scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-label={`Timeline of ${count} capacity blocks grouped by ${group}; the table below lists them.`}
        className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="min-w-[720px]">
          <div className="relative ml-40 h-5 text-xs text-slate-500 dark:text-slate-400">
            {ticks.map(([key, left, label]) => (
              <span key={key} className="absolute -translate-x-1/2" style={{ left: `${left}%` }}>
                {label}
              </span>
            ))}
          </div>
          {lanes.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-600 dark:text-slate-400">No blocks in this window.</p>
          ) : null}
          {lanes.map((lane) => (
            <div key={lane.key} className="flex border-t border-slate-100 py-1.5 dark:border-slate-800">
              <div className="w-40 shrink-0 truncate pr-2 text-sm font-medium" title={lane.label}>
                {lane.label}
              </div>
              <div className="relative flex-1" style={{ height: lane.rows * (LANE_PX + GAP_PX) }}>
                {ticks.map(([key, left]) => (
                  <span
                    key={key}
                    aria-hidden
                    className="absolute inset-y-0 w-px bg-slate-100 dark:bg-slate-800"
                    style={{ left: `${left}%` }}
                  />
                ))}
                {now !== null ? (
                  <span aria-hidden className="absolute inset-y-0 z-10 w-0.5 bg-red-600" style={{ left: `${now}%` }} />
                ) : null}
                {lane.bars.map(([id, name, quantity, family, start, end, kind, late, , row, left, width]) => {
                  const label = barLabel(name, quantity, family, start, end, kind, late);
                  return (
                    <span
                      key={id}
                      role="img"
                      aria-label={label}
                      data-kind={kind}
                      data-late={late || undefined}
                      title={label}
                      className={BAR_CLASS[late ? `${kind} late` : kind]}
                      style={{ left: `${left}%`, width: `max(calc(${width}% - 2px), 2px)`, top: row * (LANE_PX + GAP_PX) }}
                    />
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      </figure>
      <details ref={detailsRef} className="mt-3 text-sm" onToggle={onToggle}>
        <summary className="cursor-pointer font-medium">View the timeline as a table</summary>
        <ScrollRegion label="Timeline as a table" className="mt-2">
          <table className="w-full text-left [&_td]:py-1 [&_td:not(:last-child)]:pr-3">
            <caption className="sr-only">Capacity blocks in the timeline, grouped by {group}</caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 capitalize">
                  {group}
                </th>
                <th scope="col" className="py-1 pr-3">
                  Block
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Quantity
                </th>
                <th scope="col" className="py-1 pr-3">
                  Start
                </th>
                <th scope="col" className="py-1 pr-3">
                  End
                </th>
                <th scope="col" className="py-1 pr-3">
                  State
                </th>
                <th scope="col" className="py-1">
                  Delivery
                </th>
              </tr>
            </thead>
            <tbody className="[&>tr]:border-t [&>tr]:border-slate-100 dark:[&>tr]:border-slate-800">
              {!opened
                ? null
                : lanes.flatMap((lane) =>
                    lane.bars.map(([id, name, quantity, , start, end, kind, late, delivery]) => (
                      <tr key={id}>
                        <td>{lane.label}</td>
                        <td>
                          <Link href={`/reservations/${id}`} className="text-brand-700 underline dark:text-brand-300">
                            {name}
                          </Link>
                        </td>
                        <td className="text-right tabular-nums">{quantity.toLocaleString("en-US")}</td>
                        <td className="whitespace-nowrap">{start}</td>
                        <td className="whitespace-nowrap">{end}</td>
                        <td>{KIND_LABEL[kind]}</td>
                        <td>{late ? `Late${delivery ? ` (${delivery})` : ""}` : "On time"}</td>
                      </tr>
                    )),
                  )}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </>
  );
}
