import { Dec } from "./decimal";
import { ownCost, type WorkloadCost } from "./showback";

// /costs under the team / workload filter (issue 19 deliverable 7): one month of the showback (lib/metrics/showback.ts)
// narrowed to a selection of workloads. Its own cost is the Σ of its workloads' own costs (used + idle + unmeasured +
// direct), its shared cost the Σ of what the month's shared pool gave its teams (a team and every team under it) —
// the two apart, never one inside the other, as /allocation shows them.

export type SelectionCost = {
  allocatedAh: Dec;
  usedAh: Dec;
  usedCost: Dec;
  idleCost: Dec;
  unmeasuredCost: Dec;
  directCost: Dec;
  /** usedCost + idleCost + unmeasuredCost + directCost. */
  own: Dec;
  /** The shared pool's cost given to the selection's teams; 0 for a workload (the pool is distributed per team). */
  shared: Dec;
  /** own + shared. */
  total: Dec;
};

export function selectionCost(
  month: { byWorkload: ReadonlyMap<string, WorkloadCost>; sharedByTeam: ReadonlyMap<string, Dec> },
  selection: { workloadIds: readonly string[]; teamIds: readonly string[] },
): SelectionCost {
  const c = {
    allocatedAh: new Dec(0),
    usedAh: new Dec(0),
    usedCost: new Dec(0),
    idleCost: new Dec(0),
    unmeasuredCost: new Dec(0),
    directCost: new Dec(0),
    own: new Dec(0),
  };
  for (const id of new Set(selection.workloadIds)) {
    const w = month.byWorkload.get(id);
    if (!w) continue;
    c.allocatedAh = c.allocatedAh.plus(w.allocatedAh);
    c.usedAh = c.usedAh.plus(w.usedAh);
    c.usedCost = c.usedCost.plus(w.usedCost);
    c.idleCost = c.idleCost.plus(w.idleCost);
    c.unmeasuredCost = c.unmeasuredCost.plus(w.unmeasuredCost);
    c.directCost = c.directCost.plus(w.directCost);
    c.own = c.own.plus(ownCost(w));
  }
  const shared = [...new Set(selection.teamIds)].reduce((s, t) => s.plus(month.sharedByTeam.get(t) ?? 0), new Dec(0));
  return { ...c, shared, total: c.own.plus(shared) };
}

/** The months summed (the period's line). */
export function sumSelectionCosts(costs: readonly SelectionCost[]): SelectionCost {
  const keys = ["allocatedAh", "usedAh", "usedCost", "idleCost", "unmeasuredCost", "directCost", "own", "shared", "total"] as const;
  const out = Object.fromEntries(keys.map((k) => [k, new Dec(0)])) as SelectionCost;
  for (const c of costs) for (const k of keys) out[k] = out[k].plus(c[k]);
  return out;
}
