"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, ChartFigure, GRID_PROPS, Legend, TooltipBox } from "@/components/charts/chart-parts";
import { formatTick } from "@/lib/format/value";

export const OWNED_COLOR = "#059669";
export const LEASED_COLOR = "#3b82f6";

export type CurveRow = { utilization: number; owned: number; leased: number };

/** Cost per useful accelerator-hour of owning and leasing against utilization, with the expected utilization and the break-even marked. */
export function CostCurveChart({
  rows,
  expected,
  breakEven,
  label,
}: {
  rows: CurveRow[];
  expected: number;
  breakEven: number | null;
  label: string;
}) {
  const height = 260;
  return (
    <div>
      <ChartFigure label={label} height={height}>
        <LineChart
          responsive
          style={{ width: "100%", height }}
          data={rows.map((r) => ({ ...r, title: `${r.utilization} % utilization` }))}
          margin={{ top: 20, right: 12, bottom: 12, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis
            dataKey="utilization"
            type="number"
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tickFormatter={(v: number) => `${v} %`}
            tick={AXIS_TICK}
            stroke="currentColor"
            strokeOpacity={0.3}
            label={{ value: "Utilization", position: "insideBottom", offset: -8, fill: "currentColor", fontSize: 11 }}
          />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatTick("usd", v)}
            width={56}
            stroke="currentColor"
            strokeOpacity={0.3}
            scale="log"
            domain={["auto", "auto"]}
            allowDataOverflow
            label={{ value: "$ per useful AH", angle: -90, position: "insideLeft", offset: 10, fill: "currentColor", fontSize: 11 }}
          />
          <Tooltip content={(p) => <TooltipBox active={p.active} payload={p.payload} unit="usd" />} />
          <ReferenceLine
            x={expected}
            stroke="currentColor"
            strokeDasharray="4 3"
            label={{ value: "expected", position: "top", fill: "currentColor", fontSize: 11 }}
          />
          {breakEven !== null && breakEven > 0 && breakEven <= 100 ? (
            <ReferenceLine
              x={breakEven}
              stroke="#dc2626"
              strokeDasharray="4 3"
              label={{ value: "break-even", position: "insideTopRight", fill: "#dc2626", fontSize: 11 }}
            />
          ) : null}
          <Line dataKey="owned" name="Build (owned)" stroke={OWNED_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line dataKey="leased" name="Lease" stroke={LEASED_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ChartFigure>
      <Legend
        items={[
          { key: "owned", name: "Build (owned)", color: OWNED_COLOR },
          { key: "leased", name: "Lease", color: LEASED_COLOR },
        ]}
      />
    </div>
  );
}
