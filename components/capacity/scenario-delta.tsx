import { DataTable } from "@/components/overview/data-table";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import { formatDecimal } from "@/lib/format/number";
import { signedNumber } from "@/lib/format/signed";
import type { Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import { gapDeltas, runwayMove, type RunwayMove } from "@/lib/metrics/scenario-delta";
import type { CapacityView } from "@/lib/queries/capacity";
import { cn } from "@/lib/utils";

const num = (d: Dec) => formatDecimal(d.toNumber(), 0);

/** "Feb 2027 → Apr 2027 (2 months later)", "unchanged (Feb 2027)", "Feb 2027 → beyond Nov 2028". */
export function runwayMoveText(move: RunwayMove, last: Period): string {
  const when = (p: Period | null) => (p ? formatMonth(p.from) : `beyond ${formatMonth(last.from)}`);
  if (move.unchanged) return `unchanged (${when(move.to)})`;
  const by =
    move.shift === null
      ? ""
      : ` (${Math.abs(move.shift)} month${Math.abs(move.shift) === 1 ? "" : "s"} ${move.shift > 0 ? "later" : "earlier"})`;
  return `${when(move.from)} → ${when(move.to)}${by}`;
}

/** The runway and gap of the focus (a family, or all families) in the scenario against the baseline. */
export function CapacityDeltaAnswer({ view }: { view: CapacityView }) {
  const base = view.baseline;
  if (!base || !view.model.scenario) return null;
  const last = view.months[view.months.length - 1]!;
  const scen = view.focus.line;
  const move = runwayMove(base.focusLine.runway, scen.runway);
  // The gap compared in the month that matters: the baseline's runway month, else the scenario's, else the month
  // the scenario changes most.
  const [delta] = gapDeltas([base.focusLine], [scen], view.months);
  let i = view.months.findIndex((m) => m.from.getTime() === (base.focusLine.runway ?? scen.runway)?.from.getTime());
  if (i < 0) i = delta!.delta.reduce((best, d, j) => (d.abs().greaterThan(delta!.delta[best]!.abs()) ? j : best), 0);
  const before = base.focusLine.points[i]?.gap;
  const after = scen.points[i]?.gap;
  const name = view.focus.label === "all families" ? "all families" : view.focus.label;
  return (
    <div
      data-testid="capacity-delta"
      className="mt-3 rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      <p>
        <strong>“{view.model.scenario.name}” against the baseline:</strong> runway of {name}{" "}
        <span data-testid="runway-move" className="font-medium">
          {runwayMoveText(move, last)}
        </span>
        .
        {before && after ? (
          <>
            {" "}
            Gap in {formatMonth(view.months[i]!.from)}: {num(before)} → {num(after)} H100e (
            <span data-testid="gap-change">{signedNumber(after.minus(before))}</span>
            {after.minus(before).isZero() ? "" : after.greaterThan(before) ? ", more to spare" : ", shorter"}).
          </>
        ) : null}
      </p>
    </div>
  );
}

/** Scenario gap − baseline gap per group and month, in the page's grouping and unit; groups with no change left out. */
export function GapDeltaTable({ view }: { view: CapacityView }) {
  const base = view.baseline;
  if (!base) return null;
  const unit = view.unit === "h100e" ? "H100e" : "accelerators";
  const rows = gapDeltas(base.groups, view.groups, view.months).filter((d) => d.changed);
  const [total] = gapDeltas([base.total], [view.total], view.months);
  const cell = (d: Dec, key: number) => (
    <span
      key={key}
      className={cn(!d.isZero() && (d.isNegative() ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"))}
    >
      {signedNumber(d)}
    </span>
  );
  return (
    <div className="mt-4" data-testid="gap-delta-table">
      <h3 className="text-sm font-semibold">Gap change against the baseline, in {unit}</h3>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Scenario gap − baseline gap per month: + is more to spare, − is shorter. Groups the scenario leaves unchanged are left out.
      </p>
      <DataTable
        caption={`Gap change (scenario − baseline) by ${view.by} and month, in ${unit}`}
        columns={[
          { header: view.by === "family" ? "Family" : view.by === "provider" ? "Provider" : "Site" },
          ...view.months.map((m) => ({ header: formatMonthShort(m.from), numeric: true })),
        ]}
        rows={rows.map((r) => [r.label, ...r.delta.map(cell)])}
        total={rows.length > 1 ? ["Total", ...total!.delta.map(cell)] : undefined}
        empty="The scenario changes no gap in these months."
      />
    </div>
  );
}
