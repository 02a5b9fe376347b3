import type { ReactNode } from "react";
import { formatMonth } from "@/lib/format/date";
import type { RunwaySection } from "@/lib/queries/overview";
import { earliestFamilyRunway, type OverviewLinks } from "@/lib/queries/overview/points";
import { KpiCard } from "./kpi-card";
import { AppLink } from "@/components/links/app-link";

export function RunwayCard({
  runway,
  links,
  className,
  children,
}: {
  runway: RunwaySection;
  links: Pick<OverviewLinks, "runway" | "runwayFamily">;
  className?: string;
  children: ReactNode;
}) {
  const last = runway.months[runway.months.length - 1]!;
  const overall = runway.overall.runway;
  const first = earliestFamilyRunway(runway);
  const nothing = runway.overall.points.every((p) => p.capacity.isZero() && p.demand.median.isZero());
  const value = overall ? formatMonth(overall.from) : nothing ? "—" : `Beyond ${formatMonth(last.from)}`;
  const lead = overall
    ? "First month median demand exceeds the H100e in service, all families together"
    : nothing
      ? "No capacity or demand in the next 24 months yet."
      : "Median demand stays within capacity for 24 months";
  return (
    <KpiCard
      id="runway"
      title="Runway"
      value={value}
      tone={overall && overall.from.getTime() === runway.months[0]!.from.getTime() ? "alert" : "default"}
      context={
        <>
          {lead}
          {first && links.runwayFamily ? (
            <>
              {" · earliest family: "}
              <AppLink href={links.runwayFamily} className="font-medium underline underline-offset-2" data-testid="runway-family-link">
                {first.family} in {formatMonth(first.line.runway!.from)}
              </AppLink>
            </>
          ) : null}
        </>
      }
      caption="H100e in service vs median demand, average per month"
      className={className}
      link={{ href: links.runway, label: "Capacity" }}
    >
      {children}
    </KpiCard>
  );
}
