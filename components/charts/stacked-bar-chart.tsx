"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { StackedPoint, StackSeries, ValueUnit } from "@/lib/format/chart-types";
import { formatTick } from "@/lib/format/value";
import { AXIS_TICK, ChartFigure, GRID_PROPS, Legend, TooltipBox } from "./chart-parts";

/** Vertical stacked bars by period, e.g. planned spend per month split by pricing model. */
export function StackedBarChart({
  data,
  series,
  unit,
  label,
  height = 140,
}: {
  data: StackedPoint[];
  series: StackSeries[];
  unit: ValueUnit;
  label: string;
  height?: number;
}) {
  return (
    <div>
      <ChartFigure label={label} height={height}>
        <BarChart
          responsive
          style={{ width: "100%", height }}
          data={data.map((d) => ({ label: d.label, title: d.title, ...d.values }))}
          margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.3} interval="preserveStartEnd" />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatTick(unit, v)}
            width={52}
            stroke="currentColor"
            strokeOpacity={0.3}
            tickCount={4}
          />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={(p) => <TooltipBox active={p.active} payload={p.payload} unit={unit} />}
          />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={s.color} isAnimationActive={false} maxBarSize={28} />
          ))}
        </BarChart>
      </ChartFigure>
      <Legend items={series} />
    </div>
  );
}
