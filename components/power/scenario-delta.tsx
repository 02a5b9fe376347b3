import { DataTable } from "@/components/overview/data-table";
import { formatMonth } from "@/lib/format/date";
import { formatMw } from "@/lib/format/number";
import { signedMw } from "@/lib/format/signed";
import type { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import { headroomDeltas, monthRuns, type HeadroomDelta } from "@/lib/metrics/scenario-delta";
import type { PowerPage } from "@/lib/queries/power";
import { cn } from "@/lib/utils";

/** "Oct 2027 – Dec 2028, Mar 2029": consecutive months as one span. */
export function monthRunsText(months: readonly Period[]): string {
  return monthRuns(months)
    .map((r) => (r.first.getTime() === r.last.getTime() ? formatMonth(r.first) : `${formatMonth(r.first)} – ${formatMonth(r.last)}`))
    .join(", ");
}

const mw = (d: Dec | null) => (d ? formatMw(d.toNumber()) : "—");

/** "Abilene over budget Oct 2027 – Dec 2028, −12.6 MW → −18.3 MW (3 months newly over)" for a site the scenario pushes over. */
export function pushedOverText(d: HeadroomDelta): string {
  const newly = d.newlyOver.length ? ` (${d.newlyOver.length} month${d.newlyOver.length === 1 ? "" : "s"} newly over)` : "";
  return `${d.siteName} over budget ${monthRunsText(d.pushedOver)}, lowest headroom ${mw(d.from)} → ${mw(d.to)}${newly}`;
}

/** The sites the scenario changes: lowest headroom from → to, and the months it pushes over (or further over) budget. */
export function PowerDelta({ page }: { page: PowerPage }) {
  if (!page.baseline) return null;
  const { scenarioName } = page.baseline;
  const deltas = headroomDeltas(page.baseline.sites, page.sites);
  const changed = deltas.filter((d) => d.pushedOver.length > 0 || !d.delta?.isZero());
  const pushed = deltas.filter((d) => d.pushedOver.length > 0);
  return (
    <section
      aria-labelledby="power-delta-heading"
      data-testid="power-delta"
      className="mt-3 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      <h2 id="power-delta-heading" className="font-semibold">
        “{scenarioName}” against the baseline
      </h2>
      <p className="mt-1">
        {pushed.length === 0
          ? "Pushes no site over its power budget (or further over) in this range."
          : `Pushes ${pushed.length === 1 ? "1 site" : `${pushed.length} sites`} over budget or further over: ${pushed.map(pushedOverText).join("; ")}.`}
      </p>
      {changed.length ? (
        <DataTable
          caption="Headroom change per site, scenario against baseline"
          columns={[
            { header: "Site" },
            { header: "Lowest headroom, baseline", numeric: true },
            { header: "Scenario", numeric: true },
            { header: "Change", numeric: true },
            { header: "Over budget, worse than baseline" },
            { header: "Newly over budget" },
          ]}
          rows={changed.map((d) => [
            d.siteName,
            mw(d.from),
            <span key="to" className={cn(d.to?.isNegative() && "font-medium text-red-700 dark:text-red-300")}>
              {mw(d.to)}
            </span>,
            signedMw(d.delta),
            d.pushedOver.length ? monthRunsText(d.pushedOver) : "—",
            d.newlyOver.length ? monthRunsText(d.newlyOver) : "—",
          ])}
        />
      ) : (
        <p className="mt-1">The scenario changes no site&apos;s headroom in this range.</p>
      )}
    </section>
  );
}
