import { DataTable } from "@/components/overview/data-table";
import { MethodSection } from "@/components/overview/method-section";
import type { PeriodCommitments } from "@/lib/queries/costs/commitments";
import { money, pct } from "./format";

function cells(name: string, m: PeriodCommitments) {
  return [
    name,
    pct(m.utilization.rate),
    pct(m.coverage.rate),
    pct(m.savings.effectiveSavingsRate),
    money(m.savings.negotiated),
    money(m.savings.commitment),
    money(m.savings.total),
    money(m.utilization.unused),
  ];
}

export function CommitmentsSection({
  overall,
  byProvider,
}: {
  overall: PeriodCommitments | null;
  byProvider: { providerName: string; metrics: PeriodCommitments }[];
}) {
  return (
    <section aria-labelledby="commitments" className="space-y-3">
      <h2 id="commitments" className="text-lg font-semibold">
        Commitments and savings
      </h2>
      {!overall ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No imported billing in the past months of this range.</p>
      ) : (
        <>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4" data-testid="commitment-kpis">
            {[
              ["Commitment utilization", pct(overall.utilization.rate)],
              ["Commitment coverage", pct(overall.coverage.rate)],
              ["Effective savings rate", pct(overall.savings.effectiveSavingsRate)],
              ["Total savings", money(overall.savings.total)],
            ].map(([label, value]) => (
              <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
                <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
                <dd className="text-xl font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          <DataTable
            caption="Commitment utilization, coverage and savings by provider"
            columns={[
              { header: "Provider" },
              { header: "Utilization", numeric: true },
              { header: "Coverage", numeric: true },
              { header: "Effective savings rate", numeric: true },
              { header: "Negotiated savings", numeric: true },
              { header: "Commitment savings", numeric: true },
              { header: "Total savings", numeric: true },
              { header: "Unused commitment", numeric: true },
            ]}
            rows={byProvider.map((p) => cells(p.providerName, p.metrics))}
            total={cells("All providers", overall)}
          />
        </>
      )}
      <MethodSection
        id="commitments-method"
        title="How commitments are computed"
        definition={
          <>
            From the billing of the range&apos;s past months (the provider filter applies; family and site do not). Utilization = used
            commitment ÷ total commitment (Σ EffectiveCost of Used ÷ Used + Unused rows, purchases excluded); coverage = committed-priced
            usage ÷ all eligible usage (Standard + Committed); negotiated savings = ListCost − ContractedCost, commitment savings =
            ContractedCost − EffectiveCost, effective savings rate = (ListCost − EffectiveCost) ÷ ListCost — the FinOps toolkit and AWS
            definitions.
          </>
        }
      >
        {null}
      </MethodSection>
    </section>
  );
}
