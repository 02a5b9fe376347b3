"use client";

import { Bar, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, ChartFigure, GRID_PROPS, Legend, TooltipBox } from "@/components/charts/chart-parts";
import { formatTick } from "@/lib/format/value";
import type { SitePowerPoint } from "@/lib/queries/sites/power-points";

const LOAD = "#3b82f6";
const OVER = "#dc2626";
const BUDGET = "#0f766e";

/** Projected facility load per month as bars (red when over budget) against the contracted budget as a step line. */
export function SitePowerChart({ points, label }: { points: SitePowerPoint[]; label: string }) {
  const height = 260;
  return (
    <div data-testid="site-power-chart">
      <ChartFigure label={label} height={height}>
        <ComposedChart
          responsive
          style={{ width: "100%", height }}
          data={points.map((p) => ({
            label: p.label,
            title: p.overBudget ? `${p.title} — over budget` : p.title,
            facility: p.facilityMw,
            budget: p.budgetMw,
          }))}
          margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...GRID_PROPS} />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="currentColor" strokeOpacity={0.3} interval="preserveStartEnd" minTickGap={12} />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(v: number) => formatTick("mw", v)}
            width={64}
            stroke="currentColor"
            strokeOpacity={0.3}
            tickCount={5}
          />
          <Tooltip content={(p) => <TooltipBox active={p.active} payload={p.payload} unit="mw" />} />
          <Bar dataKey="facility" name="Facility load" isAnimationActive={false} fill={LOAD}>
            {points.map((p) => (
              <Cell key={p.title} fill={p.overBudget ? OVER : LOAD} />
            ))}
          </Bar>
          <Line
            dataKey="budget"
            name="Contracted budget"
            type="stepAfter"
            stroke={BUDGET}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartFigure>
      <Legend
        items={[
          { key: "facility", name: "Projected facility load", color: LOAD },
          { key: "over", name: "Over budget", color: OVER },
          { key: "budget", name: "Contracted budget", color: BUDGET },
        ]}
      />
    </div>
  );
}
