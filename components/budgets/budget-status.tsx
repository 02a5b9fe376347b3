import { formatDecimal } from "@/lib/format/number";
import type { BudgetStatus } from "@/lib/metrics/budgets";

/** A share of the budget as text and a bar (full at 100 %; past it the bar turns red). */
export function PctBar({ pct, label }: { pct: BudgetStatus["actualPct"]; label: string }) {
  const n = pct.toNumber();
  return (
    <span className="inline-flex items-center gap-2">
      <span className="tabular-nums">{formatDecimal(n, 1)} %</span>
      <span aria-hidden className="inline-block h-1.5 w-16 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700">
        <span
          className={`block h-full ${n >= 100 ? "bg-rose-600" : n >= 80 ? "bg-amber-500" : "bg-emerald-600"}`}
          style={{ width: `${Math.min(100, Math.max(0, n))}%` }}
        />
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

const CROSSED = "bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800";
const CLEAR = "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800";

/** One badge per threshold: "actual ≥ 80 %" when crossed, "actual < 80 %" when not. */
export function ThresholdBadges({ status }: { status: BudgetStatus }) {
  return (
    <span className="flex flex-wrap gap-1">
      {status.thresholds.map((t) => (
        <span
          key={t.basis}
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${t.crossed ? CROSSED : CLEAR}`}
        >
          {t.basis} {t.crossed ? "≥" : "<"} {t.pct.toFixed()} %
        </span>
      ))}
    </span>
  );
}
