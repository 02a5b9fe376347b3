import type { ActionError } from "@/lib/errors";
import { fieldLabel } from "@/lib/format/field-label";

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Shown when a save was refused because someone else changed the record first: what they changed. */
export function ConflictNotice({ conflict, message }: { conflict: NonNullable<ActionError["conflict"]>; message: string }) {
  return (
    <div
      role="alert"
      data-testid="conflict"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">{message}</p>
      {conflict.changes.length ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {conflict.changes.map((c) => (
            <div key={c.field} className="contents">
              <dt className="font-medium">{fieldLabel(c.field)}</dt>
              <dd className="break-all">
                {show(c.before)} → <strong>{show(c.after)}</strong>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
