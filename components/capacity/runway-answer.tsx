import { formatDay, formatMonth } from "@/lib/format/date";
import { formatCount, formatDecimal } from "@/lib/format/number";
import type { CapacityView } from "@/lib/queries/capacity";
import { sumDec } from "@/lib/metrics/decimal";

const h100e = (d: { toNumber(): number }) => `${formatDecimal(d.toNumber(), 0)} H100e`;

function monthsFrom(view: CapacityView, month: Date): number {
  return view.months.findIndex((m) => m.from.getTime() === month.getTime());
}

/** The one-screen answer: when the focus (a family, or all families) runs out, and what that depends on. */
export function RunwayAnswer({ view }: { view: CapacityView }) {
  const { line, drivers, label } = view.focus;
  const last = view.months[view.months.length - 1]!;
  const runway = line.runway;
  const name = label === "all families" ? "All families together" : label;
  const sens = new Map(drivers.sensitivity.map((s) => [s.key, s.runway]));
  const when = (key: string) => {
    const r = sens.get(key);
    return r ? formatMonth(r.from) : `beyond ${formatMonth(last.from)}`;
  };
  const endingBefore = drivers.expiring.filter((b) => b.beforeRunway);
  const plansIn = drivers.plans.filter((p) => p.inRunwayMonth);
  if (!runway) {
    const tightest = [...line.points].sort((a, b) => a.gap.comparedTo(b.gap))[0];
    return (
      <div
        data-testid="capacity-answer"
        className="mt-4 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      >
        <p>
          <strong>{name}: no runway limit within 24 months.</strong> Median demand stays within capacity through {formatMonth(last.from)}
          {tightest ? `; the tightest month is ${formatMonth(tightest.month.from)} with ${h100e(tightest.gap)} to spare` : ""}.
        </p>
        <p className="mt-1 text-sm">
          At the upper 95 % band: {when("upper95")} · without the demand plans: {when("noPlans")}.
        </p>
      </div>
    );
  }
  const point = line.points[monthsFrom(view, runway.from)]!;
  const ahead = monthsFrom(view, runway.from);
  return (
    <div
      data-testid="capacity-answer"
      className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p>
        <strong>
          {name} runs out of capacity in <span data-testid="runway-month">{formatMonth(runway.from)}</span>
        </strong>
        {ahead === 0 ? " — this month" : ` — ${formatCount(ahead, "month")} from now`}: median demand {h100e(point.demand.median)} against{" "}
        {h100e(point.capacity)} in service, short by {h100e(point.gap.neg())}.
      </p>
      <p className="mt-2 text-sm font-medium">It depends on:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
        {plansIn.length ? (
          <li>
            Demand plans running that month:{" "}
            {plansIn
              .map((p) => `${p.name} (${h100e(p.h100e)}, ${formatMonth(p.startAt)} – ${formatDay(p.endAt)}, priority ${p.priority})`)
              .join("; ")}
            . Without any demand plan the runway is {when("noPlans")}.
          </li>
        ) : (
          <li>The usage forecast alone: without demand plans the runway is {when("noPlans")}.</li>
        )}
        <li>
          How fast use grows: at the upper 80 % band {when("upper80")}, at the upper 95 % band {when("upper95")}, at the lower 80 % band{" "}
          {when("lower80")}.
        </li>
        {endingBefore.length ? (
          <li>
            {formatCount(endingBefore.length, "block")} ({h100e(sumDec(endingBefore.map((b) => b.h100e)))}) end by then, e.g.{" "}
            {endingBefore
              .slice(0, 3)
              .map((b) => `${b.name} (${formatDecimal(b.quantity, 0)} on ${formatDay(b.endAt)})`)
              .join(", ")}
            ; renewing every block that ends in the next 24 months gives {when("renewed")}.
          </li>
        ) : (
          <li>No block ends by the runway month; renewing every block that ends in the next 24 months gives {when("renewed")}.</li>
        )}
      </ul>
    </div>
  );
}
