import type { Metadata } from "next";
import Link from "next/link";
import { RangeForm } from "@/components/allocation/unit-economics/range-form";
import { RisingList } from "@/components/allocation/unit-economics/rising-list";
import { TrendPanel } from "@/components/allocation/unit-economics/trend-panel";
import { UnitEconomicsTable } from "@/components/allocation/unit-economics/unit-table";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { formatMonth } from "@/lib/format/date";
import { addUtcMonths } from "@/lib/metrics/calendar";
import { getUnitEconomics } from "@/lib/queries/allocation/unit-economics";
import { parseUnitEconomicsRange } from "@/lib/queries/allocation/unit-economics-params";
import { profileParams } from "@/lib/queries/costs/workload-profile";
import type { RawSearchParams } from "@/lib/queries/filters/params";

export const metadata: Metadata = { title: "Unit economics" };
export const dynamic = "force-dynamic";

const PATH = "/allocation/unit-economics";
const LINK = "text-brand-700 underline dark:text-brand-300";

export default async function UnitEconomicsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const asOf = pageClock();
  const range = parseUnitEconomicsRange(raw, asOf);
  const view = await getUnitEconomics(ctx, { from: range.from, to: range.to, asOf, profile: raw });
  const inference = view.workloads.filter((w) => w.kind === "inference");
  const training = view.workloads.filter((w) => w.kind === "training");
  return (
    <div className="mx-auto max-w-7xl space-y-8 pb-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Unit economics</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600 dark:text-slate-400">
          What a token really costs: a workload&apos;s own cost in a month ÷ the tokens it reported × 10⁶, for {formatMonth(range.from)} –{" "}
          {formatMonth(addUtcMonths(range.to, -1))} (complete months only) · US dollars. Own cost is the one on the showback: the used and
          idle cost of its allocations (actual where billed, planned otherwise) and the charges a rule gives it; the free pool its team is
          given is shared cost, shown apart on the showback, and not included here.
        </p>
        <div className="mt-4">
          <RangeForm range={range} path={PATH} keep={profileParams(view.profile)} />
        </div>
      </div>
      <RisingList workloads={view.workloads} />
      {view.workloads.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No inference or training workload has cost or tokens in these months. Register workloads on the{" "}
          <Link href="/allocation/workloads" className={LINK}>
            Workloads
          </Link>{" "}
          page, allocate blocks to them, and send their daily tokens_served or training_tokens.
        </p>
      ) : null}
      {inference.length > 0 ? (
        <section aria-labelledby="inference-heading">
          <h2 id="inference-heading" className="text-lg font-semibold">
            Inference: $ per 1M tokens served
          </h2>
          <p className="mt-1 max-w-4xl text-sm text-slate-600 dark:text-slate-400">
            Actual: own cost ÷ Σ daily tokens_served × 10⁶; a month with a day unreported is in the table but not on the chart (it would
            read too high). Profile estimate: the same cost ÷ the tokens its used accelerator-hours would serve at the{" "}
            <Link href="/costs#comparison" className={LINK}>
              Costs page&apos;s
            </Link>{" "}
            workload profile (tokens/s per family), blank where its blocks reported no use.
          </p>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            {inference.map((w) => (
              <TrendPanel key={w.id} workload={w} />
            ))}
          </div>
        </section>
      ) : null}
      {training.length > 0 ? (
        <section aria-labelledby="training-heading">
          <h2 id="training-heading" className="text-lg font-semibold">
            Training: $ per 1M training tokens
          </h2>
          <p className="mt-1 max-w-4xl text-sm text-slate-600 dark:text-slate-400">Own cost ÷ Σ daily training_tokens × 10⁶.</p>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            {training.map((w) => (
              <TrendPanel key={w.id} workload={w} />
            ))}
          </div>
        </section>
      ) : null}
      {view.workloads.length > 0 ? <UnitEconomicsTable workloads={view.workloads} /> : null}
    </div>
  );
}
