import type { ReactNode } from "react";
import { formatMonth } from "@/lib/format/date";
import type { RunwaySection } from "@/lib/queries/overview";
import { KpiCard } from "./kpi-card";

export function RunwayCard({ runway, className, children }: { runway: RunwaySection; className?: string; children: ReactNode }) {
  const last = runway.months[runway.months.length - 1]!;
  const short = runway.byFamily.filter((f) => f.runway).sort((a, b) => a.runway!.from.getTime() - b.runway!.from.getTime());
  const first = short[0];
  const nothing = runway.overall.series.every((p) => p.capacity.isZero() && p.demand.isZero());
  const value = runway.overall.runway ? formatMonth(runway.overall.runway.from) : nothing ? "—" : `Beyond ${formatMonth(last.from)}`;
  const context = [
    runway.overall.runway
      ? "First month demand exceeds capacity, all families pooled"
      : nothing
        ? "No capacity or demand in the next 24 months yet."
        : "Demand stays within capacity for 24 months",
    first ? `earliest family: ${first.family} in ${formatMonth(first.runway!.from)}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <KpiCard
      id="runway"
      title="Runway"
      value={value}
      tone={runway.overall.runway && runway.overall.runway.from.getTime() === runway.months[0]!.from.getTime() ? "alert" : "default"}
      context={context}
      caption="Capacity vs demand, average H100e per month"
      className={className}
    >
      {children}
    </KpiCard>
  );
}
