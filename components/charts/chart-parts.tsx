"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import type { TooltipContentProps } from "recharts";
import type { ValueUnit } from "@/lib/format/chart-types";
import { formatValue } from "@/lib/format/value";

export const AXIS_TICK = { fill: "currentColor", fontSize: 11 } as const;
export const GRID_PROPS = { stroke: "currentColor", strokeOpacity: 0.15, vertical: false } as const;

const noSubscription = () => () => {};

/**
 * Charts are images to assistive technology; the data table further down the page is their text alternative.
 * The chart itself is drawn in the browser only: a responsive chart has no width on the server, so its server
 * render would be an empty box, and running Recharts there costs a few ms of CPU per chart and request. The
 * figure keeps its height, so nothing moves when the chart appears after hydration.
 */
export function ChartFigure({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <figure role="img" aria-label={label} className="m-0 w-full min-w-0 text-slate-500 dark:text-slate-400" style={{ height }}>
      {inBrowser ? children : null}
    </figure>
  );
}

type Entry = { name?: string | number; value?: unknown; color?: string; payload?: { title?: string; label?: string } };

export function TooltipBox({ active, payload, unit }: Pick<TooltipContentProps, "active" | "payload"> & { unit: ValueUnit }) {
  const entries = (payload ?? []) as unknown as Entry[];
  if (!active || entries.length === 0) return null;
  const first = entries[0]!.payload;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100">
      <p className="font-medium">{first?.title ?? first?.label}</p>
      <ul className="mt-1 space-y-0.5">
        {entries.map((e, i) => (
          <li key={i} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: e.color }} />
            <span>{String(e.name ?? "")}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{formatValue(unit, typeof e.value === "number" ? e.value : null)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Legend({ items }: { items: { key: string; name: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden>
      {items.map((i) => (
        <li key={i.key} className="flex items-center gap-1.5">
          <span
            className="inline-block h-0.5 w-3"
            style={{
              background: i.dashed ? `repeating-linear-gradient(90deg, ${i.color} 0 3px, transparent 3px 5px)` : i.color,
              height: 3,
            }}
          />
          {i.name}
        </li>
      ))}
    </ul>
  );
}
