import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { ImportCsvLink } from "@/components/imports/registers/import-csv-link";
import { ListView, type Column } from "@/components/lists/list-view";
import { ProcurementLinks } from "@/components/exports/procurement-links";
import { StatusBadge } from "@/components/registers/status-badge";
import { ComputedStatusBadge, consumedShare } from "@/components/contracts/computed-status";
import { burndownInCents } from "@/lib/metrics/burndown";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import { formatMoney, formatMoneyExact } from "@/lib/format/number";
import { listQuery, type RawSearchParams } from "@/lib/queries/lists/params";
import { contractListPage, parseContractListParams, type ContractListRow } from "@/lib/queries/contracts";
import { ARCHIVED_OPTIONS } from "@/lib/queries/lists/filters";
import { registerOptions } from "@/lib/queries/lists/options";
import { CONTRACT_STATUSES } from "@/lib/enums";

export const metadata: Metadata = { title: "Contracts" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<ContractListRow>[] = [
  {
    key: "name",
    label: "Contract",
    sort: "name",
    render: (c) => (
      <>
        {c.name}
        <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
          {c.providerName}
          {c.reference ? ` · ${c.reference}` : null}
        </span>
      </>
    ),
    className: "min-w-44",
  },
  {
    key: "end",
    label: "Term",
    sort: "end",
    render: (c) => (
      <>
        {formatDay(c.startDate)}
        <span className="block">→ {formatDay(c.endDate)}</span>
      </>
    ),
    className: "whitespace-nowrap",
  },
  {
    key: "committed",
    label: "Committed",
    sort: "committed",
    align: "right",
    render: (c) => <Money value={c.committedAmount} currency={c.currency} />,
    className: "whitespace-nowrap",
  },
  {
    key: "consumed",
    label: "Consumed",
    sort: "consumed",
    align: "right",
    render: (c) => <Money value={burndownInCents(c.burndown).consumed.toFixed(2)} currency={c.currency} />,
    className: "whitespace-nowrap",
  },
  { key: "burned", label: "% burned", sort: "burned", align: "right", render: (c) => consumedShare(c.burndown) },
  {
    key: "projected",
    label: "Projected",
    sort: "projected",
    align: "right",
    render: (c) => (
      <>
        <Money value={burndownInCents(c.burndown).projected.toFixed(2)} currency={c.currency} />
        {c.burndown.ended ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">final (ended)</span> : null}
      </>
    ),
    className: "whitespace-nowrap",
  },
  { key: "gap", label: "Short / over", sort: "gap", align: "right", render: (c) => <Gap row={c} />, className: "whitespace-nowrap" },
  {
    key: "status",
    label: "Status",
    sort: "status",
    render: (c) => (
      <span className="inline-flex flex-col items-start gap-1">
        <StatusBadge status={c.archivedAt ? "archived" : c.status} />
        <ComputedStatusBadge
          burndown={c.burndown}
          currency={c.currency}
          recorded={c.status}
          term={{ start: c.startDate, end: c.endDate }}
          compact
        />
      </span>
    ),
  },
];

/** Compact ($46.2M) to keep the list on one screen; the exact amount on hover and in the CSV export. */
function Money({ value, currency, sign = "" }: { value: string; currency: string; sign?: string }) {
  return (
    <span title={`${sign}${formatMoneyExact(value, currency)}`}>
      {sign}
      {formatMoney(value, currency)}
    </span>
  );
}

/** Shortfall in red with a minus sign, overrun with a plus sign. */
function Gap({ row }: { row: ContractListRow }) {
  const c = burndownInCents(row.burndown);
  if (c.shortfall.gt(0))
    return (
      <span className="text-red-700 dark:text-red-400">
        <Money value={c.shortfall.toFixed(2)} currency={row.currency} sign="−" />
      </span>
    );
  if (c.overrun.gt(0)) return <Money value={c.overrun.toFixed(2)} currency={row.currency} sign="+" />;
  return <Money value="0" currency={row.currency} />;
}

export default async function ContractsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const params = parseContractListParams(await searchParams);
  const [result, options] = await Promise.all([contractListPage(ctx, params), registerOptions(ctx)]);
  return (
    <div className="mx-auto max-w-7xl">
      <h1 className="text-2xl font-semibold tracking-tight">Contracts</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Committed spend by provider and term, with each contract&apos;s burn-down: consumed so far, the share of the commitment burned,
        projected at end (consumed + scheduled blocks + other charges&apos; run-rate; the final position once ended) and the projected
        shortfall (−) or overrun (+). Open a contract for its burn-down, linked reservations and history.
      </p>
      <ListView
        title="Contracts"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(c) => `/contracts/${c.id}`}
        searchLabel="Name or reference"
        exportHref={can(ctx.actor.role, "export.csv") ? "/contracts/export.csv" : undefined}
        filterSelects={[
          { name: "provider", label: "Provider", options: options.providers },
          { name: "status", label: "Status", options: CONTRACT_STATUSES.map((s) => ({ value: s, label: s })) },
          { name: "archived", label: "Archived", options: ARCHIVED_OPTIONS },
        ]}
        actions={
          <>
            {can(ctx.actor.role, "export.csv") ? (
              <ProcurementLinks
                links={[{ href: `/contracts/procurement.csv${listQuery(params, { page: 1 })}`, label: "Procurement register" }]}
              />
            ) : null}
            {can(ctx.actor.role, "contracts.write") ? (
              <>
                <ImportCsvLink kind="contracts" />
                <Link
                  href="/contracts/new"
                  className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
                >
                  <Plus aria-hidden className="size-4" /> New contract
                </Link>
              </>
            ) : null}
          </>
        }
      />
    </div>
  );
}
