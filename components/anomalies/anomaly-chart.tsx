"use client";

import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { ValueUnit } from "@/lib/format/chart-types";
import { formatTick } from "@/lib/format/value";
import type { AnomalyPoint } from "@/lib/queries/anomalies/points";
import { AXIS_TICK, ChartFigure, GRID_PROPS, Legend, TooltipBox } from "@/components/charts/chart-parts";

const ACTUAL = "#2563eb";
const EXPECTED = "#64748b";
const FLAG = "#dc2626";

/** A series' daily actual against its expected value, anomaly days marked with a red dot. */
export function AnomalyChart({
  points,
  unit,
  label,
  height = 200,
}: {
  points: AnomalyPoint[];
  unit: ValueUnit;
  label: string;
  height?: number;
}) {
  return (
    <div>
      <ChartFigure label={label} height={height}>
        <ComposedChart
          responsive
          style={{ width: "100%", height }}
          data={points}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.3} interval="preserveStartEnd" minTickGap={16} />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatTick(unit, v)}
            width={unit === "percent" ? 52 : 64}
            stroke="currentColor"
            strokeOpacity={0.3}
            tickCount={4}
          />
          <Tooltip content={(p) => <TooltipBox active={p.active} payload={p.payload} unit={unit} />} />
          <Line
            dataKey="expected"
            name="Expected"
            type="linear"
            stroke={EXPECTED}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line dataKey="actual" name="Actual" type="linear" stroke={ACTUAL} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line
            dataKey="flagged"
            name="Anomaly"
            type="linear"
            stroke="none"
            dot={{ r: 4, fill: FLAG, stroke: FLAG }}
            activeDot={false}
            isAnimationActive={false}
            legendType="none"
          />
        </ComposedChart>
      </ChartFigure>
      <Legend
        items={[
          { key: "actual", name: "Actual", color: ACTUAL },
          { key: "expected", name: "Expected", color: EXPECTED, dashed: true },
          { key: "flagged", name: "Anomaly", color: FLAG },
        ]}
      />
    </div>
  );
}
