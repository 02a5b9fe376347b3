"use client";

import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis } from "recharts";
import type { BarPoint, ValueUnit } from "@/lib/format/chart-types";
import { formatTick } from "@/lib/format/value";
import { AXIS_TICK, ChartFigure, TooltipBox } from "./chart-parts";

/** Horizontal bars, one colour per bar (contract status, accelerator family). */
export function BarListChart({ data, unit, label }: { data: BarPoint[]; unit: ValueUnit; label: string }) {
  const height = Math.max(72, data.length * 22 + 28);
  const labelWidth = Math.min(120, Math.max(56, ...data.map((d) => d.label.length * 7 + 10)));
  return (
    <ChartFigure label={label} height={height}>
      <BarChart
        responsive
        style={{ width: "100%", height }}
        data={data.map((d) => ({ ...d, name: d.label, title: d.label }))}
        layout="vertical"
        margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <XAxis
          type="number"
          tick={AXIS_TICK}
          tickFormatter={(v: number) => formatTick(unit, v)}
          stroke="currentColor"
          strokeOpacity={0.3}
          tickCount={4}
        />
        <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={labelWidth} stroke="currentColor" strokeOpacity={0.3} interval={0} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={(p) => <TooltipBox active={p.active} payload={p.payload} unit={unit} />}
        />
        <Bar dataKey="value" name="Value" isAnimationActive={false} radius={[0, 3, 3, 0]} maxBarSize={18}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} />
          ))}
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
