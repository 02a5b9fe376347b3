"use client";

import Link from "next/link";
import type { ReactNode } from "react";

// A register list's rows, drawn on the client from their cells, sent once and mostly as text: a server element tree
// of rows, cells and links would be sent twice (as HTML and again as the React flight payload, ~1.4 kB a row).

/** One row: its key, the link of its first cell, and its cells (rendered on the server), one per column. */
export type ListRow = { id: string; href: string; cells: ReactNode[] };

export function ListRows({ rows, columnKeys, cellClass }: { rows: ListRow[]; columnKeys: string[]; cellClass: (string | undefined)[] }) {
  return (
    <tbody className="divide-y divide-slate-100 dark:divide-slate-800 [&_td]:px-3 [&_td]:py-2 [&>tr:hover]:bg-slate-50 dark:[&>tr:hover]:bg-slate-800/50">
      {rows.map((row) => (
        <tr key={row.id}>
          {row.cells.map((cell, i) => (
            <td key={columnKeys[i]} className={cellClass[i]}>
              {i === 0 ? (
                <Link href={row.href} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                  {cell}
                </Link>
              ) : (
                cell
              )}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
