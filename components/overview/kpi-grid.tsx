import { BarListChart } from "@/components/charts/bar-list-chart";
import { LineChart } from "@/components/charts/line-chart";
import { SpendChart } from "@/components/costs/spend-chart";
import { monthList } from "@/components/costs/spend-section";
import { spendChart } from "@/lib/queries/costs/points";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatCompact, formatCount, formatDecimal, formatH100e, formatMoney, formatMw, formatPercent } from "@/lib/format/number";
import type { OverviewResult } from "@/lib/queries/overview";
import {
  committedBars,
  currencyNote,
  familyBars,
  overviewLinks,
  periodLabel,
  providerSpendBars,
  RUNWAY_SERIES,
  runwayLine,
  tightestSiteLines,
  UTILIZATION_SERIES,
  utilizationLine,
} from "@/lib/queries/overview/points";
import { unmeasuredNote } from "@/lib/queries/utilization/points";
import { unconvertedNote } from "@/lib/format/fx";
import { KpiCard, NoChartData } from "./kpi-card";
import { RunwayCard } from "./runway-card";

export function KpiGrid({ overview }: { overview: OverviewResult }) {
  const { committed, spend, fleet, utilization, power, expiring } = overview;
  const links = overviewLinks(overview);
  const { toDate, forecast } = spend;
  const toDateChart = spendChart(toDate.months, "provider");
  const tightest = power.tightest;
  const firstOver = power.page.firstOver;
  const headroom = tightestSiteLines(power);
  const committedNote = currencyNote(committed.converted, committed.unconverted, "contract");
  const spendNote = unconvertedNote(spend.unconverted, "block");
  const idleNote = unconvertedNote(utilization.idleUnconverted, "reserved block");
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
            {committedNote ? ` · ${committedNote}` : ""}
          </>
        }
        caption="By contract status"
        link={{ href: links.committed, label: "Contracts" }}
      >
        {committed.byStatus.some((s) => s.counted) ? (
          <BarListChart data={committedBars(committed)} unit="usd" label="Committed spend in US dollars by contract status" />
        ) : (
          <NoChartData>No signed contracts yet.</NoChartData>
        )}
      </KpiCard>

      <KpiCard
        id="spend-to-date"
        title="Spend to date"
        value={formatMoney(toDate.total.toNumber())}
        context={
          <>
            {periodLabel(toDate.period)} · actual from billing: {toDate.actualMonths.length ? monthList(toDate.actualMonths) : "no month"},
            planned otherwise{spendNote ? ` · planned ${spendNote}` : ""}
          </>
        }
        caption="Per month by provider; billing solid, planned hatched"
        link={{ href: links.spendToDate, label: "Costs" }}
      >
        <SpendChart
          data={toDateChart.data}
          series={toDateChart.series}
          height={140}
          label={`Spend per month from ${periodLabel(toDate.period)} in US dollars, stacked by provider; actual from billing solid, planned from reservations hatched`}
        />
      </KpiCard>

      <KpiCard
        id="forecast"
        title="12-month forecast"
        value={formatMoney(forecast.total.toNumber())}
        context={
          <>
            {periodLabel(forecast.period)} · planned from reservations × rates
            {forecast.actualMonths.length ? ` (billing already for ${monthList(forecast.actualMonths)})` : ""}
            {spendNote ? ` · ${spendNote}` : ""}
          </>
        }
        caption="By provider, next 12 months"
        link={{ href: links.forecast, label: "Costs" }}
      >
        {forecast.byProvider.length ? (
          <BarListChart data={providerSpendBars(forecast)} unit="usd" label="Spend over the next 12 months in US dollars by provider" />
        ) : (
          <NoChartData>No reservation runs in the next 12 months.</NoChartData>
        )}
      </KpiCard>

      <KpiCard
        id="accelerators"
        title="Accelerators"
        value={formatDecimal(fleet.accelerators, 0)}
        unit="in service"
        context={`${formatH100e(fleet.h100e.toNumber())} across ${formatCount(fleet.byFamily.length, "family", "families")}`}
        caption="H100-equivalents by family"
        link={{ href: links.fleet, label: "Capacity" }}
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
        value={formatPercent(utilization.ratio?.toNumber() ?? null, 1)}
        unit="last 30 days"
        context={[
          utilization.ratio === null
            ? "No utilization reported in the last 30 days."
            : `${formatCompact(utilization.usedAh.toNumber())} of ${formatCompact(utilization.capacityAh.toNumber())} accelerator-hours used · ${formatMoney(utilization.idleCost.toNumber())} idle on reserved blocks${idleNote ? ` (${idleNote})` : ""}`,
          unmeasuredNote(utilization.unmeasured),
        ]
          .filter(Boolean)
          .join(" · ")}
        caption="Daily utilization"
        link={{ href: links.utilization, label: "Utilization" }}
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
        id="power-headroom"
        title="Power headroom"
        value={tightest ? formatMw(tightest.point.headroomMw.toNumber()) : "—"}
        tone={tightest?.point.overBudget ? "alert" : "default"}
        context={
          tightest
            ? `Tightest: ${tightest.site.siteName}, ${formatMonth(tightest.point.month.from)} (${formatMw(tightest.point.facilityMw.toNumber())} of ${formatMw(tightest.point.budgetMw.toNumber())})${
                firstOver ? ` · first over budget: ${firstOver.siteName} in ${formatMonth(firstOver.month.from)}` : " · no site over budget"
              }`
            : "No site has a power budget yet."
        }
        caption={`Lowest headroom per month, ${periodLabel(power.range)}${power.page.sites.length > 5 ? ", 5 tightest sites" : ""}`}
        link={{ href: links.power, label: "Power" }}
      >
        {power.page.sites.length ? (
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
        link={{ href: links.expiring, label: "Reservations" }}
      >
        {expiring.count ? (
          <BarListChart
            data={familyBars(expiring.byFamily, "accelerators")}
            unit="accelerators"
            label="Accelerators expiring in the next 90 days by family"
          />
        ) : (
          <NoChartData>Nothing expires in the next 90 days.</NoChartData>
        )}
      </KpiCard>

      <RunwayCard runway={overview.runway} links={links} className="xl:col-span-2">
        <LineChart
          data={runwayLine(overview.runway)}
          series={RUNWAY_SERIES}
          unit="h100e"
          height={200}
          label="H100-equivalents in service and median demand, average per month, over the next 24 months"
        />
      </RunwayCard>
    </div>
  );
}
