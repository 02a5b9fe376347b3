import { LineChart } from "@/components/charts/line-chart";
import { formatMonth, formatMonthShort } from "@/lib/format/date";
import { formatCompact, formatMoneyExact, formatPercent } from "@/lib/format/number";
import type { ReservationDetail } from "@/lib/queries/reservations/detail";

/** Utilization and idle cost of one block, month by month, from the monthly rollups. */
export function UsageSection({
  usage,
  currency,
  pricingModel,
}: {
  usage: ReservationDetail["usage"];
  currency: string;
  pricingModel: string;
}) {
  return (
    <section aria-labelledby="usage-heading" className="mt-8">
      <h2 id="usage-heading" className="text-lg font-semibold">
        Utilization and idle cost
      </h2>
      {!usage ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">This block has reported no utilization yet.</p>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="usage-kpis">
            {[
              ["Used accelerator-hours", formatCompact(usage.usedAh.toNumber())],
              ["Capacity (hours reported)", formatCompact(usage.capacityAh.toNumber())],
              ["Utilization", usage.utilization === null ? "—" : formatPercent(usage.utilization.toNumber(), 1)],
              ["Idle cost", pricingModel === "reserved" ? formatMoneyExact(usage.idleCost.toFixed(2), currency) : "None (pay per use)"],
            ].map(([label, value]) => (
              <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
                <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
                <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <LineChart
              label="Monthly utilization of this block"
              unit="percent"
              height={160}
              domain={[0, 100]}
              series={[{ key: "utilization", name: "Utilization", color: "#059669", area: true }]}
              data={usage.months.map((m) => ({
                label: formatMonthShort(m.month),
                title: formatMonth(m.month),
                values: { utilization: m.utilization === null ? null : Number(m.utilization.times(100).toFixed(2)) },
              }))}
            />
          </div>
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer font-medium">View by month as a table</summary>
            <table className="mt-2 w-full max-w-2xl text-left">
              <caption className="sr-only">Monthly utilization and idle cost</caption>
              <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-1">
                    Month
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Used AH
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Capacity AH
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Utilization
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Idle cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {usage.months.map((m) => (
                  <tr key={m.month} className="border-t border-slate-100 dark:border-slate-800">
                    <td className="py-1">{formatMonth(m.month)}</td>
                    <td className="py-1 text-right tabular-nums">{m.usedAh.toFixed(0)}</td>
                    <td className="py-1 text-right tabular-nums">{m.capacityAh.toFixed(0)}</td>
                    <td className="py-1 text-right tabular-nums">
                      {m.utilization === null ? "—" : formatPercent(m.utilization.toNumber(), 1)}
                    </td>
                    <td className="py-1 text-right tabular-nums">{formatMoneyExact(m.idleCost.toFixed(2), currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
