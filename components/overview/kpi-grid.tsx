import { BarListChart } from "@/components/charts/bar-list-chart";
import { LineChart } from "@/components/charts/line-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatCompact, formatCount, formatDecimal, formatH100e, formatMoney, formatMw, formatPercent } from "@/lib/format/number";
import type { OverviewResult } from "@/lib/queries/overview";
import {
  capacityDemandLine,
  committedBars,
  familyBars,
  headroomLines,
  plannedSpendBars,
  RUNWAY_SERIES,
  SPEND_SERIES,
  UTILIZATION_SERIES,
  utilizationLine,
} from "@/lib/queries/overview-points";
import { KpiCard, NoChartData } from "./kpi-card";
import { RunwayCard } from "./runway-card";

export function KpiGrid({ overview }: { overview: OverviewResult }) {
  const { committed, plannedSpend, fleet, utilization, power, expiring } = overview;
  const year = plannedSpend.period.from.getUTCFullYear();
  const share = committed.total.isZero() ? null : plannedSpend.total.div(committed.total).toNumber();
  const tightest = power.tightest;
  const headroom = headroomLines(power);
  const firstExpiry = expiring.top.reduce<Date | null>((min, r) => (!min || r.endAt < min ? r.endAt : min), null);
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <KpiCard
        id="committed-spend"
        title="Committed spend"
        value={formatMoney(committed.total.toNumber())}
        context={
          <>
            {formatCount(committed.contracts, "contract")} active, pending or exhausted
            {committed.otherCurrencyContracts > 0 ? ` · ${committed.otherCurrencyContracts} non-USD not included` : ""}
          </>
        }
        caption="By contract status"
      >
        {committed.byStatus.some((s) => s.counted) ? (
          <BarListChart data={committedBars(committed)} unit="usd" label="Committed spend in US dollars by contract status" />
        ) : (
          <NoChartData>No signed contracts yet.</NoChartData>
        )}
      </KpiCard>

      <KpiCard
        id="planned-spend"
        title="Planned spend to date"
        value={formatMoney(plannedSpend.total.toNumber())}
        context={`${year} to date${share === null ? "" : ` · ${formatPercent(share)} of ${formatMoney(committed.total.toNumber())} committed`}`}
        caption="Per month, reservations × rates"
      >
        <StackedBarChart
          data={plannedSpendBars(plannedSpend)}
          series={SPEND_SERIES}
          unit="usd"
          label={`Planned spend per month in ${year}, in US dollars, reserved and on-demand or spot`}
        />
      </KpiCard>

      <KpiCard
        id="accelerators"
        title="Accelerators"
        value={formatDecimal(fleet.accelerators, 0)}
        unit="in service"
        context={`${formatH100e(fleet.h100e.toNumber())} across ${formatCount(fleet.byFamily.length, "family", "families")}`}
        caption="H100-equivalents by family"
      >
        {fleet.byFamily.length ? (
          <BarListChart data={familyBars(fleet.byFamily, "h100e")} unit="h100e" label="H100-equivalents in service by accelerator family" />
        ) : (
          <NoChartData>No reservation is in service today.</NoChartData>
        )}
      </KpiCard>

      <KpiCard
        id="utilization"
        title="Utilization"
        value={formatPercent(utilization.ratio?.toNumber() ?? null)}
        unit="last 30 days"
        context={
          utilization.ratio === null
            ? "No utilization reported in the last 30 days."
            : `${formatCompact(utilization.usedAh.toNumber())} of ${formatCompact(utilization.capacityAh.toNumber())} accelerator-hours used · ${formatMoney(utilization.idleCost.toNumber())} idle on reserved blocks`
        }
        caption="Daily utilization"
      >
        <LineChart
          data={utilizationLine(utilization)}
          series={UTILIZATION_SERIES}
          unit="percent"
          domain={[0, 100]}
          label="Daily utilization over the last 30 days, in percent"
        />
      </KpiCard>

      <KpiCard
        id="expiring"
        title="Expiring in 90 days"
        value={formatDecimal(expiring.accelerators, 0)}
        unit="accelerators"
        context={
          expiring.count === 0
            ? `No reservation ends before ${formatDay(expiring.until)}.`
            : `${formatCount(expiring.count, "reservation")} · ${formatH100e(expiring.h100e.toNumber())} · first ends ${formatDay(firstExpiry!)}`
        }
        caption="Accelerators expiring by family"
      >
        {expiring.count ? (
          <BarListChart data={familyBars(expiring.byFamily, "accelerators")} unit="accelerators" label="Accelerators expiring in the next 90 days by family" />
        ) : (
          <NoChartData>Nothing expires in the next 90 days.</NoChartData>
        )}
      </KpiCard>

      <KpiCard
        id="power-headroom"
        title="Power headroom"
        value={tightest ? formatMw(tightest.headroomMw.toNumber()) : "—"}
        tone={tightest?.overBudget ? "alert" : "default"}
        context={
          tightest
            ? `Tightest: ${tightest.siteName}, ${formatMonth(tightest.month.from)} (${formatMw(tightest.facilityMw.toNumber())} of ${formatMw(tightest.budgetMw.toNumber())}) · ${formatCount(power.overBudgetSiteMonths, "site-month")} over budget`
            : "No site has a power budget yet."
        }
        caption={`Lowest headroom per month, next 12 months${power.sites.length > 5 ? ", 5 tightest sites" : ""}`}
      >
        {power.sites.length ? (
          <LineChart
            data={headroom.data}
            series={headroom.series}
            unit="mw"
            zeroLine
            label="Monthly power headroom in megawatts by site over the next 12 months; below zero is over budget"
          />
        ) : (
          <NoChartData>Add a power budget to a site to see its headroom.</NoChartData>
        )}
      </KpiCard>

      <RunwayCard runway={overview.runway} className="sm:col-span-2 xl:col-span-3">
        <LineChart
          data={capacityDemandLine(overview.runway)}
          series={RUNWAY_SERIES}
          unit="h100e"
          height={200}
          label="Capacity and demand in H100-equivalents per month over the next 24 months"
        />
      </RunwayCard>
    </div>
  );
}
