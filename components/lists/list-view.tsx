import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown, Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { listQuery, PAGE_SIZES, type ListResult } from "@/lib/queries/lists/params";
import { cn } from "@/lib/utils";
import { ListRows } from "./list-rows";
import { ScrollRegion } from "@/components/ui/scroll-region";

// A server-rendered register list: search and filters (a GET form), sortable headers, pagination and a
// CSV export of exactly the filtered rows — all state in the URL.

export type Column<T> = {
  key: string;
  label: string;
  /** The sort key this column sorts by, if sortable. */
  sort?: string;
  align?: "left" | "right";
  render: (row: T) => ReactNode;
  className?: string;
};

export type FilterSelect = { name: string; label: string; options: { value: string; label: string }[] };

type Params = {
  q?: string;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  filters: Record<string, string | number | undefined>;
};

/** The search and filter form of a list (a GET form keeping the sort and page size). */
export function ListFilters({
  title,
  params,
  searchLabel,
  filterSelects = [],
}: {
  title: string;
  params: Params;
  searchLabel: string;
  filterSelects?: FilterSelect[];
}) {
  return (
    <form method="get" role="search" aria-label={`Search and filter ${title.toLowerCase()}`} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="list-q">Search</Label>
        <Input id="list-q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={searchLabel} className="w-60" />
      </div>
      {filterSelects.map((f) => (
        // At most 16rem: a select is as wide as its longest option (a team's full path), which would push the page sideways.
        <div key={f.name} className="flex max-w-64 min-w-0 flex-col gap-1">
          <Label htmlFor={`list-${f.name}`}>{f.label}</Label>
          <select
            id={`list-${f.name}`}
            name={f.name}
            defaultValue={String(params.filters[f.name] ?? "")}
            className="h-9 w-full max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">All</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      {params.pageSize !== PAGE_SIZES[1] ? <input type="hidden" name="size" value={params.pageSize} /> : null}
      <Button type="submit" variant="outline">
        Apply
      </Button>
    </form>
  );
}

export function ListView<T extends { id: string }>({
  title,
  params,
  result,
  columns,
  rowHref,
  searchLabel,
  filterSelects = [],
  exportHref,
  actions,
  caption,
  separateFilters = false,
}: {
  title: string;
  params: Params;
  result: ListResult<T>;
  columns: Column<T>[];
  rowHref: (row: T) => string;
  searchLabel: string;
  filterSelects?: FilterSelect[];
  /** The CSV export route; the current filters are appended. */
  exportHref?: string;
  actions?: ReactNode;
  caption?: string;
  /** The page draws <ListFilters> itself (e.g. above a chart the filters also drive), not above the table. */
  separateFilters?: boolean;
}) {
  const exportQuery = listQuery(params, { page: 1 });
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  // One class string per column, not one class merge per cell; the padding and row hover every cell and row share
  // are set once on the tbody (ListRows).
  const cellClass = columns.map((c) => cn(c.align === "right" && "text-right tabular-nums", c.className) || undefined);
  return (
    <section aria-label={title}>
      <div className={cn("flex flex-wrap items-end gap-3", separateFilters ? "justify-end" : "justify-between")}>
        {separateFilters ? null : <ListFilters title={title} params={params} searchLabel={searchLabel} filterSelects={filterSelects} />}
        <div className="flex flex-wrap items-center gap-2">
          {exportHref ? (
            <a
              href={`${exportHref}${exportQuery}`}
              className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
              download
            >
              <Download aria-hidden className="size-4" /> Export CSV
            </a>
          ) : null}
          {actions}
        </div>
      </div>
      <ScrollRegion
        label={caption ?? title}
        className="mt-4 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption ?? title}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              {columns.map((c) => {
                const active = c.sort !== undefined && params.sort === c.sort;
                const nextDir = active && params.dir === "asc" ? "desc" : "asc";
                const Icon = active ? (params.dir === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={cn("px-3 py-2 font-medium whitespace-nowrap", c.align === "right" && "text-right")}
                  >
                    {c.sort ? (
                      <Link
                        href={listQuery(params, { sort: c.sort, dir: nextDir, page: 1 })}
                        className="inline-flex items-center gap-1 hover:text-slate-900 dark:hover:text-white"
                      >
                        {c.label}
                        <Icon aria-hidden className={cn("size-3", !active && "opacity-40")} />
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {result.rows.length === 0 ? (
            <tbody>
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                  Nothing matches these filters.
                </td>
              </tr>
            </tbody>
          ) : (
            <ListRows
              rows={result.rows.map((row) => ({
                id: row.id,
                href: rowHref(row),
                // Keyed: an array of elements crossing to a client component is checked for keys like any list.
                cells: columns.map((c) => <Fragment key={c.key}>{c.render(row)}</Fragment>),
              }))}
              columnKeys={columns.map((c) => c.key)}
              cellClass={cellClass}
            />
          )}
        </table>
      </ScrollRegion>
      <nav aria-label="Pagination" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400" data-testid="list-count">
          {result.total === 0
            ? "0 rows"
            : `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${result.total.toLocaleString("en-US")}`}
        </span>
        <span className="flex items-center gap-3">
          {PAGE_SIZES.map((s) =>
            s === result.pageSize ? (
              <span key={s} aria-current="true" className="font-medium">
                {s}
              </span>
            ) : (
              <Link key={s} href={listQuery(params, { pageSize: s, page: 1 })} className="underline">
                {s}
              </Link>
            ),
          )}
          <span aria-hidden>·</span>
          {result.page > 1 ? (
            <Link className="underline" href={listQuery(params, { page: result.page - 1 })}>
              Previous
            </Link>
          ) : null}
          <span>
            page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? (
            <Link className="underline" href={listQuery(params, { page: result.page + 1 })}>
              Next
            </Link>
          ) : null}
        </span>
      </nav>
    </section>
  );
}
