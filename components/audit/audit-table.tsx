import Link from "next/link";
import { Download } from "lucide-react";
import { FieldChanges } from "@/components/history/field-changes";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { entityTypeLabel } from "@/lib/audit/readable";
import type { AuditResult } from "@/lib/queries/settings/audit";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Filters = { action?: string; entity?: string; actor?: string; from?: string; to?: string; page: number };

function query(filters: Filters, page = 1): string {
  const q = new URLSearchParams();
  for (const key of ["action", "entity", "actor", "from", "to"] as const) {
    const v = filters[key];
    if (v) q.set(key, v);
  }
  if (page > 1) q.set("page", String(page));
  return q.toString();
}

const pageHref = (filters: Filters, page: number) => `?${query(filters, page)}`;

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const SELECT = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";
const LINK = "text-brand-700 underline dark:text-brand-300";

export function AuditTable({ result, filters, canExport }: { result: AuditResult; filters: Filters; canExport: boolean }) {
  const exportQuery = query(filters);
  return (
    <>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-action">Action</Label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={SELECT}>
            <option value="">All actions</option>
            {result.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-entity">Record type</Label>
          <select id="audit-entity" name="entity" defaultValue={filters.entity ?? ""} className={SELECT}>
            <option value="">All records</option>
            {result.entityTypes.map((t) => (
              <option key={t} value={t}>
                {entityTypeLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-actor">Who</Label>
          <Input id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="email" className="w-56" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-from">From (UTC day)</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className="w-40" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-to">To (UTC day)</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className="w-40" />
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
        {canExport ? (
          <a
            href={`/settings/audit/export.csv${exportQuery ? `?${exportQuery}` : ""}`}
            className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            download
          >
            <Download aria-hidden className="size-4" /> Export CSV
          </a>
        ) : null}
      </form>
      {filters.from && filters.to && filters.from > filters.to ? (
        <p role="alert" className="mt-3 text-sm font-medium text-red-700 dark:text-red-400">
          &ldquo;From&rdquo; ({filters.from}) is after &ldquo;To&rdquo; ({filters.to}); no entry can match.
        </p>
      ) : null}
      <ScrollRegion
        label="Audit log entries"
        className="mt-4 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries, newest first</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                When (UTC)
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Who
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Action
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Record
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Changes
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {result.entries.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600 dark:text-slate-400">
                  No changes match these filters.
                </td>
              </tr>
            ) : null}
            {result.entries.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{utc.format(e.at)}</td>
                <td className="px-3 py-2 break-words">{e.actor}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2">
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{e.entityTypeLabel}</span>
                  {e.entityHref ? (
                    <Link href={e.entityHref} className={`${LINK} break-words`} title={e.entityId ?? undefined}>
                      {e.entityLabel}
                    </Link>
                  ) : (
                    <span className="break-words" title={e.entityId ?? undefined}>
                      {e.entityLabel}
                    </span>
                  )}
                </td>
                <td className="min-w-64 px-3 py-2">
                  {e.changes.length === 0 ? (
                    <span className="text-slate-600 dark:text-slate-400">no field changes</span>
                  ) : (
                    <FieldChanges changes={e.changes} limit={12} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm">
        <span className="text-slate-600 dark:text-slate-400">
          {result.total.toLocaleString("en-US")} entries · page {result.page} of {result.pageCount}
        </span>
        <span className="flex gap-2">
          {result.page > 1 ? (
            <Link className="underline" href={pageHref(filters, result.page - 1)}>
              Previous
            </Link>
          ) : null}
          {result.page < result.pageCount ? (
            <Link className="underline" href={pageHref(filters, result.page + 1)}>
              Next
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}
