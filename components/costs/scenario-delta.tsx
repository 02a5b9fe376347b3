import { DataTable } from "@/components/overview/data-table";
import { formatMonth } from "@/lib/format/date";
import { signedMoney } from "@/lib/format/signed";
import { dec, sumDec } from "@/lib/metrics/decimal";
import { spendDeltas } from "@/lib/metrics/scenario-delta";
import type { CostsView } from "@/lib/queries/costs";
import { money } from "./format";

/** Spend of the scenario against the baseline: the range's total from → to, and the change per month and provider or family. */
export function SpendDelta({ view, scenarioName }: { view: CostsView; scenarioName: string }) {
  if (!view.baseline) return null;
  const d = spendDeltas(view.baseline.spend, view.spend);
  const months = d.months.filter((m) => !m.delta.isZero() || m.byGroup.size > 0);
  const range = view.months.length
    ? `${formatMonth(view.months[0]!.from)} – ${formatMonth(view.months[view.months.length - 1]!.from)}`
    : "this range";
  return (
    <section
      aria-labelledby="spend-delta-heading"
      data-testid="spend-delta"
      className="rounded-lg border border-sky-300 bg-sky-50 p-4 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    >
      <h2 id="spend-delta-heading" className="font-semibold">
        “{scenarioName}” against the baseline
      </h2>
      <p className="mt-1">
        Spend {range}: {money(d.from)} → {money(d.to)} (<span data-testid="spend-change">{signedMoney(d.delta)}</span>). Months billing
        decides are the same on both sides; the change is in planned spend.
      </p>
      {months.length ? (
        <DataTable
          caption={`Spend change per month and ${view.by}, scenario − baseline`}
          columns={[
            { header: "Month" },
            { header: "Baseline", numeric: true },
            { header: "Scenario", numeric: true },
            { header: "Change", numeric: true },
            ...d.groups.map((g) => ({ header: g, numeric: true })),
          ]}
          rows={months.map((m) => [
            formatMonth(m.month.from),
            money(m.from),
            money(m.to),
            signedMoney(m.delta),
            ...d.groups.map((g) => {
              const v = m.byGroup.get(g);
              return v ? signedMoney(v) : "—";
            }),
          ])}
          total={[
            "Range",
            money(d.from),
            money(d.to),
            signedMoney(d.delta),
            ...d.groups.map((g) => signedMoney(sumDec(d.months.map((m) => m.byGroup.get(g) ?? dec(0))))),
          ]}
        />
      ) : (
        <p className="mt-1">The scenario changes no spend in this range.</p>
      )}
    </section>
  );
}
