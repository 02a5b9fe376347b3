"use client";

import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { LinePoint, LineSeries, ValueUnit } from "@/lib/format/chart-types";
import { formatTick } from "@/lib/format/value";
import { AXIS_TICK, ChartFigure, GRID_PROPS, Legend, TooltipBox } from "./chart-parts";

/** Lines (optionally filled) over time: utilization, headroom per site, capacity vs demand. */
export function LineChart({
  data,
  series,
  unit,
  label,
  height = 140,
  zeroLine = false,
  domain,
  legend = series.length > 1,
}: {
  data: LinePoint[];
  series: LineSeries[];
  unit: ValueUnit;
  label: string;
  height?: number;
  zeroLine?: boolean;
  domain?: [number, number];
  legend?: boolean;
}) {
  return (
    <div>
      <ChartFigure label={label} height={height}>
        <ComposedChart
          responsive
          style={{ width: "100%", height }}
          data={data.map((d) => ({ label: d.label, title: d.title, ...d.values }))}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.3} interval="preserveStartEnd" minTickGap={16} />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatTick(unit, v)}
            width={unit === "h100e" ? 44 : unit === "percent" ? 52 : 64}
            stroke="currentColor"
            strokeOpacity={0.3}
            tickCount={4}
            domain={domain ?? ["auto", "auto"]}
          />
          <Tooltip content={(p) => <TooltipBox active={p.active} payload={p.payload} unit={unit} />} />
          {zeroLine ? <ReferenceLine y={0} stroke="#dc2626" strokeDasharray="4 3" /> : null}
          {series.map((s) =>
            s.area ? (
              <Area
                key={s.key}
                dataKey={s.key}
                name={s.name}
                type="linear"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.15}
                strokeWidth={2}
                isAnimationActive={false}
                connectNulls
              />
            ) : (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                type="linear"
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dashed ? "5 3" : undefined}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
            ),
          )}
        </ComposedChart>
      </ChartFigure>
      {legend ? <Legend items={series} /> : null}
    </div>
  );
}
