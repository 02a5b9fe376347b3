import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AuditResult } from "@/lib/queries/settings/audit";

type Filters = { action?: string; entity?: string; actor?: string; page: number };

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function pageHref(filters: Filters, page: number): string {
  const q = new URLSearchParams();
  if (filters.action) q.set("action", filters.action);
  if (filters.entity) q.set("entity", filters.entity);
  if (filters.actor) q.set("actor", filters.actor);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "?";
}

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export function AuditTable({ result, filters }: { result: AuditResult; filters: Filters }) {
  return (
    <>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3" role="search" aria-label="Filter the audit log">
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-action">Action</Label>
          <select
            id="audit-action"
            name="action"
            defaultValue={filters.action ?? ""}
            className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">All actions</option>
            {result.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="audit-actor">Who</Label>
          <Input id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} placeholder="email" className="w-56" />
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
      </form>
      <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
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
                Entity
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
                <td className="px-3 py-2">{e.actor}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2">
                  {e.entityType}
                  {e.entityId ? <span className="block font-mono text-xs text-slate-500 dark:text-slate-400">{e.entityId}</span> : null}
                </td>
                <td className="px-3 py-2">
                  {e.changes.length === 0 ? (
                    <span className="text-slate-500 dark:text-slate-400">no field changes</span>
                  ) : (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                      {e.changes.slice(0, 12).map((c) => (
                        <div key={c.field} className="contents">
                          <dt className="font-medium">{c.field}</dt>
                          <dd className="break-all">
                            <span className="text-red-700 line-through dark:text-red-300">{show(c.before)}</span>
                            {" → "}
                            <span className="text-emerald-700 dark:text-emerald-300">{show(c.after)}</span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
