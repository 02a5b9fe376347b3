import Link from "next/link";
import { Users } from "lucide-react";
import type { ReactNode } from "react";

/**
 * Under a page's title while the team / workload filter is set: whose allocations the page shows, and the way back
 * to everything. `children` says what the filter changes on this page.
 */
export function SelectionNote({ label, clearHref, children }: { label: string; clearHref: string; children?: ReactNode }) {
  return (
    <p
      role="status"
      data-testid="allocation-filter"
      className="mt-2 flex items-start gap-2 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-slate-900 dark:border-sky-800 dark:bg-sky-950 dark:text-slate-100"
    >
      <Users aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>
        Allocated to <strong>{label}</strong>
        {children ? <> · {children}</> : null}{" "}
        <Link href={clearHref} className="text-brand-700 underline dark:text-brand-300">
          Show everything
        </Link>
      </span>
    </p>
  );
}
