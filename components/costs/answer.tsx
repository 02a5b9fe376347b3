import { formatMonth } from "@/lib/format/date";
import type { Period } from "@/lib/metrics/period";
import type { ProviderTotal } from "@/lib/metrics/provider-comparison";
import { addUtcMonths } from "@/lib/metrics/calendar";
import { money, pct, usd } from "./format";

/** The page's question, answered in one sentence, with the runner-up and the most expensive for scale. */
export function CheapestAnswer({ providers, period }: { providers: ProviderTotal[]; period: Period | null }) {
  const ranked = providers.filter((p) => p.units.perH100eHour !== null);
  const best = ranked[0];
  return (
    <section
      aria-labelledby="answer"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="cheapest-answer"
    >
      <h2 id="answer" className="text-sm font-medium text-slate-600 dark:text-slate-300">
        Which provider gives the cheapest useful H100-equivalent hour on our rates and our utilization?
      </h2>
      {!period || !best ? (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          No past month with capacity and measured use in this range: pick a range that includes past months (e.g. “Last 12 months”).
        </p>
      ) : (
        <>
          <p className="mt-1 text-2xl font-semibold tracking-tight">
            {best.providerName}: <span className="tabular-nums">{usd(best.units.perH100eHour)}</span>
            <span className="ml-1.5 text-base font-medium text-slate-600 dark:text-slate-400">per useful H100e·h</span>
          </p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {formatMonth(period.from)} – {formatMonth(addUtcMonths(period.to, -1))}: {money(best.cost)} over {pct(best.utilization)}{" "}
            utilization
            {ranked.length > 1 ? (
              <>
                {" "}
                · next {ranked[1]!.providerName} at {usd(ranked[1]!.units.perH100eHour)}
                {ranked.length > 2 ? (
                  <>
                    , most expensive {ranked[ranked.length - 1]!.providerName} at {usd(ranked[ranked.length - 1]!.units.perH100eHour)}
                  </>
                ) : null}
              </>
            ) : null}
            . Cost ÷ used H100e·h: idle hours you pay for make an hour dearer.
          </p>
        </>
      )}
    </section>
  );
}
