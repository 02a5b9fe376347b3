import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import type { Period } from "@/lib/metrics/period";
import { runwayShiftMonths } from "@/lib/metrics/scenario-delta";

// Two scenarios (or the baseline) side by side. Each side is computed by the functions the pages use — runway by
// /capacity's loadCapacityRunway, spend by /costs' monthlySpend, headroom by /power's buildPowerPage — and these pure
// functions only line the two up, row for row.

export type SideRunway = { overall: Period | null; byFamily: { family: string; runway: Period | null }[] };
export type SideSpendMonth = { month: Period; actual: Dec; planned: Dec; total: Dec };
export type SideSite = {
  siteId: string;
  siteName: string;
  pue: Dec;
  tightest: HeadroomPoint | null;
  overBudgetMonths: number;
  firstOver: HeadroomPoint | null;
};
export type ScenarioSide = {
  key: string;
  label: string;
  scenario: { id: string; name: string } | null;
  warnings: string[];
  runway: SideRunway;
  spend: SideSpendMonth[];
  headroom: SideSite[];
};

export type RunwayRow = { key: string; label: string; a: Period | null; b: Period | null; shift: number | null };
export type SpendRow = { month: Period; a: Dec; b: Dec; delta: Dec; actual: boolean };
export type HeadroomRow = { siteId: string; siteName: string; a: SideSite | null; b: SideSite | null; delta: Dec | null };
export type CompareRows = {
  runway: RunwayRow[];
  spend: SpendRow[];
  spendTotal: { a: Dec; b: Dec; delta: Dec };
  headroom: HeadroomRow[];
};

export { runwayShiftMonths };

/**
 * The rows of the comparison: the overall runway then every family of either side (largest first as side a lists
 * them); spend per month (b − a; a month is "actual" when billing decides it, the same on both sides); every site of
 * either side, tightest first, with the change in its tightest headroom (b − a).
 */
export function compareSides(a: ScenarioSide, b: ScenarioSide): CompareRows {
  const families = [...new Set([...a.runway.byFamily.map((f) => f.family), ...b.runway.byFamily.map((f) => f.family)])];
  const runwayOf = (s: ScenarioSide, family: string) => s.runway.byFamily.find((f) => f.family === family)?.runway ?? null;
  const row = (key: string, label: string, ra: Period | null, rb: Period | null): RunwayRow => ({
    key,
    label,
    a: ra,
    b: rb,
    shift: runwayShiftMonths(ra, rb),
  });

  const spend = a.spend.map((m, i) => {
    const other = b.spend[i];
    const bt = other?.total ?? dec(0);
    return { month: m.month, a: m.total, b: bt, delta: bt.minus(m.total), actual: m.planned.isZero() && !m.actual.isZero() };
  });
  const totalA = sumDec(spend.map((s) => s.a));
  const totalB = sumDec(spend.map((s) => s.b));

  const sites = new Map<string, string>();
  for (const s of [...a.headroom, ...b.headroom]) sites.set(s.siteId, s.siteName);
  const headroom = [...sites.entries()].map(([siteId, siteName]) => {
    const sa = a.headroom.find((s) => s.siteId === siteId) ?? null;
    const sb = b.headroom.find((s) => s.siteId === siteId) ?? null;
    const delta = sa?.tightest && sb?.tightest ? sb.tightest.headroomMw.minus(sa.tightest.headroomMw) : null;
    return { siteId, siteName, a: sa, b: sb, delta };
  });
  const least = (r: HeadroomRow) => {
    const values = [r.a?.tightest?.headroomMw, r.b?.tightest?.headroomMw].filter((v): v is Dec => v !== undefined);
    return values.length ? values.reduce((m, v) => (v.lessThan(m) ? v : m)) : null;
  };
  headroom.sort((x, y) => {
    const lx = least(x);
    const ly = least(y);
    if (lx && ly && !lx.equals(ly)) return lx.comparedTo(ly);
    if (lx && !ly) return -1;
    if (!lx && ly) return 1;
    return x.siteName.localeCompare(y.siteName);
  });

  return {
    runway: [
      row("overall", "All families", a.runway.overall, b.runway.overall),
      ...families.map((f) => row(f, f, runwayOf(a, f), runwayOf(b, f))),
    ],
    spend,
    spendTotal: { a: totalA, b: totalB, delta: totalB.minus(totalA) },
    headroom,
  };
}

export const COMPARE_CSV_HEADER = ["section", "item", "month", "a", "b", "b_minus_a", "note"] as const;

const ym = (p: Period | null | undefined) => (p ? p.from.toISOString().slice(0, 7) : null);

/** The comparison as CSV rows (numbers as exact decimal text, never rounded; months as YYYY-MM; empty = never within the horizon). */
export function compareCsvRows(
  rows: CompareRows,
): { section: string; item: string; month: string | null; a: string | null; b: string | null; delta: string | null; note: string }[] {
  return [
    ...rows.runway.map((r) => ({
      section: "runway",
      item: r.label,
      month: null,
      a: ym(r.a),
      b: ym(r.b),
      delta: r.shift === null ? null : String(r.shift),
      note: "first month median demand exceeds capacity; delta in months",
    })),
    ...rows.spend.map((s) => ({
      section: "spend_usd",
      item: "total",
      month: ym(s.month),
      a: s.a.toFixed(),
      b: s.b.toFixed(),
      delta: s.delta.toFixed(),
      note: s.actual ? "actual (billing)" : "planned",
    })),
    {
      section: "spend_usd",
      item: "range total",
      month: null,
      a: rows.spendTotal.a.toFixed(),
      b: rows.spendTotal.b.toFixed(),
      delta: rows.spendTotal.delta.toFixed(),
      note: "",
    },
    ...rows.headroom.map((h) => ({
      section: "tightest_headroom_mw",
      item: h.siteName,
      month: ym(h.b?.tightest?.month ?? h.a?.tightest?.month),
      a: h.a?.tightest?.headroomMw.toString() ?? null,
      b: h.b?.tightest?.headroomMw.toString() ?? null,
      delta: h.delta?.toString() ?? null,
      note: `over-budget months: a ${h.a?.overBudgetMonths ?? 0}, b ${h.b?.overBudgetMonths ?? 0}`,
    })),
  ];
}
