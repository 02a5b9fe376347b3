import { LineChart } from "@/components/charts/line-chart";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatMoneyExact, formatPercent } from "@/lib/format/number";
import { burndownInCents, type BurndownCents } from "@/lib/metrics/burndown";
import { BURNDOWN_SERIES, burndownPoints } from "@/lib/queries/contracts/points";
import type { ContractBurndown } from "@/lib/queries/contracts/burndown";

function Kpi({ label, value, tone }: { label: string; value: string; tone?: "bad" | "good" }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`mt-1 text-base font-semibold tabular-nums sm:text-lg ${tone === "bad" ? "text-red-700 dark:text-red-400" : ""}`}>
        {value}
      </dd>
    </div>
  );
}

function sourceNote(b: ContractBurndown): string {
  if (b.sources.length === 0) return "Nothing consumed yet.";
  if (!b.sources.includes("actual"))
    return "Consumed is planned cost of the linked reservations (no billing data mapped to this contract yet).";
  if (!b.sources.includes("planned")) return "Consumed is actual cost from imported billing (EffectiveCost).";
  return "Consumed is actual billed cost (EffectiveCost) for months with billing data and planned reservation cost for the others.";
}

type Money = (v: { toFixed: (n: number) => string } | null) => string;

/** The projection's three parts and their sum against the commitment (PRODUCT.md §3). */
function Projection({ b, c, money }: { b: ContractBurndown; c: BurndownCents; money: Money }) {
  const days = b.daysLeft.toFixed(0);
  return (
    <div className="mt-3 space-y-1 text-sm" data-testid="burndown-projection">
      <p>
        <span className="font-medium">Projected at end</span> = consumed {money(c.consumed)} + scheduled {money(c.scheduled)} + other{" "}
        {money(c.other)} = <span className="font-semibold">{money(c.projected)}</span>, against the {money(b.committed)} commitment.
      </p>
      <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-600 dark:text-slate-400">
        <li>
          Scheduled: planned cost of the linked reservations over the rest of the term ({days} days): reserved blocks capacity × rate,
          on-demand and spot blocks every hour they hold × rate.
        </li>
        <li>
          {b.otherRatePerDay === null
            ? "Other: no billed charges in the last three months, so no charges beyond the linked reservations are projected."
            : `Other: charges mapped to this contract but tied to none of its linked reservations, ${money(b.otherRatePerDay)} a day over the billed part of the last three months, × ${days} days left.`}
        </li>
      </ul>
    </div>
  );
}

/** PRODUCT.md §3 contract burn-down: consumed so far + scheduled blocks + other charges' run-rate, against the commitment. */
export function BurndownSection({ burndown: b, asOf }: { burndown: ContractBurndown; asOf: Date }) {
  const money: Money = (v) => (v === null ? "—" : formatMoneyExact(v.toFixed(2), b.currency));
  // The parts and their sum to the cent, rounded so they add up as shown (and as the exports write them).
  const c = burndownInCents(b);
  const gap = !c.shortfall.isZero()
    ? { label: b.ended ? "Shortfall (true-up)" : "Projected shortfall", value: money(c.shortfall), tone: "bad" as const }
    : {
        label: b.ended ? "Overrun" : "Projected overrun",
        value: money(c.overrun),
        tone: c.overrun.isZero() ? undefined : ("bad" as const),
      };
  return (
    <section aria-labelledby="burndown-heading" className="mt-8">
      <h2 id="burndown-heading" className="text-lg font-semibold">
        Burn-down
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {b.ended
          ? `The term has ended: its final position, consumed against committed, with no projection. `
          : `As of ${formatDay(asOf)}, ${formatPercent(b.elapsed.toNumber())} of the term elapsed. `}
        {sourceNote(b)}
      </p>
      {b.ended ? (
        <dl className="mt-3 grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 md:grid-cols-3" data-testid="burndown-kpis">
          <Kpi label="Committed" value={money(b.committed)} />
          <Kpi label="Final consumed" value={money(c.consumed)} />
          <Kpi label={gap.label} value={gap.value} tone={gap.tone} />
        </dl>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 md:grid-cols-3" data-testid="burndown-kpis">
            <Kpi label="Committed" value={money(b.committed)} />
            <Kpi label="Consumed so far" value={money(c.consumed)} />
            <Kpi label="Scheduled (linked blocks)" value={money(c.scheduled)} />
            <Kpi label="Other charges ahead" value={money(c.other)} />
            <Kpi label="Projected at end" value={money(c.projected)} />
            <Kpi label={gap.label} value={gap.value} tone={gap.tone} />
          </dl>
          <Projection b={b} c={c} money={money} />
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Expected by now at an even pace: {money(b.expected)}.</p>
        </>
      )}
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <LineChart
          data={burndownPoints(b)}
          series={BURNDOWN_SERIES}
          unit="usd"
          label="Contract burn-down: committed, expected, consumed and projected spend over the term"
          height={260}
        />
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">View consumption by month as a table</summary>
        <table className="mt-2 w-full max-w-xl text-left">
          <caption className="sr-only">Consumed per month and its source</caption>
          <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1">
                Month
              </th>
              <th scope="col" className="py-1 text-right">
                Consumed
              </th>
              <th scope="col" className="py-1 pl-4">
                Source
              </th>
            </tr>
          </thead>
          <tbody>
            {b.months.map((m) => (
              <tr key={m.month.toISOString()} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1">{formatMonth(m.month)}</td>
                <td className="py-1 text-right tabular-nums">{formatMoneyExact(String(m.amount), b.currency)}</td>
                <td className="py-1 pl-4">{m.source === "actual" ? "Actual (billing)" : "Planned (reservations)"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
