import type { ReactNode } from "react";
import { ChartTable, CsvLink, Panel } from "@/components/answers/chart-table";
import { BarListChart } from "@/components/charts/bar-list-chart";
import { DataTable } from "@/components/overview/data-table";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatDecimal } from "@/lib/format/number";
import { planningQuery, type PlanningFilters } from "@/lib/queries/filters/params";
import { DIMENSIONS, type Dimension, type HhiReading } from "@/lib/metrics/concentration";
import type { Period } from "@/lib/metrics/period";
import { DIMENSION_LABELS, type ConcentrationPage } from "@/lib/queries/concentration";
import { shareBars } from "@/lib/queries/concentration/points";
import { cn } from "@/lib/utils";

const READING: Record<HhiReading, { label: string; className: string }> = {
  unconcentrated: { label: "unconcentrated", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  moderate: { label: "moderately concentrated", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
  high: { label: "highly concentrated", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
};

const h100e = (v: { toNumber(): number }) => formatDecimal(v.toNumber(), 0);
const pct = (v: { toNumber(): number }) => `${formatDecimal(v.toNumber() * 100, 1)} %`;

function monthsBetween(a: Period, b: Period): number {
  return (b.from.getUTCFullYear() - a.from.getUTCFullYear()) * 12 + b.from.getUTCMonth() - a.from.getUTCMonth();
}

function runwayText(runway: Period | null, months: Period[]): string {
  if (runway) return formatMonth(runway.from);
  return months.length ? `Beyond ${formatMonth(months[months.length - 1]!.from)}` : "—";
}

function runwayChange(base: Period | null, left: Period | null): ReactNode {
  if (!left) return "—";
  if (!base) return <span className="font-medium text-red-700 dark:text-red-300">now within the horizon</span>;
  const n = monthsBetween(left, base);
  if (n === 0) return "unchanged";
  return (
    <span className="font-medium text-red-700 dark:text-red-300">
      {n} month{n === 1 ? "" : "s"} earlier
    </span>
  );
}

function Answer({ page }: { page: ConcentrationPage }) {
  const top = page.largest;
  if (!top) {
    return (
      <p
        data-testid="concentration-answer"
        className="mt-4 rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700"
      >
        No capacity is in service on {formatDay(page.at)}
        {page.family ? ` for ${page.family}` : ""}.
      </p>
    );
  }
  const row = page.loss.rows.find((r) => r.dimension === top.dimension && r.key === top.key);
  return (
    <p
      data-testid="concentration-answer"
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      Largest single dependency: <strong>{top.label}</strong> ({DIMENSION_LABELS[top.dimension].toLowerCase()}),{" "}
      <strong>{pct(top.share)}</strong> of the {h100e(page.totalH100e)} H100e in service. Losing it leaves{" "}
      {row ? h100e(row.capacityLeft) : "—"} H100e; runway{" "}
      {row ? `${runwayText(row.runwayLeft, page.months)} instead of ${runwayText(page.loss.runway, page.months)}` : "—"}.
    </p>
  );
}

function SharePanel({ page, dimension, csv }: { page: ConcentrationPage; dimension: Dimension; csv: string }) {
  const shares = page.shares[dimension];
  const hhi = page.hhi[dimension];
  const reading = READING[hhi.reading];
  const title = `By ${DIMENSION_LABELS[dimension].toLowerCase()}`;
  return (
    <section
      aria-labelledby={`share-${dimension}`}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={`share-${dimension}`}
    >
      <h3 id={`share-${dimension}`} className="font-semibold">
        {title}
      </h3>
      <p className="mt-1 text-sm">
        HHI{" "}
        <strong className="tabular-nums" data-testid="hhi-value">
          {formatDecimal(hhi.value.toNumber(), 0)}
        </strong>{" "}
        <span className={cn("ml-1 rounded px-1.5 py-0.5 text-xs font-medium", reading.className)}>{reading.label}</span>
      </p>
      <div className="mt-3">
        <BarListChart data={shareBars(dimension, shares)} unit="percent" label={`Share of H100e in service ${title.toLowerCase()}`} />
      </div>
      <ChartTable csvHref={csv}>
        <DataTable
          caption={`Share of H100e in service ${title.toLowerCase()}`}
          columns={[
            { header: DIMENSION_LABELS[dimension] },
            { header: "H100e", numeric: true },
            { header: "Share", numeric: true },
            { header: "Share² × 10,000", numeric: true },
          ]}
          rows={shares.map((s) => [s.label, h100e(s.h100e), pct(s.share), formatDecimal(s.share.pow(2).times(10_000).toNumber(), 0)])}
          total={["HHI", h100e(page.totalH100e), "100 %", formatDecimal(hhi.value.toNumber(), 0)]}
          empty="Nothing in service."
        />
      </ChartTable>
    </section>
  );
}

export function ConcentrationView({
  page,
  filters,
  filterBar,
}: {
  page: ConcentrationPage;
  filters: PlanningFilters;
  filterBar: ReactNode;
}) {
  const q = (table: string) => `/concentration/export.csv${planningQuery(filters, {}, { table })}`;
  return (
    <div className="mx-auto max-w-7xl pb-10">
      <h1 className="text-2xl font-semibold tracking-tight">Concentration</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        What do we lose if one provider, chip vendor or site fails? Shares of the H100-equivalents in service on {formatDay(page.at)}
        {page.family ? ` (${page.family} only)` : ""}.
      </p>
      <Answer page={page} />
      <div className="mt-4">{filterBar}</div>

      <Panel
        id="shares"
        title="Shares and Herfindahl index"
        description="Share = H100e of the blocks in service now (accelerators × h100_equivalent) ÷ all of them. HHI = Σ share² × 10,000 (10,000: one supplier). Read with the US DOJ/FTC bands (2010 Horizontal Merger Guidelines): below 1,500 unconcentrated, 1,500–2,500 moderately concentrated, above 2,500 highly concentrated."
      >
        <div className="grid gap-4 lg:grid-cols-3">
          {DIMENSIONS.map((d) => (
            <SharePanel key={d} page={page} dimension={d} csv={q("shares")} />
          ))}
        </div>
      </Panel>

      <Panel
        id="loss-of-one"
        title="Loss of one"
        description={`If one provider, chip vendor or site dropped out today: the H100e left, and the runway left — the first month whose median demand (the capacity page's forecast plus demand plans${page.scenario ? `, scenario ${page.scenario.name}` : ""}) exceeds the capacity without it. Runway with everything: ${runwayText(page.loss.runway, page.months)}.`}
      >
        <DataTable
          caption="Capacity and runway left if each provider, chip vendor or site drops out"
          columns={[
            { header: "Drops out" },
            { header: "Kind" },
            { header: "H100e lost", numeric: true },
            { header: "H100e left", numeric: true },
            { header: "Share left", numeric: true },
            { header: "Runway left", numeric: true },
            { header: "Change", numeric: true },
          ]}
          rows={page.loss.rows.map((r) => [
            r.label,
            DIMENSION_LABELS[r.dimension],
            h100e(r.lost),
            h100e(r.capacityLeft),
            pct(r.shareLeft),
            runwayText(r.runwayLeft, page.months),
            runwayChange(page.loss.runway, r.runwayLeft),
          ])}
          empty="No capacity."
        />
        <p className="mt-2">
          <CsvLink href={q("loss")} />
        </p>
      </Panel>
    </div>
  );
}
