import Link from "next/link";
import type { ReactNode } from "react";
import { ChartTable, CsvLink, Panel } from "@/components/answers/chart-table";
import { LineChart } from "@/components/charts/line-chart";
import { DataTable } from "@/components/overview/data-table";
import { KpiCard } from "@/components/overview/kpi-card";
import { MethodSection } from "@/components/overview/method-section";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { FilterOption } from "@/lib/queries/filters/options";
import { planningSearchParams, type PlanningFilters } from "@/lib/queries/filters/params";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import { PALETTE } from "@/lib/format/colors";
import { formatMoney, formatMoneyExact, formatMw } from "@/lib/format/number";
import type { Period } from "@/lib/metrics/period";
import type { ScenarioComparison } from "@/lib/queries/scenarios/compare";
import { signedMoney, signedMonths, signedMw } from "@/lib/format/signed";
import { cn } from "@/lib/utils";

export const SIDE_COLORS = { a: PALETTE[0], b: PALETTE[3] } as const;
const SELECT = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

const runwayText = (p: Period | null, horizonEnd: Date) =>
  p ? formatMonth(p.from) : `Beyond ${formatMonth(new Date(horizonEnd.getTime() - 1))}`;

function Swatch({ side }: { side: "a" | "b" }) {
  return <span aria-hidden className="mr-1.5 inline-block size-2.5 rounded-sm" style={{ background: SIDE_COLORS[side] }} />;
}

function SidePicker({ name, label, value, scenarios }: { name: string; label: string; value: string | null; scenarios: FilterOption[] }) {
  const known = value === null || scenarios.some((s) => s.value === value);
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`compare-${name}`}>{label}</Label>
      <select id={`compare-${name}`} name={name} defaultValue={value ?? "baseline"} className={SELECT}>
        <option value="baseline">Baseline</option>
        {known ? null : <option value={value}>Archived scenario</option>}
        {scenarios.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CompareView({
  comparison,
  filters,
  sides,
  scenarios,
  filterBar,
}: {
  comparison: ScenarioComparison;
  filters: PlanningFilters;
  sides: { a: string | null; b: string | null };
  scenarios: FilterOption[];
  filterBar: ReactNode;
}) {
  const { a, b, rows, runwayMonths } = comparison;
  const query = planningSearchParams(filters, {}, { a: sides.a ?? "baseline", b: sides.b ?? "baseline" }, { range: "24m" });
  const csvHref = `/scenarios/compare/export.csv?${query.toString()}`;
  const keep = [...planningSearchParams(filters, {}, {}, { range: "24m" }).entries()];
  const overall = rows.runway[0]!;
  const tightest = (s: typeof a) =>
    s.headroom.reduce<(typeof s.headroom)[number] | null>(
      (m, x) => (x.tightest && (!m?.tightest || x.tightest.headroomMw.lessThan(m.tightest.headroomMw)) ? x : m),
      null,
    );
  const tA = tightest(a);
  const tB = tightest(b);
  const spendData = rows.spend.map((s) => ({
    label: formatMonthShort(s.month.from),
    title: `${formatMonth(s.month.from)}${s.actual ? " (actual)" : ""}`,
    values: { a: s.a.toNumber(), b: s.b.toNumber() },
  }));

  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/scenarios" className="text-brand-700 underline dark:text-brand-300">
          Scenarios
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Compare scenarios</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Runway, spend and power headroom of two scenarios (or the baseline) side by side, each computed exactly as the Capacity, Costs and
        Power pages compute it.
      </p>

      <form method="get" aria-label="Choose the scenarios to compare" className="mt-4 flex flex-wrap items-end gap-3">
        <SidePicker name="a" label="Side A" value={sides.a} scenarios={scenarios} />
        <SidePicker name="b" label="Side B" value={sides.b} scenarios={scenarios} />
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <Button type="submit" variant="outline">
          Compare
        </Button>
      </form>
      <div className="mt-4">{filterBar}</div>

      {[a, b].flatMap((s) =>
        s.warnings.map((w, i) => (
          <p
            key={`${s.key}-${i}`}
            role="status"
            className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            {s.label}: {w}
          </p>
        )),
      )}

      <div className="mt-6 grid gap-4 md:grid-cols-3" data-testid="compare-kpis">
        <KpiCard
          id="compare-runway"
          title="Runway, all families"
          value={runwayText(overall.b, runwayMonths.to)}
          context={
            <>
              <Swatch side="b" />
              {b.label} · vs <Swatch side="a" />
              {a.label}: {runwayText(overall.a, runwayMonths.to)} ({signedMonths(overall.shift)})
            </>
          }
          tone={overall.shift !== null && overall.shift < 0 ? "alert" : "default"}
        />
        <KpiCard
          id="compare-spend"
          title={`Spend, ${formatMonth(filters.from)} – ${formatMonth(new Date(filters.to.getTime() - 1))}`}
          value={formatMoney(rows.spendTotal.b.toFixed(2))}
          context={
            <>
              <Swatch side="b" />
              {b.label} · {signedMoney(rows.spendTotal.delta)} vs <Swatch side="a" />
              {a.label} ({formatMoney(rows.spendTotal.a.toFixed(2))})
            </>
          }
        />
        <KpiCard
          id="compare-headroom"
          title="Tightest power headroom"
          value={tB?.tightest ? formatMw(tB.tightest.headroomMw.toString()) : "—"}
          context={
            <>
              <Swatch side="b" />
              {tB ? `${tB.siteName}, ${formatMonth(tB.tightest!.month.from)}` : "no budgeted site"} · vs <Swatch side="a" />
              {tA?.tightest ? `${formatMw(tA.tightest.headroomMw.toString())} (${tA.siteName})` : "—"}
            </>
          }
          tone={tB?.tightest?.overBudget ? "alert" : "default"}
        />
      </div>

      <Panel
        id="compare-runway"
        title="Runway per family"
        description={`The first month whose median demand exceeds capacity, within ${formatMonth(runwayMonths.from)} – ${formatMonth(new Date(runwayMonths.to.getTime() - 1))}.`}
      >
        <DataTable
          caption="Runway per family, side A and side B"
          columns={[{ header: "Family" }, { header: `A: ${a.label}` }, { header: `B: ${b.label}` }, { header: "B vs A", numeric: true }]}
          rows={rows.runway.map((r) => [
            r.label,
            runwayText(r.a, runwayMonths.to),
            runwayText(r.b, runwayMonths.to),
            <span key="s" className={cn(r.shift !== null && r.shift < 0 && "font-medium text-red-700 dark:text-red-400")}>
              {signedMonths(r.shift)}
            </span>,
          ])}
          empty="No capacity or demand in these filters."
        />
      </Panel>

      <Panel
        id="compare-spend"
        title="Spend per month (USD)"
        description="Actual from billing where a provider's month is billed (the same on both sides), planned from each side's reservations otherwise."
      >
        <LineChart
          data={spendData}
          series={[
            { key: "a", name: `A: ${a.label}`, color: SIDE_COLORS.a },
            { key: "b", name: `B: ${b.label}`, color: SIDE_COLORS.b, dashed: true },
          ]}
          unit="usd"
          label={`Spend per month in US dollars, ${a.label} against ${b.label}`}
          height={220}
          legend
        />
        <ChartTable csvHref={csvHref}>
          <DataTable
            caption="Spend per month, side A and side B"
            columns={[
              { header: "Month" },
              { header: `A: ${a.label}`, numeric: true },
              { header: `B: ${b.label}`, numeric: true },
              { header: "B − A", numeric: true },
              { header: "Source" },
            ]}
            rows={rows.spend.map((s) => [
              formatMonth(s.month.from),
              formatMoneyExact(s.a.toFixed(2)),
              formatMoneyExact(s.b.toFixed(2)),
              signedMoney(s.delta),
              s.actual ? "actual" : "planned",
            ])}
            total={[
              "Total",
              formatMoneyExact(rows.spendTotal.a.toFixed(2)),
              formatMoneyExact(rows.spendTotal.b.toFixed(2)),
              signedMoney(rows.spendTotal.delta),
              "",
            ]}
            empty="No months in the range."
          />
        </ChartTable>
      </Panel>

      <Panel
        id="compare-headroom"
        title="Tightest power headroom per site"
        description="Per site with a power budget: the lowest budget − facility load reached in the range (facility = IT load × PUE), and its months over budget."
      >
        <DataTable
          caption="Tightest headroom per site, side A and side B"
          columns={[
            { header: "Site" },
            { header: `A: ${a.label}`, numeric: true },
            { header: `B: ${b.label}`, numeric: true },
            { header: "B − A", numeric: true },
            { header: "Months over A / B", numeric: true },
          ]}
          rows={rows.headroom.map((h) => [
            h.siteName,
            h.a?.tightest ? `${formatMw(h.a.tightest.headroomMw.toString())} · ${formatMonthShort(h.a.tightest.month.from)}` : "—",
            h.b?.tightest ? (
              <span key="b" className={cn(h.b.tightest.overBudget && "font-medium text-red-700 dark:text-red-400")}>
                {formatMw(h.b.tightest.headroomMw.toString())} · {formatMonthShort(h.b.tightest.month.from)}
              </span>
            ) : (
              "—"
            ),
            signedMw(h.delta),
            `${h.a?.overBudgetMonths ?? 0} / ${h.b?.overBudgetMonths ?? 0}`,
          ])}
          empty="No site with a power budget in these filters."
        />
        <p className="mt-3">
          <CsvLink href={csvHref} label="Export the comparison (CSV)" />
        </p>
      </Panel>

      <MethodSection
        id="compare-method"
        title="How this is computed"
        definition={
          <>
            Each side loads the planning model once — the registers with the scenario&apos;s overrides applied in memory (added and removed
            reservations, delivery slips, PUE, price changes, demand growth, and the scenario&apos;s own demand plans) — and runs the
            pages&apos; functions on it: runway as on Capacity (forecast of used H100e × (1 + demand growth) plus demand plans ahead,
            against H100e in service, next 24 months), spend as on Costs (one source per provider-month: billing where billed, else reserved
            capacity × rate and on-demand/spot use × rate) and headroom as on Power (budget − IT MW × PUE at each month&apos;s tightest
            instant). Scenarios never change the registers.
          </>
        }
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The CSV holds every row above: runway per family, spend per month and the range total, and headroom per site.
        </p>
      </MethodSection>
    </div>
  );
}
