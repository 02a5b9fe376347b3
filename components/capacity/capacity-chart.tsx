"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { AXIS_TICK, ChartFigure, GRID_PROPS, Legend } from "@/components/charts/chart-parts";
import { CAPACITY_COLOR, DEMAND_COLOR } from "@/lib/format/colors";
import type { ValueUnit } from "@/lib/format/chart-types";
import { formatTick, formatValue } from "@/lib/format/value";
import type { CapacityChartPoint } from "@/lib/queries/capacity/points";

const USED_COLOR = "#475569";

const LEGEND = [
  { key: "capacity", name: "Capacity in service", color: CAPACITY_COLOR },
  { key: "used", name: "Used (actual)", color: USED_COLOR },
  { key: "median", name: "Demand, median forecast + plans", color: DEMAND_COLOR, dashed: true },
  { key: "band80", name: "80 % band", color: "#fb7185" },
  { key: "band95", name: "95 % band", color: "#fecdd3" },
];

function ChartTooltip({ active, payload, unit }: Pick<TooltipContentProps, "active" | "payload"> & { unit: ValueUnit }) {
  const p = (payload?.[0] as { payload?: CapacityChartPoint } | undefined)?.payload;
  if (!active || !p) return null;
  const v = (x: number | null) => formatValue(unit, x);
  const rows: [string, string, string][] = [["Capacity", v(p.capacity), CAPACITY_COLOR]];
  if (p.used !== null && p.band80 === null) rows.push(["Used", v(p.used), USED_COLOR]);
  if (p.band80 && p.band95) {
    rows.push(["Demand (median)", v(p.median), DEMAND_COLOR]);
    if (p.planned) rows.push(["Demand plans (before growth)", v(p.planned), DEMAND_COLOR]);
    rows.push(["80 % band", `${v(p.band80[0])} – ${v(p.band80[1])}`, "#fb7185"]);
    rows.push(["95 % band", `${v(p.band95[0])} – ${v(p.band95[1])}`, "#fecdd3"]);
    rows.push(["Gap (capacity − median)", v(p.capacity - (p.median ?? 0)), p.capacity < (p.median ?? 0) ? "#dc2626" : "#16a34a"]);
  }
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100">
      <p className="font-medium">{p.title}</p>
      <ul className="mt-1 space-y-0.5">
        {rows.map(([name, value, color]) => (
          <li key={name} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: color }} />
            <span>{name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Capacity (step) against actual use, then the demand forecast with its 80 % and 95 % bands; a marker at the runway. */
export function CapacityChart({
  points,
  unit,
  label,
  runwayLabel,
  height = 300,
}: {
  points: CapacityChartPoint[];
  unit: "h100e" | "accelerators";
  label: string;
  runwayLabel: string | null;
  height?: number;
}) {
  return (
    <div>
      <ChartFigure label={label} height={height}>
        <ComposedChart
          responsive
          style={{ width: "100%", height }}
          data={points}
          margin={{ top: 12, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.3} interval="preserveStartEnd" minTickGap={16} />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatTick(unit, v)}
            width={56}
            stroke="currentColor"
            strokeOpacity={0.3}
            tickCount={5}
            label={{
              value: unit === "h100e" ? "H100e (monthly average)" : "Accelerators (monthly average)",
              angle: -90,
              position: "insideLeft",
              offset: 10,
              style: { fontSize: 11, fill: "currentColor", textAnchor: "middle" },
            }}
          />
          <Tooltip content={(p) => <ChartTooltip active={p.active} payload={p.payload} unit={unit} />} />
          <Area dataKey="band95" name="95 % band" type="linear" stroke="none" fill="#fecdd3" fillOpacity={0.6} isAnimationActive={false} />
          <Area dataKey="band80" name="80 % band" type="linear" stroke="none" fill="#fb7185" fillOpacity={0.35} isAnimationActive={false} />
          <Line
            dataKey="capacity"
            name="Capacity"
            type="stepAfter"
            stroke={CAPACITY_COLOR}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="used" name="Used" type="linear" stroke={USED_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line
            dataKey="median"
            name="Demand"
            type="linear"
            stroke={DEMAND_COLOR}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
          {runwayLabel ? (
            <ReferenceLine
              x={runwayLabel}
              stroke="#dc2626"
              strokeDasharray="4 3"
              label={{ value: "Runway", position: "insideTopRight", fontSize: 11, fill: "#dc2626" }}
            />
          ) : null}
        </ComposedChart>
      </ChartFigure>
      <Legend items={LEGEND} />
    </div>
  );
}
