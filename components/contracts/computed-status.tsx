import { TriangleAlert } from "lucide-react";
import { formatDay } from "@/lib/format/date";
import { formatMoney, formatMoneyExact, formatPercent } from "@/lib/format/number";
import type { Burndown } from "@/lib/metrics/burndown";
import { computedStatus, statusContradiction, type ComputedStatus, type StatusContradiction } from "@/lib/metrics/burndown-status";
import type { ContractStatus } from "@/lib/metrics/spend";
import { cn } from "@/lib/utils";

type Position = Pick<Burndown, "committed" | "consumed" | "shortfall" | "overrun" | "started" | "ended">;

/** "on track", "true-up risk $X", "overrun $X" or "exhausted". */
export function computedStatusText(s: ComputedStatus, currency: string, compact = false): string {
  const money = s.amount ? (compact ? formatMoney : formatMoneyExact)(s.amount.toFixed(2), currency) : "";
  if (s.kind === "true_up_risk") return `true-up risk ${money}`;
  if (s.kind === "overrun") return `overrun ${money}`;
  return s.kind === "on_track" ? "on track" : "exhausted";
}

/** The share of the commitment consumed, 0 decimals ("93 %"); "—" when nothing is committed. */
export function consumedShare(b: Pick<Burndown, "committed" | "consumed">): string {
  return b.committed.isZero() ? "—" : formatPercent(b.consumed.div(b.committed).toFixed(6));
}

export function contradictionText(
  c: StatusContradiction,
  recorded: ContractStatus,
  b: Position,
  term: { start: string; end: string },
): string {
  const said = `Recorded “${recorded}”`;
  switch (c) {
    case "recorded_exhausted_not_consumed":
      return `${said}, but only ${consumedShare(b)} of the commitment is consumed.`;
    case "consumed_not_recorded_exhausted":
      return `${said}, but ${consumedShare(b)} of the commitment is already consumed.`;
    case "ended_still_open":
      return `${said}, but the term ended on ${formatDay(term.end)}.`;
    case "expired_not_ended":
      return `${said}, but the term runs until ${formatDay(term.end)}.`;
    case "pending_started":
      return `${said}, but the term started on ${formatDay(term.start)}.`;
  }
}

const TONE: Record<ComputedStatus["kind"], string> = {
  on_track: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  true_up_risk: "bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800",
  overrun: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  exhausted: "bg-violet-50 text-violet-800 ring-violet-200 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800",
};

/**
 * The burn-down's status beside the recorded one; when the two contradict each other (e.g. recorded "exhausted" at
 * 93 % consumed) the contradiction is spelled out (`compact`, for the list: amounts compact, the contradiction an icon
 * with its text for screen readers and on hover).
 */
export function ComputedStatusBadge(props: {
  burndown: Position;
  currency: string;
  recorded: ContractStatus;
  term: { start: string; end: string };
  compact?: boolean;
}) {
  const { burndown: b, recorded, term } = props;
  // A proposed or cancelled contract binds nothing: no true-up to risk.
  if (recorded === "proposed" || recorded === "cancelled")
    return (
      <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="computed-status">
        not binding
      </span>
    );
  const status = computedStatus(b);
  const clash = statusContradiction(recorded, b);
  const why = clash ? contradictionText(clash, recorded, b, term) : null;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="computed-status">
      <span
        className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", TONE[status.kind])}
      >
        {computedStatusText(status, props.currency, props.compact)}
      </span>
      {why ? (
        props.compact ? (
          <span title={why} className="inline-flex text-amber-700 dark:text-amber-300" data-testid="status-contradiction">
            <TriangleAlert aria-hidden className="size-4" />
            <span className="sr-only">{why}</span>
          </span>
        ) : (
          <span
            className="inline-flex items-center gap-1 text-xs font-medium text-amber-800 dark:text-amber-300"
            data-testid="status-contradiction"
          >
            <TriangleAlert aria-hidden className="size-4 shrink-0" />
            {why}
          </span>
        )
      ) : null}
    </span>
  );
}
