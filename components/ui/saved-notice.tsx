import { CheckCircle2 } from "lucide-react";
import type { ReactNode } from "react";

/** The confirmation a page shows after a save brought the user to it (`?saved=1`), announced politely. */
export function SavedNotice({ show, children }: { show: boolean; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" data-testid="saved-notice">
      {show ? (
        <p className="mt-4 flex items-start gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
          <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>{children}</span>
        </p>
      ) : null}
    </div>
  );
}

/** True when the page was opened by a save (`?saved=1`). */
export function wasSaved(raw: Record<string, string | string[] | undefined>): boolean {
  const v = raw.saved;
  return (Array.isArray(v) ? v[0] : v) === "1";
}
