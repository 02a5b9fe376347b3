import Link from "next/link";
import { ChartTableData, CsvLink, Panel } from "@/components/answers/chart-table";
import type { PlainCell } from "@/components/answers/lazy-chart-table";
import { LineChart } from "@/components/charts/line-chart";
import { DataTable } from "@/components/overview/data-table";
import { SitePowerChart } from "@/components/sites/site-power-chart";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMw } from "@/lib/format/number";
import { planningQuery, type PlanningFilters } from "@/lib/queries/filters/params";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import type { PowerCauses, PowerPage } from "@/lib/queries/power";
import { CAUSES_SHOWN, causeParam, headroomLines, shownCauses } from "@/lib/queries/power/points";
import { sitePowerPoints } from "@/lib/queries/sites/power-points";
import { cn } from "@/lib/utils";
import { AppLink, InAppOnly, isSharedRender } from "@/components/links/app-link";
import { PowerDelta } from "./scenario-delta";

const DEFAULTS = { range: "24m" } as const;

function Answer({ page, link }: { page: PowerPage; link: string }) {
  const first = page.firstOver;
  const range = page.months.length
    ? `${formatMonth(page.months[0]!.from)} – ${formatMonth(page.months[page.months.length - 1]!.from)}`
    : "";
  if (!first) {
    const tight = page.sites
      .map((s) => ({ s, t: s.tightest }))
      .filter((x) => x.t)
      .sort((a, b) => a.t!.headroomMw.comparedTo(b.t!.headroomMw))[0];
    return (
      <p
        data-testid="power-answer"
        className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      >
        <strong>No site goes over its power budget</strong> in {range}.
        {tight
          ? ` Tightest: ${tight.s.siteName} in ${formatMonth(tight.t!.month.from)}, ${formatMw(tight.t!.headroomMw.toNumber())} of headroom.`
          : ""}
      </p>
    );
  }
  return (
    <p
      data-testid="power-answer"
      className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <strong>{first.siteName}</strong> goes over its power budget first, in <strong>{formatMonth(first.month.from)}</strong>: facility load{" "}
      {formatMw(first.facilityMw.toNumber())} against {formatMw(first.budgetMw.toNumber())} contracted (
      {formatMw(first.headroomMw.toNumber())}).{" "}
      <InAppOnly>
        <Link href={link} className="font-medium underline">
          Which reservations cause it
        </Link>
      </InAppOnly>
    </p>
  );
}

function Causes({ page, filters, allCauses }: { page: PowerPage; filters: PlanningFilters; allCauses: boolean }) {
  const c = page.causes;
  if (!c) return null;
  const cause = causeParam(c.siteId, c.point.month);
  const csv = `/power/export.csv${planningQuery(filters, {}, { table: "causes", cause }, DEFAULTS)}`;
  const allHref = allCauses ? null : `${planningQuery(filters, {}, { cause, causes: "all" }, DEFAULTS)}#causes`;
  return <PowerCausesPanel causes={c} csvHref={csv} allHref={allHref} pickHint="Pick another month in a site's table below." />;
}

/**
 * The blocks drawing power at a site in one month, largest facility load first (/power and the site page): the
 * largest CAUSES_SHOWN with a link to all of them (`allHref`), or every block when `allHref` is null. The CSV has all.
 */
export function PowerCausesPanel({
  causes: c,
  csvHref,
  allHref,
  pickHint,
}: {
  causes: PowerCauses;
  csvHref: string;
  allHref: string | null;
  pickHint: string;
}) {
  const over = c.point.overBudget;
  const blocks = shownCauses(c.blocks, allHref === null);
  return (
    <Panel
      id="causes"
      title={`What draws power at ${c.siteName} in ${formatMonth(c.point.month.from)}`}
      description={`The blocks in service at the month's tightest moment (${formatDay(c.point.at)}), largest facility load first: facility MW = accelerators × system W ÷ 10⁶ × PUE. ${pickHint}`}
    >
      <p className={cn("text-sm font-medium", over ? "text-red-700 dark:text-red-300" : "")} data-testid="causes-summary">
        {over
          ? `Over budget by ${formatMw(c.point.headroomMw.neg().toNumber())}: ${formatMw(c.point.facilityMw.toNumber())} facility load against ${formatMw(c.point.budgetMw.toNumber())} contracted.`
          : `Within budget: ${formatMw(c.point.facilityMw.toNumber())} facility load against ${formatMw(c.point.budgetMw.toNumber())} contracted.`}
      </p>
      <DataTable
        caption={`Blocks drawing power at ${c.siteName} in ${formatMonth(c.point.month.from)}`}
        columns={[
          { header: "Reservation" },
          { header: "Provider" },
          { header: "Accelerator" },
          { header: "Accelerators", numeric: true },
          { header: "IT load", numeric: true },
          { header: "Facility load", numeric: true },
          { header: "Share", numeric: true },
          { header: "In service" },
        ]}
        rows={blocks.map((b) => [
          b.added ? (
            `${b.name} (scenario)`
          ) : (
            <AppLink key={b.id} href={`/reservations/${b.id}`} className="underline">
              {b.name}
            </AppLink>
          ),
          b.providerName,
          b.typeName,
          formatDecimal(b.quantity, 0),
          formatMw(b.itMw.toNumber()),
          formatMw(b.facilityMw.toNumber()),
          c.point.facilityMw.isZero() ? "—" : `${formatDecimal(b.facilityMw.div(c.point.facilityMw).times(100).toNumber(), 1)} %`,
          `${formatDay(b.startAt)} – ${formatDay(b.endAt)}${b.startedInMonth ? " · new this month" : ""}`,
        ])}
        empty="No block draws power at this site in that month."
      />
      {blocks.length < c.blocks.length ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" data-testid="causes-shown">
          The {CAUSES_SHOWN} largest of {c.blocks.length.toLocaleString("en-US")}.{" "}
          <AppLink href={allHref!} className="text-brand-700 underline dark:text-brand-300">
            Show all {c.blocks.length.toLocaleString("en-US")}
          </AppLink>
        </p>
      ) : null}
      <p className="mt-2">
        <CsvLink href={csvHref} />
      </p>
    </Panel>
  );
}

const SITE_COLUMNS = [
  { header: "Month" },
  { header: "Budget", numeric: true },
  { header: "IT load", numeric: true },
  { header: "Facility load", numeric: true },
  { header: "Headroom", numeric: true },
  { header: "Status" },
];

function SiteCard({
  site,
  filters,
  selected,
  shared,
}: {
  site: PowerPage["sites"][number];
  filters: PlanningFilters;
  selected: string | null;
  shared: boolean;
}) {
  const points = sitePowerPoints(site.monthly);
  return (
    <section
      aria-labelledby={`site-${site.siteId}`}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="power-site"
    >
      <h3 id={`site-${site.siteId}`} className="font-semibold">
        <AppLink href={`/sites/${site.siteId}`} className="hover:underline">
          {site.siteName}
        </AppLink>
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
          {site.providerName} · PUE {formatDecimal(site.pue.toNumber(), 2)}
        </span>
      </h3>
      <p
        className={cn("mt-1 text-sm", site.firstOver ? "font-medium text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400")}
      >
        {site.firstOver
          ? `Over budget in ${site.overBudgetMonths} of ${site.monthly.length} months, first in ${formatMonth(site.firstOver.month.from)}.`
          : site.tightest
            ? `Within budget; tightest ${formatMonth(site.tightest.month.from)} with ${formatMw(site.tightest.headroomMw.toNumber())} headroom.`
            : "Within budget."}
      </p>
      <div className="mt-2">
        <SitePowerChart points={points} label={`Projected facility load vs budget at ${site.siteName}, by month`} />
      </div>
      <ChartTableData
        summary={`View ${site.siteName} as table`}
        table={{
          caption: `Budget, IT and facility load and headroom by month at ${site.siteName}`,
          columns: SITE_COLUMNS,
          rows: site.monthly.map((p): PlainCell[] => {
            const param = causeParam(site.siteId, p.month);
            const month = formatMonth(p.month.from);
            const headroom = formatMw(p.headroomMw.toNumber());
            return [
              // In a shared view, the month is text (no link into the app).
              shared
                ? month
                : {
                    text: month,
                    href: `${planningQuery(filters, {}, { cause: param }, DEFAULTS) || "?"}#causes`,
                    ...(selected === param ? { current: true } : {}),
                  },
              formatMw(p.budgetMw.toNumber()),
              formatMw(p.itMw.toNumber()),
              formatMw(p.facilityMw.toNumber()),
              p.overBudget ? { text: headroom, over: true } : headroom,
              p.overBudget ? { text: "Over budget", over: true } : "Within budget",
            ];
          }),
        }}
      />
    </section>
  );
}

/** `allCauses`: list every block drawing power in the causes table (`?causes=all`; a report, which has no link to follow). */
export function PowerView({
  page,
  filters,
  filterBar,
  allCauses = false,
}: {
  page: PowerPage;
  filters: PlanningFilters;
  filterBar: React.ReactNode;
  allCauses?: boolean;
}) {
  const shared = isSharedRender();
  const lines = headroomLines(page.months, page.sites);
  const selected = page.causes ? causeParam(page.causes.siteId, page.causes.point.month) : null;
  const causeLink = `${planningQuery(filters, {}, page.firstOver ? { cause: causeParam(page.firstOver.siteId, page.firstOver.month) } : {}, DEFAULTS) || "?"}#causes`;
  const overSites = page.sites.filter((s) => s.firstOver).length;
  const csv = `/power/export.csv${planningQuery(filters, {}, {}, DEFAULTS)}`;
  return (
    <div className="mx-auto max-w-7xl pb-10">
      <h1 className="text-2xl font-semibold tracking-tight">Power</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Which site goes over its power budget first? Projected IT and facility load per site against the contracted budget, month by month.
      </p>
      <Answer page={page} link={causeLink} />
      <PowerDelta page={page} />
      <div className="mt-4">{filterBar}</div>

      <Panel
        id="headroom"
        title="Headroom by site"
        description="Headroom = contracted MW − facility MW, where facility MW = Σ accelerators × system W ÷ 10⁶ × PUE over the reservations in place (planned ones included, expired ones not). Each month takes its lowest headroom; below the red line is over budget."
      >
        <p className="mb-2 text-sm">
          {overSites === 0
            ? "No site is over budget in this range."
            : `${overSites} of ${page.sites.length} sites go over budget in this range.`}
        </p>
        {page.sites.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No site with a power budget matches these filters.</p>
        ) : (
          <LineChart
            data={lines.data}
            series={lines.series}
            unit="mw"
            label="Power headroom per site by month, in MW"
            height={260}
            zeroLine
          />
        )}
        <ChartTableData
          csvHref={csv}
          table={{
            caption: "Headroom (MW) per site by month",
            columns: [{ header: "Site" }, ...page.months.map((m) => ({ header: formatMonth(startOfUtcMonth(m.from)), numeric: true }))],
            rows: page.sites.map((s): PlainCell[] => [
              s.siteName,
              ...s.monthly.map((p): PlainCell => {
                const headroom = formatMw(p.headroomMw.toNumber());
                return p.overBudget ? { text: headroom, over: true } : headroom;
              }),
            ]),
          }}
        />
        {page.unbudgeted.length ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            Not shown, no power budget recorded:{" "}
            {page.unbudgeted.map((s) => `${s.siteName} (peak ${formatMw(s.peakFacilityMw.toNumber())})`).join(", ")}.
          </p>
        ) : null}
      </Panel>

      <Causes page={page} filters={filters} allCauses={allCauses} />

      <section aria-labelledby="sites-heading" className="mt-8">
        <h2 id="sites-heading" className="text-lg font-semibold">
          Sites, first over budget first
        </h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          {page.sites.map((s) => (
            <SiteCard key={s.siteId} site={s} filters={filters} selected={selected} shared={shared} />
          ))}
        </div>
      </section>
    </div>
  );
}
