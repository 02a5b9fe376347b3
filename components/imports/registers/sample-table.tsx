import type { SampleRow } from "@/lib/csv/register-templates";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The first rows of a checked file as they will be created (references by their resolved names). */
export function SampleTable({ columns, rows, total }: { columns: string[]; rows: SampleRow[]; total: number }) {
  return (
    <ScrollRegion label="Sample rows" className="mt-3 rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
          {total > rows.length
            ? `First ${rows.length} of ${total.toLocaleString("en-US")} rows, as they will be created`
            : "The rows as they will be created"}
        </caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Line
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((r) => (
            <tr key={r.line}>
              <td className="px-3 py-1.5 text-right tabular-nums">{r.line}</td>
              {columns.map((c) => (
                <td key={c} className="px-3 py-1.5 whitespace-nowrap">
                  {r.values[c] || <span className="text-slate-500 dark:text-slate-400">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
