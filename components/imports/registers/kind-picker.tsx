import type { RegisterTemplate } from "@/lib/csv/register-templates";
import { cn } from "@/lib/utils";

/** A register kind as the page offers it: its template's texts and columns, and whether the user may import it. */
export type KindOption = Pick<RegisterTemplate, "label" | "singular" | "description" | "columns" | "note" | "list"> & {
  kind: string;
  allowed: boolean;
  reason?: string;
};

/** What the file holds; kinds the user may not write are shown disabled with the reason. */
export function KindPicker({
  options,
  value,
  onChange,
  disabled,
}: {
  options: KindOption[];
  value: string;
  onChange: (kind: string) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">What the file holds</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {options.map((o) => (
          <label
            key={o.kind}
            className={cn(
              "flex cursor-pointer flex-col gap-0.5 rounded-md border px-3 py-2 text-sm",
              o.kind === value && o.allowed
                ? "border-brand-600 bg-brand-50 ring-1 ring-brand-600 dark:bg-slate-800"
                : "border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900",
              !o.allowed && "cursor-not-allowed opacity-70",
            )}
          >
            <span className="flex items-center gap-2 font-medium">
              <input
                type="radio"
                name="register-kind"
                value={o.kind}
                checked={o.kind === value}
                disabled={!o.allowed || disabled}
                onChange={() => onChange(o.kind)}
                aria-describedby={o.reason ? `kind-${o.kind}-reason` : undefined}
              />
              {o.label}
            </span>
            {o.reason ? (
              <span id={`kind-${o.kind}-reason`} className="text-xs text-slate-600 dark:text-slate-400">
                {o.reason}
              </span>
            ) : (
              <span className="text-xs text-slate-600 dark:text-slate-400">{o.description}</span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
