import { ChevronRight, Download } from "lucide-react";
import type { KindOption } from "./kind-picker";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The columns a kind's file takes, with the template download. */
export function ColumnsReference({ option }: { option: Pick<KindOption, "kind" | "label" | "note" | "columns"> }) {
  const { kind, ...template } = option;
  return (
    <div className="space-y-2">
      {/* The download sits outside the summary: a link inside a summary is a control inside a control (axe nested-interactive). */}
      <div className="flex justify-end">
        <a
          href={`/imports/registers/template/${kind}`}
          download
          className="inline-flex h-8 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          <Download aria-hidden className="size-4" /> Download template
        </a>
      </div>
      <details className="group rounded-md border border-slate-200 dark:border-slate-800">
        <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm">
          <span className="inline-flex items-center gap-1 font-medium">
            <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
            Columns of a {template.label.toLowerCase()} file
          </span>
        </summary>
        {template.note ? (
          <p className="border-t border-slate-200 px-3 py-2 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300">
            {template.note}
          </p>
        ) : null}
        <ScrollRegion
          label={`Columns of a ${template.label.toLowerCase()} file`}
          className="border-t border-slate-200 dark:border-slate-800"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Columns of a {template.label.toLowerCase()} file</caption>
            <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Column
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Required
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  What to write
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {template.columns.map((c) => (
                <tr key={c.name}>
                  <td className="px-3 py-1.5 font-mono text-xs">{c.name}</td>
                  <td className="px-3 py-1.5">{c.required ? "yes" : "no"}</td>
                  <td className="px-3 py-1.5 text-slate-700 dark:text-slate-300">{c.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </div>
  );
}
