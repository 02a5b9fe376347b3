import type { CsvRows } from "@/lib/csv/response";
import { money, num, type CsvValue } from "@/lib/csv/write";
import { isoDay, startOfUtcMonth } from "@/lib/metrics/calendar";
import { DIMENSIONS } from "@/lib/metrics/concentration";
import type { ContractBurndown } from "@/lib/queries/contracts/burndown";
import type { ConcentrationPage } from "@/lib/queries/concentration";
import type { OverviewResult } from "@/lib/queries/overview";
import type { PowerPage } from "@/lib/queries/power";
import { currencyNote } from "@/lib/queries/overview/points";
import { unmeasuredNote } from "@/lib/queries/utilization/points";

// The tables behind the answer pages as CSV (header + rows), one definition each: the app's export routes and
// the shared report's CSV downloads both write these.

export type CsvTable = { fileName: string; header: readonly string[]; rows: CsvRows };

const month = (d: Date) => isoDay(startOfUtcMonth(d)).slice(0, 7);
const monthOrBlank = (p: { from: Date } | null) => (p ? isoDay(p.from).slice(0, 7) : "");
const fixed = (d: { toFixed: (n?: number) => string }, places?: number) => num(places === undefined ? d.toFixed() : d.toFixed(places));

/** /power: every site × month (default), or `causes`: the blocks drawing power in the selected site-month. */
export function powerTable(page: PowerPage, table: "sites" | "causes" = "sites", today = new Date()): CsvTable {
  if (table === "causes") {
    const c = page.causes;
    return {
      fileName: `power-causes-${isoDay(today)}.csv`,
      header: [
        "site",
        "month",
        "reservation_id",
        "reservation",
        "provider",
        "accelerator_type",
        "accelerators",
        "system_w",
        "start_at",
        "end_at",
        "it_mw",
        "facility_mw",
        "scenario_only",
      ],
      rows: (c?.blocks ?? []).map((b): CsvValue[] => [
        c!.siteName,
        month(c!.point.month.from),
        b.added ? "" : b.id,
        b.name,
        b.providerName,
        b.typeName,
        b.quantity,
        b.systemW,
        b.startAt,
        b.endAt,
        fixed(b.itMw),
        fixed(b.facilityMw),
        b.added ? "yes" : "no",
      ]),
    };
  }
  return {
    fileName: `power-${isoDay(today)}.csv`,
    header: ["site", "provider", "month", "tightest_at", "pue", "budget_mw", "it_mw", "facility_mw", "headroom_mw", "over_budget"],
    rows: page.sites.flatMap((s) =>
      s.monthly.map((p): CsvValue[] => [
        s.siteName,
        s.providerName,
        month(p.month.from),
        p.at,
        fixed(s.pue),
        fixed(p.budgetMw),
        fixed(p.itMw),
        fixed(p.facilityMw),
        fixed(p.headroomMw),
        p.overBudget ? "yes" : "no",
      ]),
    ),
  };
}

/** /concentration: the shares with HHI per dimension (default), or `loss`: the loss-of-one table. */
export function concentrationTable(page: ConcentrationPage, table: "shares" | "loss" = "shares"): CsvTable {
  if (table === "loss") {
    return {
      fileName: `concentration-loss-of-one-${isoDay(page.at)}.csv`,
      header: ["dimension", "member", "h100e_lost", "h100e_left", "share_left", "runway_with_all", "runway_left", "horizon_end"],
      rows: page.loss.rows.map((r): CsvValue[] => [
        r.dimension,
        r.label,
        fixed(r.lost),
        fixed(r.capacityLeft),
        fixed(r.shareLeft, 6),
        monthOrBlank(page.loss.runway),
        monthOrBlank(r.runwayLeft),
        monthOrBlank(page.months[page.months.length - 1] ?? null),
      ]),
    };
  }
  return {
    fileName: `concentration-shares-${isoDay(page.at)}.csv`,
    header: ["as_of", "dimension", "member", "h100e", "share", "dimension_hhi", "hhi_reading"],
    rows: DIMENSIONS.flatMap((d) =>
      page.shares[d].map((s): CsvValue[] => [
        page.at,
        d,
        s.label,
        fixed(s.h100e),
        fixed(s.share, 6),
        fixed(page.hhi[d].value, 2),
        page.hhi[d].reading,
      ]),
    ),
  };
}

/** The Overview's key figures, one row each: money to the cent, other figures exact (not the rounded card text). */
export function kpiTable(o: OverviewResult): CsvTable {
  const tightest = o.power.tightest;
  const runway = o.runway.overall.runway;
  const rows: CsvValue[][] = [
    [
      "committed_spend",
      money(o.committed.total),
      "USD",
      [
        `${o.committed.contracts} active, pending or exhausted contracts`,
        currencyNote(o.committed.converted, o.committed.unconverted, "contract"),
      ]
        .filter(Boolean)
        .join("; "),
    ],
    ["spend_to_date", money(o.spend.toDate.total), "USD", `${isoDay(o.spend.toDate.period.from)} to ${isoDay(o.spend.toDate.period.to)}`],
    [
      "forecast_12_months",
      money(o.spend.forecast.total),
      "USD",
      `${isoDay(o.spend.forecast.period.from)} to ${isoDay(o.spend.forecast.period.to)}`,
    ],
    ["accelerators", o.fleet.accelerators, "accelerators", `in service at ${isoDay(o.fleet.at)}`],
    ["h100_equivalents", fixed(o.fleet.h100e, 2), "H100e", `in service at ${isoDay(o.fleet.at)}`],
    [
      "utilization_30_days",
      o.utilization.ratio ? fixed(o.utilization.ratio, 6) : null,
      "ratio",
      ["used ÷ capacity accelerator-hours of the measured blocks", unmeasuredNote(o.utilization.unmeasured)].filter(Boolean).join("; "),
    ],
    [
      "tightest_power_headroom",
      tightest ? fixed(tightest.point.headroomMw) : null,
      "MW",
      tightest ? `${tightest.site.siteName}, ${month(tightest.point.month.from)}` : "no site",
    ],
    ["runway", runway ? month(runway.from) : null, "month", runway ? "first month median demand exceeds capacity" : "beyond the horizon"],
    ["expiring_in_90_days", o.expiring.accelerators, "accelerators", ""],
  ];
  return { fileName: `key-figures-${isoDay(o.asOf)}.csv`, header: ["figure", "value", "unit", "note"], rows: rows };
}

/**
 * Contract burn-downs: one row per contract × point (committed, expected, consumed to date, projected = consumed +
 * scheduled + other up to the point; none for an ended contract), money to the cent.
 */
export function burndownTable(
  contracts: readonly { name: string; reference: string | null }[],
  burndowns: readonly ContractBurndown[],
  asOf: Date,
): CsvTable {
  return {
    fileName: `contract-burndowns-${isoDay(asOf)}.csv`,
    header: ["contract", "reference", "at", "committed", "expected", "consumed", "projected"],
    rows: burndowns.flatMap((b, i) =>
      b.points.map((p): CsvValue[] => [
        contracts[i]!.name,
        contracts[i]!.reference,
        p.at,
        money(p.committed),
        money(p.expected),
        p.consumed ? money(p.consumed) : null,
        p.projected ? money(p.projected) : null,
      ]),
    ),
  };
}
