import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type Column = { header: string; numeric?: boolean };

// Fixed class strings (nothing to merge): a table of a few thousand cells renders without a class
// computation per cell.
const NUMERIC_CELL = "px-3 py-1.5 text-right tabular-nums whitespace-nowrap";
const TEXT_CELL = "px-3 py-1.5 text-left";
const cell = (c: Column | undefined) => (c?.numeric ? NUMERIC_CELL : TEXT_CELL);

function BodyRow({
  values,
  columns,
  headerWeight,
}: {
  values: ReactNode[];
  columns: Column[];
  headerWeight: "font-normal" | "font-medium";
}) {
  return (
    <tr>
      {values.map((value, j) =>
        j === 0 ? (
          <th key={j} scope="row" className={`${cell(columns[j])} ${headerWeight}`}>
            {value}
          </th>
        ) : (
          <td key={j} className={cell(columns[j])}>
            {value}
          </td>
        ),
      )}
    </tr>
  );
}

/** A small read-only table; numbers right-aligned, an optional total row in the footer. */
export function DataTable({
  caption,
  columns,
  rows,
  total,
  empty = "No rows.",
}: {
  caption: string;
  columns: Column[];
  rows: ReactNode[][];
  total?: ReactNode[];
  empty?: string;
}) {
  return (
    <ScrollRegion label={caption} className="mt-3 rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`${cell(c)} font-medium`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-3 text-center text-slate-600 dark:text-slate-400">
                {empty}
              </td>
            </tr>
          ) : null}
          {rows.map((row, i) => (
            <BodyRow key={i} values={row} columns={columns} headerWeight="font-normal" />
          ))}
        </tbody>
        {total && rows.length > 1 ? (
          <tfoot className="border-t border-slate-200 font-medium dark:border-slate-700">
            <BodyRow values={total} columns={columns} headerWeight="font-medium" />
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}
