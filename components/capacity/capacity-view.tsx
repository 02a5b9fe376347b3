import { CAPACITY_DEFAULTS } from "@/lib/queries/reports/sections";
import type { ReactNode } from "react";
import { ChartTableData, CsvLink, Panel } from "@/components/answers/chart-table";
import { DataTable } from "@/components/overview/data-table";
import { formatDay, formatMonth, formatMonthShort } from "@/lib/format/date";
import { familyColor } from "@/lib/format/colors";
import { formatDecimal } from "@/lib/format/number";
import { planningQuery, type PlanningFilters } from "@/lib/queries/filters/params";
import type { Dec } from "@/lib/metrics/decimal";
import type { CapacityView as View } from "@/lib/queries/capacity";
import { capacityChartPoints } from "@/lib/queries/capacity/points";
import { cn } from "@/lib/utils";
import { CapacityChart } from "./capacity-chart";
import { RunwayAnswer } from "./runway-answer";
import { CapacityDeltaAnswer, GapDeltaTable } from "./scenario-delta";
import { runwayMove } from "@/lib/metrics/scenario-delta";
import { signedMonths } from "@/lib/format/signed";
import { AppLink } from "@/components/links/app-link";
import { SelectionNote } from "@/components/filters/selection-note";

const num = (d: Dec) => formatDecimal(d.toNumber(), 0);
const gapCell = (d: Dec, key: string | number) => (
  <span key={key} className={cn(d.isNegative() && "font-medium text-red-700 dark:text-red-300")}>
    {num(d)}
  </span>
);
const METHOD: Record<string, string> = {
  "damped-holt": "Damped Holt",
  "holt-winters": "Holt-Winters (damped)",
  naive: "Last value (< 4 months)",
  none: "No use recorded",
  sum: "Sum of groups",
};

function RunwayTable({ view, filters }: { view: View; filters: PlanningFilters }) {
  const last = view.months[view.months.length - 1]!;
  const rows = [...view.byFamily].sort(
    (a, b) => (a.line.runway?.from.getTime() ?? Infinity) - (b.line.runway?.from.getTime() ?? Infinity) || a.family.localeCompare(b.family),
  );
  const cell = (r: { from: Date } | null) => (r ? formatMonth(r.from) : `Beyond ${formatMonthShort(last.from)}`);
  const base = view.baseline;
  const baseRunway = (key: string) =>
    key === "overall" ? base!.runway.overall.runway : (base!.runway.byFamily.find((f) => f.family === key)?.line.runway ?? null);
  const change = (line: View["overall"]): ReactNode[] => {
    if (!base) return [];
    const move = runwayMove(baseRunway(line.key), line.runway);
    return [
      cell(move.from),
      move.unchanged ? "unchanged" : move.shift === null ? (move.to ? "earlier" : "later") : signedMonths(move.shift),
    ];
  };
  const row = (label: ReactNode, line: View["overall"]): ReactNode[] => {
    const i = line.runway ? view.months.findIndex((m) => m.from.getTime() === line.runway!.from.getTime()) : -1;
    const p = i >= 0 ? line.points[i]! : null;
    return [
      label,
      <span key="r" className={cn(line.runway && "font-medium text-red-700 dark:text-red-300")}>
        {cell(line.runway)}
      </span>,
      ...change(line),
      p ? num(p.capacity) : "—",
      p ? num(p.demand.median) : "—",
      p ? gapCell(p.gap, "g") : "—",
      cell(line.points.find((q) => q.demand.upper95.greaterThan(q.capacity))?.month ?? null),
      line.method === "sum" ? "—" : `${METHOD[line.method]}, ${line.historyMonths} mo`,
    ];
  };
  return (
    <DataTable
      caption="Runway per family and overall, in H100e"
      columns={[
        { header: "Family" },
        { header: "Runway (median)" },
        ...(base ? [{ header: "Baseline runway" }, { header: "Change" }] : []),
        { header: "Capacity then", numeric: true },
        { header: "Demand then", numeric: true },
        { header: "Gap then", numeric: true },
        { header: "Runway at upper 95 %" },
        { header: "Forecast" },
      ]}
      rows={rows.map((f) =>
        row(
          <AppLink
            key={f.family}
            href={`/capacity${planningQuery(filters, { family: f.family }, {}, CAPACITY_DEFAULTS)}`}
            className="inline-flex items-center gap-2 underline"
          >
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: familyColor(f.family) }} />
            {f.family}
          </AppLink>,
          f.line,
        ),
      )}
      total={row("All families", view.overall)}
      empty="No capacity, use or demand plan matches these filters."
    />
  );
}

function Drivers({ view }: { view: View }) {
  const { drivers, label } = view.focus;
  const last = view.months[view.months.length - 1]!;
  return (
    <>
      <DataTable
        caption={`Runway of ${label} under other assumptions`}
        columns={[{ header: "If" }, { header: "Runway" }]}
        rows={drivers.sensitivity.map((s) => [s.label, s.runway ? formatMonth(s.runway.from) : `Beyond ${formatMonth(last.from)}`])}
      />
      <h3 className="mt-5 text-sm font-semibold">Largest demand plans ahead</h3>
      {view.plansLeftOut ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Demand plans name a family, not a provider or site, so they are left out while a provider or site filter is set.
        </p>
      ) : null}
      <DataTable
        caption={`Largest demand plans of ${label} that start this month or later`}
        columns={[
          { header: "Plan" },
          { header: "Family" },
          { header: "Kind" },
          { header: "Priority", numeric: true },
          { header: "H100e", numeric: true },
          { header: "From" },
          { header: "Until" },
          { header: "In runway month" },
        ]}
        rows={drivers.plans.map((p) => [
          p.name,
          p.family,
          p.kind,
          p.priority,
          num(p.h100e),
          formatMonth(p.startAt),
          formatDay(p.endAt),
          p.inRunwayMonth ? "Yes" : "No",
        ])}
        empty="No demand plan starts within the horizon."
      />
      <h3 className="mt-5 text-sm font-semibold">
        Blocks ending{" "}
        {view.focus.line.runway ? `before or up to 3 months after ${formatMonth(view.focus.line.runway.from)}` : "within the horizon"}
      </h3>
      <DataTable
        caption={`Largest blocks of ${label} ending from ${formatDay(drivers.expiringWindow.from)} to ${formatDay(drivers.expiringWindow.to)}`}
        columns={[
          { header: "Reservation" },
          { header: "Provider" },
          { header: "Site" },
          { header: "Family" },
          { header: "Accelerators", numeric: true },
          { header: "H100e", numeric: true },
          { header: "Ends" },
        ]}
        rows={drivers.expiring.map((b) => [
          <AppLink key={b.id} href={`/reservations/${b.id}`} className="underline">
            {b.name}
          </AppLink>,
          b.providerName,
          b.siteName,
          b.family,
          formatDecimal(b.quantity, 0),
          num(b.h100e),
          <span key="e" className={cn(b.beforeRunway && "font-medium text-red-700 dark:text-red-300")}>
            {formatDay(b.endAt)}
          </span>,
        ])}
        empty="No block ends in that window."
      />
    </>
  );
}

export function CapacityView({ view, filters, filterBar }: { view: View; filters: PlanningFilters; filterBar: ReactNode }) {
  const unitLabel = view.unit === "h100e" ? "H100e" : "accelerators";
  const subject = view.selection
    ? `what ${view.selection.label} holds${filters.family ? ` of ${filters.family}` : ""}`
    : (filters.family ?? (filters.provider || filters.site ? "the filtered blocks" : "all families"));
  const runwayMonth = view.total.runway;
  const csv = (table: string) => `/capacity/export.csv${planningQuery(filters, {}, { table }, CAPACITY_DEFAULTS)}`;
  const byLabel = view.by === "family" ? "family" : view.by;
  return (
    <div className="mx-auto max-w-7xl pb-10">
      <h1 className="text-2xl font-semibold tracking-tight">Capacity</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        When do we run out of accelerators, and what does that depend on? Capacity in service against demand — the usage forecast plus
        demand plans — month by month
        {view.model.scenario ? `, in the scenario “${view.model.scenario.name}”` : ", baseline"}.
      </p>
      {view.selection ? (
        <SelectionNote
          label={view.selection.label}
          clearHref={planningQuery(filters, { team: null, workload: null }, {}, CAPACITY_DEFAULTS) || "?"}
        >
          capacity is the accelerators allocated to its workloads (each allocation over its period), demand their demand plans plus the
          forecast of their share of the blocks&apos; use
        </SelectionNote>
      ) : null}
      <RunwayAnswer view={view} />
      <CapacityDeltaAnswer view={view} />
      <div className="mt-4">{filterBar}</div>
      {view.model.warnings.length ? (
        <ul className="mt-3 text-sm text-amber-800 dark:text-amber-300">
          {view.model.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      <Panel
        id="capacity-vs-demand"
        title={`Capacity vs demand, ${subject}, in ${unitLabel}`}
        description={`Average ${unitLabel} per month: the last 12 months actual, then 24 months forecast. Demand = (forecast of use + demand plans) × (1 + the scenario's demand growth, ${formatDecimal(view.model.demandGrowthPct, 2)} %); shaded: its 80 % and 95 % prediction bands.`}
      >
        <CapacityChart
          points={capacityChartPoints(view.total)}
          unit={view.unit}
          label={`Capacity vs demand for ${subject}, average ${unitLabel} per month, with 80 % and 95 % bands`}
          runwayLabel={runwayMonth ? formatMonthShort(runwayMonth.from) : null}
        />
        <ChartTableData
          csvHref={csv("total")}
          table={{
            caption: `Capacity, demand and gap per month for ${subject}, in ${unitLabel}`,
            columns: [
              { header: "Month" },
              { header: "Capacity", numeric: true },
              { header: "Forecast use", numeric: true },
              { header: "Plans", numeric: true },
              { header: "Demand (median)", numeric: true },
              { header: "80 % band", numeric: true },
              { header: "95 % band", numeric: true },
              { header: "Gap", numeric: true },
            ],
            rows: view.total.points.map((p) => [
              formatMonth(p.month.from),
              num(p.capacity),
              num(p.forecast.median),
              num(p.planned),
              num(p.demand.median),
              `${num(p.demand.lower80)} – ${num(p.demand.upper80)}`,
              `${num(p.demand.lower95)} – ${num(p.demand.upper95)}`,
              { text: num(p.gap), over: p.gap.isNegative() },
            ]),
          }}
        />
      </Panel>

      <Panel
        id="runway"
        title="Runway by family"
        description="Runway = the first month whose median demand exceeds the H100e in service, per family and for all families pooled (PRODUCT.md §3). Pick a family to see what drives it."
      >
        <RunwayTable view={view} filters={filters} />
        <p className="mt-2">
          <CsvLink href={csv("runway")} label="Export runway CSV" />
        </p>
      </Panel>

      <Panel
        id="drivers"
        title={`What drives the runway of ${view.focus.label}`}
        description="The runway under other assumptions, the largest demand plans that start this month or later, and the largest blocks that end before or around the runway month."
      >
        <Drivers view={view} />
      </Panel>

      <Panel
        id="gap"
        title={`Gap by ${byLabel}, in ${unitLabel}`}
        description={`Capacity − median demand per month; red where demand exceeds capacity.${view.by !== "family" ? " Demand plans name only a family, so they form their own row." : ""}`}
      >
        <div data-testid="gap-table">
          <DataTable
            caption={`Gap (capacity − median demand) by ${byLabel} and month, in ${unitLabel}`}
            columns={[
              { header: view.by === "family" ? "Family" : view.by === "provider" ? "Provider" : "Site" },
              ...view.months.map((m) => ({ header: formatMonthShort(m.from), numeric: true })),
            ]}
            rows={view.groups.map((g) => [g.label, ...g.points.map((p, i) => gapCell(p.gap, i))])}
            total={view.groups.length > 1 ? ["Total", ...view.total.points.map((p, i) => gapCell(p.gap, i))] : undefined}
            empty="No capacity, use or demand plan matches these filters."
          />
        </div>
        <p className="mt-2">
          <CsvLink href={csv("gap")} label="Export gap table CSV" />
        </p>
        <GapDeltaTable view={view} />
      </Panel>

      <Panel id="method" title="How this is computed">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
          <li>
            Capacity = Σ accelerators (× h100_equivalent for H100e) × hours of the month inside the block ÷ hours of the month; blocks start
            at their delivery date; scenario overrides applied.
          </li>
          <li>
            Use = utilization_monthly (used accelerator-hours, × h100_equivalent) ÷ hours of the month, from the first month with use
            reported for at least half its hours; the current month is forecast, not history.
          </li>
          <li>
            Forecast: damped Holt&apos;s linear trend (Holt-Winters additive with damping once 24 months exist), parameters chosen on a grid
            by least one-step squared error. Bands: median ± z × σ × √v<sub>h</sub>, σ from the one-step residuals, v<sub>h</sub> the h-step
            variance multiplier; z = 1.28 (80 %) and 1.96 (95 %). Families add their bands as independent errors.
          </li>
          <li>
            Demand = (forecast + demand plans) × (1 + the scenario&apos;s demand growth). Demand plans count from their start when it is
            this month or later (plans already running show in the use history).
          </li>
        </ul>
      </Panel>
    </div>
  );
}
