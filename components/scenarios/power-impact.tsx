import Link from "next/link";
import { pushedOverText } from "@/components/power/scenario-delta";
import { formatMonth } from "@/lib/format/date";
import type { ScenarioPowerImpact } from "@/lib/queries/scenarios/impact";

const range = (impact: ScenarioPowerImpact) =>
  impact.months.length ? `${formatMonth(impact.months[0]!.from)} – ${formatMonth(impact.months[impact.months.length - 1]!.from)}` : "";

/** One sentence for the saved message: the sites the scenario pushes over a power budget, or none. */
export function impactSentence(impact: ScenarioPowerImpact): string {
  const n = impact.pushedOver.length;
  if (n === 0) return `It pushes no site over its power budget in ${range(impact)}.`;
  return `It pushes ${n === 1 ? "1 site" : `${n} sites`} over a power budget: ${impact.pushedOver.map(pushedOverText).join("; ")}.`;
}

/** The sites and months the scenario pushes over (or further over) a power budget, against the baseline. */
export function PowerImpact({ impact, scenarioId }: { impact: ScenarioPowerImpact; scenarioId: string }) {
  return (
    <section aria-labelledby="power-impact-heading" className="mt-6" data-testid="power-impact">
      <h2 id="power-impact-heading" className="text-lg font-semibold">
        Power budgets it pushes over
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Months in {range(impact)} where a site is over its budget in this scenario with less headroom than in the baseline, as{" "}
        <Link href={`/power?scenario=${scenarioId}`} className="text-brand-700 underline dark:text-brand-300">
          Power
        </Link>{" "}
        computes it.
      </p>
      {impact.pushedOver.length === 0 ? (
        <p className="mt-2 text-sm">No site goes over its power budget (or further over) because of this scenario.</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {impact.pushedOver.map((d) => (
            <li key={d.siteId} className="text-red-800 dark:text-red-200">
              {pushedOverText(d)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
