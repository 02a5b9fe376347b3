"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { SpendPoint, SpendSeries } from "@/lib/queries/costs/points";
import { formatMoney } from "@/lib/format/number";
import { AXIS_TICK, ChartFigure, GRID_PROPS } from "@/components/charts/chart-parts";

const hatchId = (key: string) => `spend-hatch-${key}`;

type Entry = { dataKey?: unknown; value?: unknown; payload?: SpendPoint };

function SpendTooltip({ active, payload, series }: Pick<TooltipContentProps, "active" | "payload"> & { series: SpendSeries[] }) {
  const entries = (payload ?? []) as unknown as Entry[];
  if (!active || entries.length === 0) return null;
  const point = entries[0]!.payload;
  const rows = series.flatMap((s) => {
    const actual = point?.values[`${s.key}a`];
    const planned = point?.values[`${s.key}p`];
    if (actual === undefined && planned === undefined) return [];
    return [{ s, actual, planned }];
  });
  const total = rows.reduce((t, r) => t + (r.actual ?? 0) + (r.planned ?? 0), 0);
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100">
      <p className="font-medium">
        {point?.title} · {formatMoney(total)}
      </p>
      <ul className="mt-1 space-y-0.5">
        {rows.map(({ s, actual, planned }) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: s.color }} />
            <span>{s.name}</span>
            <span className="ml-auto pl-3 tabular-nums">
              {actual !== undefined ? `${formatMoney(actual)} actual` : null}
              {actual !== undefined && planned !== undefined ? " · " : null}
              {planned !== undefined ? `${formatMoney(planned)} planned` : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Spend per month stacked by provider or family; actual (billing) solid, planned (reservations) hatched. */
export function SpendChart({
  data,
  series,
  label,
  height = 260,
}: {
  data: SpendPoint[];
  series: SpendSeries[];
  label: string;
  height?: number;
}) {
  return (
    <div>
      <ChartFigure label={label} height={height}>
        <BarChart
          responsive
          style={{ width: "100%", height }}
          data={data.map((d) => ({ label: d.label, title: d.title, values: d.values, ...d.values }))}
          margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <defs>
            {series.map((s) => (
              <pattern key={s.key} id={hatchId(s.key)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill={s.color} fillOpacity={0.25} />
                <line x1="0" y1="0" x2="0" y2="6" stroke={s.color} strokeWidth="3" />
              </pattern>
            ))}
          </defs>
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.3} interval="preserveStartEnd" minTickGap={8} />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatMoney(v)}
            width={60}
            stroke="currentColor"
            strokeOpacity={0.3}
            tickCount={5}
          />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={(p) => <SpendTooltip active={p.active} payload={p.payload} series={series} />}
          />
          {series.flatMap((s) => [
            <Bar
              key={`${s.key}a`}
              dataKey={`${s.key}a`}
              name={`${s.name} (actual)`}
              stackId="spend"
              fill={s.color}
              isAnimationActive={false}
              maxBarSize={32}
            />,
            <Bar
              key={`${s.key}p`}
              dataKey={`${s.key}p`}
              name={`${s.name} (planned)`}
              stackId="spend"
              fill={`url(#${hatchId(s.key)})`}
              stroke={s.color}
              strokeWidth={0.5}
              isAnimationActive={false}
              maxBarSize={32}
            />,
          ])}
        </BarChart>
      </ChartFigure>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden>
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
        <li className="ml-2 flex items-center gap-1.5 border-l border-slate-300 pl-3 dark:border-slate-700">
          <span className="inline-block h-2.5 w-2.5 rounded-sm bg-slate-500" />
          Solid: actual (billing)
        </li>
        <li className="flex items-center gap-1.5">
          <span
            className="inline-block h-2.5 w-2.5 rounded-sm border border-slate-500"
            style={{ background: "repeating-linear-gradient(45deg, #64748b 0 2px, transparent 2px 4px)" }}
          />
          Hatched: planned (reservations × rates)
        </li>
      </ul>
    </div>
  );
}
