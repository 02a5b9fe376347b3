import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { InvariantTable, MonthTabs, POOL_RULE_LABEL, ShowbackTree } from "@/components/allocation/showback";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { addUtcMonths } from "@/lib/metrics/calendar";
import { formatMonth } from "@/lib/format/date";
import { getShowbackView, parseShowbackRange, showbackQuery } from "@/lib/queries/allocation/showback-view";
import type { RawSearchParams } from "@/lib/queries/lists/params";

export const metadata: Metadata = { title: "Showback" };
export const dynamic = "force-dynamic";

const LINK = "text-brand-700 underline dark:text-brand-300";
const asOfFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function ShowbackPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const asOf = pageClock();
  const range = parseShowbackRange(raw, asOf);
  const view = await getShowbackView(ctx, range, asOf);
  const query = showbackQuery(range);
  const monthParam = typeof raw.month === "string" ? raw.month : null;
  const month = view.months.find((m) => m.key === monthParam) ?? null;
  const shown = month ?? view.range;
  const teamName = (id: string) => view.teams.find((t) => t.id === id)?.name ?? "a team";
  const pools = new Map<string, string>();
  for (const m of view.months) for (const p of m.pools) pools.set(p.family, POOL_RULE_LABEL(p.rule, teamName));
  const lastMonth = addUtcMonths(range.to, -1);
  return (
    <div className="mx-auto max-w-7xl space-y-8 pb-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Showback</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600 dark:text-slate-400">
          What the compute costs each team, as of {asOfFormat.format(view.asOf)} · US dollars · each month actual where billed and planned
          elsewhere, as on{" "}
          <Link href={`/costs${query}`} className={LINK}>
            Costs
          </Link>
          . A workload pays for the accelerator-hours allocated to it, used and idle; the blocks&apos; free pools are shared per accelerator
          family by the pool&apos;s rule and shown apart, in the Shared column.
        </p>
        <div className="mt-4 flex flex-wrap items-end justify-between gap-3">
          <form method="get" aria-label="Months" className="flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <Label htmlFor="showback-from">From</Label>
              <Input id="showback-from" name="from" type="month" defaultValue={range.from.toISOString().slice(0, 7)} className="w-44" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="showback-to">To</Label>
              <Input id="showback-to" name="to" type="month" defaultValue={lastMonth.toISOString().slice(0, 7)} className="w-44" />
            </div>
            <Button type="submit" variant="outline">
              Show
            </Button>
          </form>
          {can(ctx.actor.role, "export.csv") ? (
            <a href={`/allocation/chargeback.csv${query}`} download className={`inline-flex items-center gap-1 text-sm ${LINK}`}>
              <Download aria-hidden className="size-4" /> Chargeback CSV
            </a>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="invariant-heading" className="space-y-3">
        <h2 id="invariant-heading" className="text-lg font-semibold">
          Σ teams + unallocated = total cost
        </h2>
        <InvariantTable months={view.months} range={view.range} costsHref={`/costs${query}`} />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Amounts rounded to the cent so that the rows add up to each month&apos;s total; the Costs page total is that page&apos;s own
          number for the month.
        </p>
      </section>

      <section aria-labelledby="teams-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="teams-heading" className="text-lg font-semibold">
            By team and workload · {month ? formatMonth(month.month.from) : `${formatMonth(range.from)} – ${formatMonth(lastMonth)}`}
          </h2>
          <MonthTabs
            months={view.months.map((m) => ({ key: m.key, from: m.month.from }))}
            current={month?.key ?? null}
            hrefOf={(key) => `/allocation${query}${key ? `&month=${key}` : ""}`}
          />
        </div>
        <ShowbackTree
          caption="Showback by team and workload"
          teams={view.teams}
          rows={shown.teams}
          workloads={view.workloads}
          workloadAmounts={shown.workloads}
          unallocated={shown.unallocated}
          total={shown.teamsSum.plus(shown.unallocated)}
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">
          A team&apos;s row is its own workloads plus its sub-teams&apos;. AH = accelerator-hours; idle = allocated but not used; unmeasured
          = allocated on a block that reported no use. Unallocated: charges no rule gives a workload, and pools nobody holds an allocation
          in.
        </p>
      </section>

      {pools.size > 0 ? (
        <section aria-labelledby="pools-heading" className="space-y-2">
          <h2 id="pools-heading" className="text-lg font-semibold">
            Pool rules
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            {[...pools].map(([family, rule]) => (
              <li key={family}>
                <span className="font-medium">{family}</span>: {rule}
              </li>
            ))}
          </ul>
          {can(ctx.actor.role, "pool_rules.write") ? (
            <p className="text-sm">
              <Link href="/settings/pool-rules" className={LINK}>
                Change the pool rules
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
