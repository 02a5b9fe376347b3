import type { ReactNode } from "react";
import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDay, formatMonth } from "@/lib/format/date";
import { formatDecimal, formatMoneyExact } from "@/lib/format/number";
import type { Dec } from "@/lib/metrics/decimal";
import { emptyAmounts, showbackQuery, type ShowbackView } from "@/lib/queries/allocation/showback-view";
import { showbackColumns, SOURCE_LABEL } from "./showback";

const LINK = "text-brand-700 underline dark:text-brand-300";
const NUM = "px-3 py-1.5 text-right tabular-nums whitespace-nowrap";
const TEXT = "px-3 py-1.5 text-left";
const BOX = "mt-3 rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900";
const HEAD = "bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300";
const money = (v: Dec) => formatMoneyExact(v.toFixed(2));

/** A team's showback: per month, each of its own workloads, each sub-team (rolled up), its share of the pools, its total. */
export function TeamShowbackSection({ view, teamId }: { view: ShowbackView; teamId: string }) {
  const team = view.teams.find((t) => t.id === teamId);
  if (!team) return null;
  const kids = view.teams.filter((t) => t.parentId === teamId);
  const own = [...view.workloads.values()].filter((w) => w.teamId === teamId).sort((a, b) => a.name.localeCompare(b.name));
  const cell = (f: (m: ShowbackView["months"][number]) => Dec | undefined) => view.months.map((m) => f(m) ?? emptyAmounts().total);
  const rows: { key: string; label: ReactNode; values: Dec[] }[] = [
    ...own.map((w) => ({
      key: w.id,
      label: (
        <Link href={`/allocation/workloads/${w.id}`} className={LINK}>
          {w.name}
        </Link>
      ),
      values: cell((m) => m.workloads.get(w.id)?.total),
    })),
    ...kids.map((k) => ({
      key: k.id,
      label: (
        <Link href={`/allocation/teams/${k.id}`} className={LINK}>
          {k.name} <span className="text-xs text-slate-600 dark:text-slate-400">(sub-team)</span>
        </Link>
      ),
      values: cell((m) => m.teams.get(k.id)?.rolled.total),
    })),
    { key: "shared", label: "Shared (pools)", values: cell((m) => m.teams.get(teamId)?.own.sharedCost) },
  ].filter((r) => r.values.some((v) => !v.isZero()));
  return (
    <section aria-labelledby="showback-heading" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="showback-heading" className="text-lg font-semibold">
          Showback
        </h2>
        <Link href={`/allocation${showbackQuery(view)}`} className={`text-sm ${LINK}`}>
          All teams
        </Link>
      </div>
      <ScrollRegion label={`Showback of ${team.name} per month`} className={BOX}>
        <table className="w-full text-sm" data-testid="team-showback">
          <caption className="sr-only">Cost of {team.name} per month, in US dollars</caption>
          <thead className={HEAD}>
            <tr>
              <th scope="col" className={`${TEXT} font-medium`}>
                Workload / sub-team
              </th>
              {view.months.map((m) => (
                <th key={m.key} scope="col" className={`${NUM} font-medium`}>
                  {formatMonth(m.month.from)}
                  <span className="block font-normal">{SOURCE_LABEL[m.source]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={`${TEXT} font-normal`}>
                  {r.label}
                </th>
                {r.values.map((v, i) => (
                  <td key={i} className={NUM}>
                    {money(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 font-medium dark:border-slate-700">
            <tr>
              <th scope="row" className={`${TEXT} font-medium`}>
                {team.name} total
              </th>
              {view.months.map((m) => (
                <td key={m.key} className={NUM}>
                  {money(m.teams.get(teamId)?.rolled.total ?? emptyAmounts().total)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Each workload&apos;s used, idle, unmeasured and direct cost; the pools&apos; shared cost apart, by each family&apos;s rule.
      </p>
    </section>
  );
}

/** A workload's showback per month and the blocks allocated to it. */
export function WorkloadShowbackSection({
  view,
  workloadId,
  blocks,
}: {
  view: ShowbackView;
  workloadId: string;
  blocks: {
    id: string;
    reservationId: string;
    reservationName: string;
    typeName: string;
    quantity: number;
    blockQuantity: number;
    startAt: Date;
    endAt: Date | null;
  }[];
}) {
  const amounts = view.months.map((m) => m.workloads.get(workloadId) ?? emptyAmounts());
  const columns = showbackColumns(amounts).filter((c) => c.key !== "sharedCost");
  return (
    <section aria-labelledby="showback-heading" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="showback-heading" className="text-lg font-semibold">
          Showback
        </h2>
        <Link href={`/allocation${showbackQuery(view)}`} className={`text-sm ${LINK}`}>
          All teams
        </Link>
      </div>
      <ScrollRegion label="Showback of this workload per month" className={BOX}>
        <table className="w-full text-sm" data-testid="workload-showback">
          <caption className="sr-only">This workload&apos;s allocated hours and cost per month, in US dollars</caption>
          <thead className={HEAD}>
            <tr>
              <th scope="col" className={`${TEXT} font-medium`}>
                Month
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={`${NUM} font-medium`}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {view.months.map((m, i) => (
              <tr key={m.key} data-month={m.key}>
                <th scope="row" className={`${TEXT} font-normal whitespace-nowrap`}>
                  {formatMonth(m.month.from)} <span className="text-xs text-slate-600 dark:text-slate-400">{SOURCE_LABEL[m.source]}</span>
                </th>
                {columns.map((c) => (
                  <td key={c.key} className={`${NUM}${c.key === "total" ? " font-medium" : ""}`}>
                    {c.money ? money(amounts[i]![c.key]) : formatDecimal(amounts[i]![c.key].toFixed(0), 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        The workload&apos;s own cost; its team&apos;s share of the pools is on the team&apos;s page.
      </p>
      <h3 className="mt-5 font-medium">Blocks allocated</h3>
      {blocks.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No block is allocated to this workload.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {blocks.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-2 px-3 py-2" data-testid="allocated-block">
              <Link href={`/reservations/${b.reservationId}`} className={LINK}>
                {b.reservationName}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {b.quantity} of {b.blockQuantity} × {b.typeName} · {formatDay(b.startAt)} → {b.endAt ? formatDay(b.endAt) : "block end"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
