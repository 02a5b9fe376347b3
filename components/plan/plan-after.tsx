import { Panel } from "@/components/answers/chart-table";
import { DataTable } from "@/components/overview/data-table";
import { formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMw, formatPercent } from "@/lib/format/number";
import { signedMw } from "@/lib/format/signed";
import type { Period } from "@/lib/metrics/period";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import type { PlanRun } from "@/lib/queries/plan/run";
import { cn } from "@/lib/utils";

// What the Capacity, Power and Concentration pages would show with the plan saved as a scenario: the same functions,
// run on the registers with the plan's blocks added (lib/queries/plan/after.ts).

const ALERT = "font-medium text-red-700 dark:text-red-300";

function runwayCell(r: Period | null, last: Period | undefined) {
  return r ? <span className={ALERT}>{formatMonth(r.from)}</span> : `Beyond ${last ? formatMonth(last.from) : "the horizon"}`;
}

function Runway({ after }: { after: PlanRun["after"] }) {
  const { months, overall, byFamily } = after.runway;
  const last = months.at(-1);
  const row = (r: (typeof byFamily)[number], label: string) => [label, runwayCell(r.before, last), runwayCell(r.after, last)];
  const running = months[0];
  const stuck = running ? byFamily.filter((r) => r.after?.from.getTime() === running.from.getTime()).map((r) => r.label) : [];
  return (
    <Panel
      id="plan-runway"
      title="Runway after"
      description="The Capacity page's runway (the first month the median demand exceeds capacity, over its 24 forecast months) before and with the plan's blocks: what Capacity shows once the plan is saved as a scenario."
    >
      <DataTable
        caption="Runway per family before and after the plan"
        columns={[{ header: "Family" }, { header: "Runway today" }, { header: "Runway with the plan" }]}
        rows={byFamily.map((r) => row(r, r.label))}
        total={row(overall, "All families")}
        empty="No family has capacity or demand."
      />
      {stuck.length && running ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {stuck.join(", ")} {stuck.length === 1 ? "runs" : "run"} out in the running month ({formatMonth(running.from)}), which no plan can
          change: its blocks start next month at the earliest. The months after are what the plan covers (see the chart).
        </p>
      ) : null}
    </Panel>
  );
}

function tightest(p: HeadroomPoint | null) {
  if (!p) return "—";
  return (
    <span className={cn(p.overBudget && ALERT)}>
      {formatMw(p.headroomMw.toNumber())} in {formatMonth(p.month.from)}
    </span>
  );
}

function Power({ after }: { after: PlanRun["after"] }) {
  const { sites, overBudgetAfter, newlyOverMonths } = after.power;
  const sentence = !overBudgetAfter
    ? "No budgeted site goes over its power budget in any month with the plan."
    : newlyOverMonths === 0
      ? "The plan adds no over-budget month: the site-months over budget below were over budget already."
      : `${formatDecimal(newlyOverMonths, 0)} site-months go over budget because of the plan.`;
  return (
    <Panel
      id="plan-power"
      title="Power headroom per site after"
      description="The Power page's headroom (contracted MW − facility MW at each month's tightest instant) of every budgeted site, before and with the plan."
    >
      <p className={cn("mb-3 text-sm", newlyOverMonths > 0 && ALERT)}>{sentence}</p>
      <DataTable
        caption="Tightest month of each budgeted site before and after the plan"
        columns={[
          { header: "Site" },
          { header: "Tightest today" },
          { header: "Tightest with the plan" },
          { header: "Change", numeric: true },
          { header: "Months over budget after", numeric: true },
        ]}
        rows={sites.map((s) => [
          s.siteName,
          tightest(s.tightestBefore),
          tightest(s.tightestAfter),
          s.tightestBefore && s.tightestAfter ? signedMw(s.tightestAfter.headroomMw.minus(s.tightestBefore.headroomMw)) : "—",
          s.overBudgetMonthsAfter,
        ])}
        empty="No site has a power budget."
      />
    </Panel>
  );
}

function Concentration({ after }: { after: PlanRun["after"] }) {
  const { months, maxShareBefore, maxShareAfter } = after.concentration;
  const last = months.at(-1);
  const share = (d: { toNumber(): number } | null) => (d ? formatPercent(d.toNumber(), 1) : "—");
  const pick = [months[0], months[Math.floor(months.length / 2)], last].filter(
    (m, i, a): m is NonNullable<typeof m> => m !== undefined && a.indexOf(m) === i,
  );
  return (
    <Panel
      id="plan-concentration"
      title="Concentration after"
      description={`The Concentration page's provider shares of H100e in service, before and with the plan. Largest share in any month: ${share(maxShareBefore)} today, ${share(maxShareAfter)} with the plan.`}
    >
      <DataTable
        caption="Largest provider and HHI at the start, middle and end of the horizon"
        columns={[
          { header: "Month" },
          { header: "Largest today" },
          { header: "HHI today", numeric: true },
          { header: "Largest with the plan" },
          { header: "HHI with the plan", numeric: true },
        ]}
        rows={pick.map((m) => [
          formatMonth(m.month.from),
          m.before.largestName ? `${m.before.largestName} ${share(m.before.largestShare)}` : "—",
          formatDecimal(m.before.hhi.toNumber(), 0),
          m.after.largestName ? `${m.after.largestName} ${share(m.after.largestShare)}` : "—",
          formatDecimal(m.after.hhi.toNumber(), 0),
        ])}
        empty="No capacity is held."
      />
    </Panel>
  );
}

export function PlanAfter({ run }: { run: PlanRun }) {
  return (
    <>
      <Runway after={run.after} />
      <Power after={run.after} />
      <Concentration after={run.after} />
    </>
  );
}
