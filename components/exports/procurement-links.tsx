import { CalendarDays, Download } from "lucide-react";

export type ProcurementLink = { href: string; label: string; calendar?: boolean };

/** Download links for the procurement exports, beside a list's Export CSV. */
export function ProcurementLinks({ links }: { links: ProcurementLink[] }) {
  return (
    <>
      {links.map((l) => (
        <a
          key={l.href}
          href={l.href}
          className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          download
        >
          {l.calendar ? <CalendarDays aria-hidden className="size-4" /> : <Download aria-hidden className="size-4" />} {l.label}
        </a>
      ))}
    </>
  );
}
