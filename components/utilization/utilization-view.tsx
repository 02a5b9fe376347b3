import Link from "next/link";
import { LineChart } from "@/components/charts/line-chart";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { ah, money, pct } from "@/components/costs/format";
import { DataTable } from "@/components/overview/data-table";
import { MethodSection } from "@/components/overview/method-section";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatMoney, formatRate } from "@/lib/format/number";
import type { UtilizationView } from "@/lib/queries/utilization";
import { idleCostBars, unmeasuredNote, utilizationLines } from "@/lib/queries/utilization/points";
import { addUtcDays } from "@/lib/metrics/calendar";

export const WORST_OFFENDERS = 15;

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

const BY_LABEL = { family: "family", provider: "provider", site: "site" } as const;

export function UtilizationBody({
  view,
  links,
}: {
  view: UtilizationView;
  /** month: null when the range has no monthly view (a range of days). */
  links: { month: string | null; day: string; blocksCsv: string | null; seriesCsv: string | null };
}) {
  const lines = utilizationLines(view);
  const idle = idleCostBars(view);
  const bucketLabel = (d: Date) => (view.grain === "month" ? formatMonth(d) : formatDay(d));
  const worst = view.blocks.filter((b) => !b.idleCost.isZero()).slice(0, WORST_OFFENDERS);
  const unmeasured = unmeasuredNote(view.unmeasured.length);
  return (
    <div className="space-y-8">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="utilization-kpis">
        <Kpi label="Utilization" value={pct(view.total.utilization)} />
        <Kpi label="Capacity (AH)" value={ah(view.total.capacityAh)} />
        <Kpi label="Used (AH)" value={ah(view.total.usedAh)} />
        <Kpi label="Idle (AH)" value={ah(view.total.idleAh)} />
        <Kpi label="Idle cost" value={formatMoney(view.total.idleCost.toNumber())} />
      </dl>
      {unmeasured ? (
        <details className="text-sm text-slate-600 dark:text-slate-400" data-testid="utilization-unmeasured">
          <summary className="cursor-pointer">{unmeasured}</summary>
          <p className="mt-1">
            These blocks were in service from {formatDay(view.period.from)} to {formatDay(addUtcDays(view.period.to, -1))} but reported no
            utilization, so neither their capacity nor their use is in the figures above: {view.unmeasured.map((b) => b.name).join(", ")}.
          </p>
        </details>
      ) : null}

      <section aria-labelledby="over-time" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="over-time" className="text-lg font-semibold">
            Utilization by {BY_LABEL[view.by]} over time
          </h2>
          <div className="flex items-center gap-4 text-sm">
            <nav aria-label="Granularity" className="flex items-center gap-2">
              {view.grain === "month" ? (
                <span aria-current="true" className="font-medium">
                  Monthly
                </span>
              ) : links.month ? (
                <Link href={links.month} className="text-brand-700 underline dark:text-brand-300">
                  Monthly
                </Link>
              ) : null}
              {view.grain === "day" ? (
                <span aria-current="true" className="font-medium">
                  Daily
                </span>
              ) : (
                <Link href={links.day} className="text-brand-700 underline dark:text-brand-300">
                  Daily
                </Link>
              )}
            </nav>
            {links.seriesCsv ? (
              <a href={links.seriesCsv} download className="text-brand-700 underline dark:text-brand-300">
                Export series CSV
              </a>
            ) : null}
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <p className="mb-2 text-xs font-medium text-slate-600 dark:text-slate-400">Utilization (used AH ÷ capacity AH), %</p>
            <LineChart
              data={lines.data}
              series={lines.series}
              unit="percent"
              label={`Utilization per ${view.grain} by ${view.by}, in percent`}
              height={240}
              domain={[0, 100]}
            />
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <p className="mb-2 text-xs font-medium text-slate-600 dark:text-slate-400">Idle cost of reserved blocks, US dollars</p>
            <StackedBarChart
              data={idle.data}
              series={idle.series}
              unit="usd"
              label={`Idle cost per ${view.grain} by ${view.by}, in US dollars`}
              height={240}
            />
          </div>
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">View utilization and idle cost as a table</summary>
          <DataTable
            caption={`Utilization and idle cost per ${view.grain} by ${view.by}`}
            columns={[
              { header: view.grain === "month" ? "Month" : "Day" },
              { header: "All blocks", numeric: true },
              { header: "Idle AH", numeric: true },
              { header: "Idle cost", numeric: true },
              ...view.groups.map((g) => ({ header: g, numeric: true })),
            ]}
            rows={view.buckets.map((b) => [
              bucketLabel(b.bucket.from),
              pct(b.total.utilization),
              ah(b.total.idleAh),
              money(b.total.idleCost),
              ...view.groups.map((g) => pct(b.groups.get(g)?.utilization ?? null)),
            ])}
          />
        </details>
      </section>

      <section aria-labelledby="worst" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="worst" className="text-lg font-semibold">
            Worst offenders: largest idle cost
          </h2>
          {links.blocksCsv ? (
            <a href={links.blocksCsv} download className="text-sm text-brand-700 underline dark:text-brand-300">
              Export every block CSV
            </a>
          ) : null}
        </div>
        <DataTable
          caption="Blocks with the largest idle cost in the period"
          columns={[
            { header: "Block" },
            { header: "Provider" },
            { header: "Site" },
            { header: "Family" },
            { header: "Rate", numeric: true },
            { header: "Capacity AH", numeric: true },
            { header: "Used AH", numeric: true },
            { header: "Utilization", numeric: true },
            { header: "Idle AH", numeric: true },
            { header: "Idle cost", numeric: true },
          ]}
          rows={worst.map((b) => [
            <Link
              key={b.block.id}
              href={`/reservations/${b.block.reservationId ?? b.block.id}`}
              className="text-brand-700 underline dark:text-brand-300"
            >
              {b.block.name}
            </Link>,
            b.block.providerName,
            b.block.siteName,
            b.block.family,
            formatRate(b.block.rate, b.block.currency),
            ah(b.capacityAh),
            ah(b.usedAh),
            pct(b.utilization),
            ah(b.idleAh),
            money(b.idleCost),
          ])}
          empty="No reserved block sat idle in this period."
        />
        {view.blockCount > 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {view.blockCount} blocks had capacity or use in the period; the {worst.length} with the largest idle cost are shown, the CSV has
            them all.
          </p>
        ) : null}
      </section>

      <MethodSection
        id="utilization-method"
        title="How utilization and idle cost are computed"
        definition={
          <>
            Used accelerator-hours come from the {view.grain === "month" ? "monthly" : "daily"} utilization rollups (never the hourly rows).
            Capacity AH = quantity × the hours of the {view.grain} inside the block&apos;s [start, end) — start moved to the delivery date
            when capacity arrived late — counted up to the start of today ({formatDay(view.measuredTo)}, UTC), so hours not yet measured do
            not look idle. Utilization = used AH ÷ capacity AH over the measured blocks; a block with no utilization row in the period is
            unmeasured, left out of both and counted above (the Overview&apos;s figure is &ldquo;Last 30 days&rdquo; here, by the same
            rule). Idle AH = capacity − used; idle cost = (capacity − used) × rate for reserved blocks (on-demand and spot blocks pay only
            for hours used), in US dollars. The worst offenders rank blocks by idle cost over the whole period.
          </>
        }
      >
        {null}
      </MethodSection>
    </div>
  );
}
