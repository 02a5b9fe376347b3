import { formatExactMoney } from "@/components/matching/exact-money";
import { formatPercent } from "@/lib/format/number";
import type { Dec } from "@/lib/metrics/decimal";
import type { CommitmentMetrics } from "@/lib/queries/contracts/commitments";

const pct = (v: Dec | null) => (v === null ? "—" : formatPercent(v.toFixed(6), 1));
const money = (v: Dec, currency: string) => formatExactMoney(v.toFixed(2), currency);

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
      <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{hint}</dd>
    </div>
  );
}

/**
 * Commitment utilization, coverage and savings of the charges matched to a contract (lib/metrics/commitments.ts), with
 * what the numbers cover and why they differ from the burn-down's consumed (`consumed`, in the contract's currency).
 */
export function CommitmentSection({ metrics, consumed }: { metrics: CommitmentMetrics[]; consumed?: { amount: Dec; currency: string } }) {
  if (metrics.length === 0) return null;
  return (
    <section aria-labelledby="commitment-heading" className="mt-8">
      <h2 id="commitment-heading" className="text-lg font-semibold">
        Commitment use and savings
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        From the imported charges matched to this contract, on amortized cost (EffectiveCost), as the FinOps toolkit defines them.
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="commitment-scope">
        Utilization covers only the charge rows that carry a CommitmentDiscountId (the provider&apos;s reservations, savings plans,
        committed-use discounts): used ÷ (used + unused), purchases left out, over every import whatever the date. The burn-down above is a
        different sum: every charge mapped to the contract within its term
        {consumed ? ` (${money(consumed.amount, consumed.currency)} so far)` : ""}, with or without a CommitmentDiscountId — on-demand
        usage, storage, egress, support — and the planned cost of its reservations for months without billing.
      </p>
      {metrics.map((m) => (
        <div key={m.currency} className="mt-3">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5" data-testid={`commitment-kpis-${m.currency}`}>
            <Kpi
              label="Commitment utilization"
              value={pct(m.utilization.rate)}
              hint={`used ${money(m.utilization.used, m.currency)} of ${money(m.utilization.used.plus(m.utilization.unused), m.currency)} in CommitmentDiscountId rows`}
            />
            <Kpi
              label="Coverage"
              value={pct(m.coverage.rate)}
              hint={`committed ${money(m.coverage.committed, m.currency)} of ${money(m.coverage.eligible, m.currency)} eligible usage`}
            />
            <Kpi label="Negotiated savings" value={money(m.savings.negotiated, m.currency)} hint="list − contracted" />
            <Kpi
              label="Commitment savings"
              value={money(m.savings.commitment, m.currency)}
              hint="contracted − effective, unused commitment deducted"
            />
            <Kpi
              label="Effective savings rate"
              value={pct(m.savings.effectiveSavingsRate)}
              hint={`${m.charges.toLocaleString("en-US")} charges`}
            />
          </dl>
          {m.commitments.length > 0 ? (
            <div className="mt-3 max-w-4xl overflow-x-auto">
              <table className="w-full min-w-lg text-left text-sm">
                <caption className="sr-only">Utilization per commitment discount ({m.currency})</caption>
                <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1">
                      Commitment
                    </th>
                    <th scope="col" className="py-1">
                      Type
                    </th>
                    <th scope="col" className="py-1 text-right">
                      Used
                    </th>
                    <th scope="col" className="py-1 text-right">
                      Unused
                    </th>
                    <th scope="col" className="py-1 text-right">
                      Utilization
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {m.commitments.map((c) => (
                    <tr key={c.commitmentDiscountId}>
                      <td className="py-1 break-all">{c.name ?? c.commitmentDiscountId}</td>
                      <td className="py-1">{c.type ?? "—"}</td>
                      <td className="py-1 text-right tabular-nums">{money(c.used, m.currency)}</td>
                      <td className="py-1 text-right tabular-nums">{money(c.unused, m.currency)}</td>
                      <td className="py-1 text-right tabular-nums">{pct(c.utilization)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ))}
    </section>
  );
}
