"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type Column } from "@/components/overview/data-table";
import { useOpenedDetails } from "@/components/ui/use-opened-details";

// "View as table" whose table is built in the browser when it is first opened, from plain data (texts formatted on
// the server), instead of being rendered on the server as HTML and again as a React element tree in the page's
// payload: a page with a dozen charts sends each table's numbers once, as strings.

/** A cell as data: its text; a link (`href`, `current` for aria-current); `over` shows it in the over-budget red. */
export type PlainCell = string | { text: string; href?: string; current?: boolean; over?: boolean };

export type PlainTable = { caption: string; columns: Column[]; rows: PlainCell[][]; empty?: string };

const OVER = "font-medium text-red-700 dark:text-red-300";

function renderCell(c: PlainCell, key: number): ReactNode {
  if (typeof c === "string") return c;
  if (c.href !== undefined) {
    return (
      <Link key={key} href={c.href} className={c.over ? `underline ${OVER}` : "underline"} aria-current={c.current ? "true" : undefined}>
        {c.text}
      </Link>
    );
  }
  return c.over ? (
    <span key={key} className={OVER}>
      {c.text}
    </span>
  ) : (
    c.text
  );
}

/** The rows as DataTable takes them. */
export function plainRows(rows: PlainCell[][]): ReactNode[][] {
  return rows.map((r) => r.map(renderCell));
}

/**
 * A <details> "View as table" with the table rendered once it is opened (and kept after). `head` is server-rendered
 * content shown above the table when open (the CSV link).
 */
export function LazyChartTable({ summary = "View as table", head, table }: { summary?: string; head?: ReactNode; table: PlainTable }) {
  const { ref, opened, onToggle } = useOpenedDetails();
  return (
    <details ref={ref} className="mt-3 text-sm" onToggle={onToggle}>
      <summary className="cursor-pointer font-medium text-slate-700 dark:text-slate-300">{summary}</summary>
      {head}
      {opened ? <DataTable caption={table.caption} columns={table.columns} rows={plainRows(table.rows)} empty={table.empty} /> : null}
    </details>
  );
}
