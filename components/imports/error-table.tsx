import { ScrollRegion } from "@/components/ui/scroll-region";

export type ImportErrorRow = { line: number; column?: string; message: string };

/** Errors of a rejected file by line and column, as a spreadsheet user counts lines (header = line 1). */
export function ErrorTable({ errors, total }: { errors: ImportErrorRow[]; total?: number }) {
  if (errors.length === 0) return null;
  return (
    <ScrollRegion label="Errors" className="mt-3 rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400">
          {total && total > errors.length
            ? `First ${errors.length} of ${total} errors`
            : `${errors.length} error${errors.length === 1 ? "" : "s"}`}
        </caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Line
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Column
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {errors.map((e, i) => (
            <tr key={i}>
              <td className="px-3 py-1.5 text-right tabular-nums">{e.line}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{e.column ?? "—"}</td>
              <td className="px-3 py-1.5">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
