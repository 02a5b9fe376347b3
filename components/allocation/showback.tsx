import Link from "next/link";
import { Check } from "lucide-react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDecimal, formatMoneyExact } from "@/lib/format/number";
import { formatMonth } from "@/lib/format/date";
import type { Dec } from "@/lib/metrics/decimal";
import type { PoolRule } from "@/lib/metrics/showback";
import type { Amounts, ShowbackMonthView, ShowbackTeam, ShowbackWorkload, TeamRow } from "@/lib/queries/allocation/showback-view";

const LINK = "text-brand-700 underline dark:text-brand-300";
const NUM = "px-3 py-1.5 text-right tabular-nums whitespace-nowrap";
const TEXT = "px-3 py-1.5 text-left";
const MUTED = "text-slate-600 dark:text-slate-400";

export const SOURCE_LABEL: Record<ShowbackMonthView["source"], string> = {
  actual: "Actual (billed)",
  planned: "Planned",
  mixed: "Actual + planned",
};

const money = (v: Dec) => formatMoneyExact(v.toFixed(2));
const hours = (v: Dec) => formatDecimal(v.toFixed(0), 0);

/** The check of a month: a check mark when Σ teams + unallocated equals the Costs total to the cent, else the gap. */
export function InvariantCheck({ difference }: { difference: Dec }) {
  return difference.isZero() ? (
    <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
      <Check aria-hidden className="size-4" /> Adds up
    </span>
  ) : (
    <span className="font-medium text-red-700 dark:text-red-400">Off by {money(difference)}</span>
  );
}

/** Per month: Σ teams + unallocated = total, beside the Costs page's total for the month. */
export function InvariantTable({
  months,
  range,
  costsHref,
}: {
  months: ShowbackMonthView[];
  range: { teamsSum: Dec; unallocated: Dec; costsTotal: Dec; difference: Dec };
  costsHref: string;
}) {
  const head = ["Month", "Cost basis", "Σ teams", "Unallocated", "Σ teams + unallocated", "Costs page total", "Check"];
  return (
    <ScrollRegion
      label="Showback totals per month"
      className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <table className="w-full text-sm" data-testid="showback-invariant">
        <caption className="sr-only">Σ teams + unallocated = total cost, per month</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={`${i >= 2 && i <= 5 ? NUM : TEXT} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {months.map((m) => (
            <tr key={m.key} data-month={m.key}>
              <th scope="row" className={`${TEXT} font-normal whitespace-nowrap`}>
                {formatMonth(m.month.from)}
              </th>
              <td className={`${TEXT} whitespace-nowrap`}>{SOURCE_LABEL[m.source]}</td>
              <td className={NUM}>{money(m.teamsSum)}</td>
              <td className={NUM}>{money(m.unallocated)}</td>
              <td className={NUM}>{money(m.teamsSum.plus(m.unallocated))}</td>
              <td className={NUM}>
                <Link href={costsHref} className={LINK}>
                  {money(m.costsTotal)}
                </Link>
              </td>
              <td className={`${TEXT} whitespace-nowrap`}>
                <InvariantCheck difference={m.difference} />
              </td>
            </tr>
          ))}
        </tbody>
        {months.length > 1 ? (
          <tfoot className="border-t border-slate-200 font-medium dark:border-slate-700">
            <tr>
              <th scope="row" className={`${TEXT} font-medium`}>
                Range
              </th>
              <td className={TEXT} />
              <td className={NUM}>{money(range.teamsSum)}</td>
              <td className={NUM}>{money(range.unallocated)}</td>
              <td className={NUM}>{money(range.teamsSum.plus(range.unallocated))}</td>
              <td className={NUM}>{money(range.costsTotal)}</td>
              <td className={`${TEXT} whitespace-nowrap`}>
                <InvariantCheck difference={range.difference} />
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

type Col = { key: keyof Amounts; header: string; money: boolean; optional?: boolean };
const COLUMNS: Col[] = [
  { key: "allocatedAh", header: "Allocated AH", money: false },
  { key: "h100eAh", header: "H100e·h", money: false },
  { key: "usedAh", header: "Used AH", money: false },
  { key: "idleAh", header: "Idle AH", money: false },
  { key: "usedCost", header: "Used cost", money: true },
  { key: "idleCost", header: "Idle cost", money: true },
  { key: "unmeasuredCost", header: "Unmeasured", money: true, optional: true },
  { key: "directCost", header: "Direct", money: true, optional: true },
  { key: "sharedCost", header: "Shared", money: true },
  { key: "total", header: "Total", money: true },
];

/** The columns of a showback table: unmeasured and direct only where some row has them. */
export function showbackColumns(rows: readonly Amounts[]): Col[] {
  return COLUMNS.filter((c) => !c.optional || rows.some((r) => !r[c.key].isZero()));
}

function Cells({ a, columns }: { a: Amounts; columns: Col[] }) {
  return (
    <>
      {columns.map((c) => (
        <td key={c.key} className={`${NUM}${c.key === "total" ? " font-medium" : ""}`}>
          {c.money ? money(a[c.key]) : hours(a[c.key])}
        </td>
      ))}
    </>
  );
}

/**
 * Teams as an indented tree, each row rolled up (its workloads + its sub-teams'), each team's own workloads under it;
 * then the unallocated row and the total. Shared cost is its own column, never inside a workload's number.
 */
export function ShowbackTree({
  caption,
  teams,
  rows,
  workloads,
  workloadAmounts,
  unallocated,
  total,
}: {
  caption: string;
  teams: readonly ShowbackTeam[];
  rows: ReadonlyMap<string, TeamRow>;
  workloads: ReadonlyMap<string, ShowbackWorkload>;
  workloadAmounts: ReadonlyMap<string, Amounts>;
  unallocated: Dec;
  total: Dec;
}) {
  const shown = teams.filter((t) => !isZero(rows.get(t.id)!.rolled));
  const byTeam = new Map<string, [ShowbackWorkload, Amounts][]>();
  for (const [id, a] of workloadAmounts) {
    const w = workloads.get(id);
    if (w && !isZero(a)) byTeam.set(w.teamId, [...(byTeam.get(w.teamId) ?? []), [w, a]]);
  }
  for (const list of byTeam.values()) list.sort((x, y) => x[0].name.localeCompare(y[0].name));
  const columns = showbackColumns([...shown.map((t) => rows.get(t.id)!.rolled), ...workloadAmounts.values()]);
  return (
    <ScrollRegion label={caption} className="rounded-md border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm" data-testid="showback-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            <th scope="col" className={`${TEXT} min-w-56 font-medium`}>
              Team / workload
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`${NUM} font-medium`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className={`px-3 py-3 text-center ${MUTED}`}>
                No team holds an allocation or a share of the pools in this period.
              </td>
            </tr>
          ) : null}
          {shown.flatMap((t) => {
            const row = rows.get(t.id)!;
            const pad = { paddingLeft: `${0.75 + (t.level - 1) * 1.25}rem` };
            return [
              <tr key={t.id} data-team={t.name} className={t.level === 1 ? "bg-slate-50/60 dark:bg-slate-800/30" : undefined}>
                <th scope="row" className={`${TEXT} font-medium`} style={pad}>
                  <Link href={`/allocation/teams/${t.id}`} className={LINK}>
                    {t.name}
                  </Link>
                  {t.costCentre ? <span className={`ml-2 font-mono text-xs font-normal ${MUTED}`}>{t.costCentre}</span> : null}
                </th>
                <Cells a={row.rolled} columns={columns} />
              </tr>,
              ...(byTeam.get(t.id) ?? []).map(([w, a]) => (
                <tr key={w.id} data-workload={w.name}>
                  <th scope="row" className={`${TEXT} font-normal`} style={{ paddingLeft: `${0.75 + t.level * 1.25}rem` }}>
                    <Link href={`/allocation/workloads/${w.id}`} className={LINK}>
                      {w.name}
                    </Link>
                  </th>
                  <Cells a={a} columns={columns} />
                </tr>
              )),
            ];
          })}
        </tbody>
        <tfoot className="border-t border-slate-200 dark:border-slate-700">
          <tr data-team="Unallocated">
            <th scope="row" className={`${TEXT} font-medium`}>
              Unallocated
            </th>
            {columns.map((c) => (
              <td key={c.key} className={NUM}>
                {c.key === "total" ? money(unallocated) : ""}
              </td>
            ))}
          </tr>
          <tr className="font-medium">
            <th scope="row" className={`${TEXT} font-medium`}>
              Total cost
            </th>
            {columns.map((c) => (
              <td key={c.key} className={NUM}>
                {c.key === "total" ? money(total) : ""}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

function isZero(a: Amounts): boolean {
  return a.allocatedAh.isZero() && a.total.isZero();
}

export const POOL_RULE_LABEL = (rule: PoolRule, teamName: (id: string) => string): string =>
  rule.kind === "proportional"
    ? "Proportional to allocation"
    : rule.kind === "even"
      ? "Even across teams"
      : `Kept on ${teamName(rule.teamId)}`;

/** The month links of the detail table: the whole range or one month. */
export function MonthTabs({
  months,
  current,
  hrefOf,
}: {
  months: { key: string; from: Date }[];
  current: string | null;
  hrefOf: (month: string | null) => string;
}) {
  const item = (key: string | null, label: string) =>
    key === current ? (
      <span key={label} aria-current="true" className="rounded-md bg-slate-200 px-2 py-1 font-medium dark:bg-slate-700">
        {label}
      </span>
    ) : (
      <Link key={label} href={hrefOf(key)} className="rounded-md px-2 py-1 text-brand-700 underline dark:text-brand-300">
        {label}
      </Link>
    );
  return (
    <nav aria-label="Month shown" className="flex flex-wrap items-center gap-1 text-sm">
      {item(null, "Whole range")}
      {months.map((m) => item(m.key, formatMonth(m.from)))}
    </nav>
  );
}
