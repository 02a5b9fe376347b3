import { money, type CsvValue } from "@/lib/csv/write";
import type { ShowbackView } from "./showback-view";

export const CHARGEBACK_HEADER = [
  "team",
  "cost_centre",
  "parent_path",
  "month",
  "currency",
  "used_cost",
  "idle_cost",
  "unmeasured_cost",
  "direct_cost",
  "shared_cost",
  "total",
] as const;

/**
 * The chargeback rows of a showback view: per month, one row per team with a cost — its own workloads and its own
 * share of the pools, not its sub-teams' (the parent path names where it sits, so the rows add up without double
 * counting) — then that month's unallocated row. Σ a month's rows = the month's total cost, to the cent.
 */
export function* chargebackRows(view: ShowbackView): Generator<CsvValue[]> {
  for (const m of view.months) {
    for (const t of view.teams) {
      const own = m.teams.get(t.id)!.own;
      if (own.total.isZero() && own.allocatedAh.isZero()) continue;
      const parentPath = t.path.split(" › ").slice(0, -1).join(" › ");
      yield [
        t.name,
        t.costCentre,
        parentPath || null,
        m.key,
        view.currency,
        money(own.usedCost),
        money(own.idleCost),
        money(own.unmeasuredCost),
        money(own.directCost),
        money(own.sharedCost),
        money(own.total),
      ];
    }
    yield ["Unallocated", null, null, m.key, view.currency, null, null, null, null, null, money(m.unallocated)];
  }
}
