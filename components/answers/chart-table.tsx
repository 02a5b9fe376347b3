import { isSharedRender } from "@/components/links/app-link";
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { LazyChartTable, type PlainTable } from "./lazy-chart-table";

/** "View as table" under a chart: the same numbers as an accessible table, and the CSV of exactly those rows. */
export function ChartTable({ summary = "View as table", csvHref, children }: { summary?: string; csvHref?: string; children: ReactNode }) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">{summary}</summary>
      {csvHref ? (
        <p className="mt-2">
          <CsvLink href={csvHref} />
        </p>
      ) : null}
      {children}
    </details>
  );
}

/** ChartTable for a table sent as plain data: rendered in the browser when opened (see LazyChartTable). */
export function ChartTableData({ summary, csvHref, table }: { summary?: string; csvHref?: string; table: PlainTable }) {
  return (
    <LazyChartTable
      summary={summary}
      head={
        csvHref ? (
          <p className="mt-2">
            <CsvLink href={csvHref} />
          </p>
        ) : undefined
      }
      table={table}
    />
  );
}

export function CsvLink({ href, label = "Export CSV" }: { href: string; label?: string }) {
  if (isSharedRender()) return null;
  return (
    <a
      href={href}
      download
      className="inline-flex h-8 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      <Download aria-hidden className="size-4" /> {label}
    </a>
  );
}

export function Panel({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">{children}</div>
    </section>
  );
}
