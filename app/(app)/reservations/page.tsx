import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { ListFilters, ListView, type Column, type FilterSelect } from "@/components/lists/list-view";
import { ProcurementLinks } from "@/components/exports/procurement-links";
import { StatusBadge } from "@/components/registers/status-badge";
import { ExpiringList } from "@/components/reservations/expiring-list";
import { ReservationTimeline } from "@/components/reservations/reservation-timeline";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import { formatRate } from "@/lib/format/number";
import { listQuery, type RawSearchParams } from "@/lib/queries/lists/params";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import { registerOptions } from "@/lib/queries/lists/options";
import {
  expiringReservations,
  parseReservationListParams,
  reservationListPage,
  reservationTimelinePage,
  type ReservationListRow,
} from "@/lib/queries/reservations";
import { timelineLayout, TIMELINE_GROUPS, type TimelineGroup } from "@/lib/queries/reservations/timeline";
import { RESERVATION_STATUSES } from "@/lib/enums";

export const metadata: Metadata = { title: "Reservations" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<ReservationListRow>[] = [
  { key: "name", label: "Reservation", sort: "name", render: (r) => r.name, className: "whitespace-nowrap" },
  { key: "provider", label: "Provider", sort: "provider", render: (r) => r.providerName },
  { key: "site", label: "Site", sort: "site", render: (r) => r.siteName },
  { key: "type", label: "Type", sort: "type", render: (r) => <span title={r.typeName}>{r.family}</span>, className: "whitespace-nowrap" },
  { key: "quantity", label: "Qty", sort: "quantity", align: "right", render: (r) => r.quantity.toLocaleString("en-US") },
  { key: "start", label: "Start", sort: "start", render: (r) => formatDay(r.startAt), className: "whitespace-nowrap" },
  { key: "end", label: "End", sort: "end", render: (r) => formatDay(r.endAt), className: "whitespace-nowrap" },
  {
    key: "rate",
    label: "Rate / AH",
    sort: "rate",
    align: "right",
    render: (r) => formatRate(r.rate, r.currency),
    className: "whitespace-nowrap",
  },
  { key: "status", label: "Status", sort: "status", render: (r) => <StatusBadge status={r.archivedAt ? "archived" : r.status} /> },
];

export default async function ReservationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const params = parseReservationListParams(raw);
  // ?expiring=all lists every block ending within 90 days instead of the soonest few.
  const showAllExpiring = raw.expiring === "all";
  const group: TimelineGroup = params.filters.group ?? "provider";
  const asOf = new Date();
  const window = { from: addUtcMonths(startOfUtcMonth(asOf), -12), to: addUtcMonths(startOfUtcMonth(asOf), 18) };
  const [result, options, timeline, expiring] = await Promise.all([
    reservationListPage(ctx, params),
    registerOptions(ctx),
    reservationTimelinePage(ctx, params, window),
    expiringReservations(ctx, params, asOf),
  ]);
  const groupHref = Object.fromEntries(
    TIMELINE_GROUPS.map((g) => [g, listQuery({ ...params, filters: { ...params.filters, group: g } })]),
  ) as Record<TimelineGroup, string>;
  const expiringAllHref = `${listQuery(params)}&expiring=all`;
  const timelineHref = (page: number) =>
    `${listQuery({ ...params, filters: { ...params.filters, timeline: page > 1 ? page : undefined } })}#timeline-heading`;
  const filterSelects: FilterSelect[] = [
    { name: "provider", label: "Provider", options: options.providers },
    { name: "site", label: "Site", options: options.sites },
    { name: "family", label: "Family", options: options.families },
    { name: "contract", label: "Contract", options: options.contracts },
    { name: "status", label: "Status", options: RESERVATION_STATUSES.map((s) => ({ value: s, label: s })) },
    { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
    { name: "group", label: "Timeline by", options: TIMELINE_GROUPS.map((g) => ({ value: g, label: g })) },
  ];
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Reservations</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Capacity blocks: what is reserved where, from when to when, at what rate. These filters apply to the timeline, the expiry list and
        the table.
      </p>
      <div className="mt-4">
        <ListFilters title="Reservations" params={params} searchLabel="Name or capacity reservation id" filterSelects={filterSelects} />
      </div>
      <ReservationTimeline
        lanes={timelineLayout(timeline.rows, group, window, asOf)}
        window={window}
        asOf={asOf}
        group={group}
        paging={{
          page: timeline.page,
          pageCount: timeline.pageCount,
          pageSize: timeline.pageSize,
          total: timeline.total,
          previousHref: timeline.page > 1 ? timelineHref(timeline.page - 1) : null,
          nextHref: timeline.page < timeline.pageCount ? timelineHref(timeline.page + 1) : null,
        }}
        groupHref={groupHref}
      />
      <ExpiringList rows={expiring} asOf={asOf} allHref={showAllExpiring ? null : `${expiringAllHref}#expiring-heading`} />
      <h2 className="mt-8 mb-3 text-lg font-semibold">All reservations</h2>
      <ListView
        title="Reservations"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(r) => `/reservations/${r.id}`}
        searchLabel="Name or capacity reservation id"
        exportHref={can(ctx.actor.role, "export.csv") ? "/reservations/export.csv" : undefined}
        separateFilters
        actions={
          <>
            {can(ctx.actor.role, "export.csv") ? (
              <ProcurementLinks
                links={[
                  { href: `/reservations/schedule.csv${listQuery(params, { page: 1 })}`, label: "Schedule CSV" },
                  { href: "/reservations/renewals.csv", label: "Renewals CSV" },
                  { href: "/reservations/renewals.ics", label: "Renewals calendar", calendar: true },
                ]}
              />
            ) : null}
            {can(ctx.actor.role, "reservations.write") ? (
              <>
                <ImportCsvLink kind="reservations" />
                <Link
                  href="/reservations/new"
                  className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
                >
                  <Plus aria-hidden className="size-4" /> New reservation
                </Link>
              </>
            ) : null}
          </>
        }
      />
    </div>
  );
}
