import { bindingCapGroups, budgetBinding, capBindings, offerBindings, powerBindings, unmetBindings, type Duals } from "./bindings";
import { buildModel, type Formulation } from "./model";
import { chosenBlocks, familyMonths, monthShares, siteMonths, totalCost } from "./plan-result";
import { runHighs, type SolveOptions } from "./run-highs";
import type { PlanStatus, PlanWorld, ProcurementPlan } from "./types";

export type PlanOptions = SolveOptions & { formulation?: Formulation };

const MESSAGES: Record<PlanStatus, string> = {
  optimal: "Optimal plan.",
  time_limit_feasible: "The time limit stopped the solve: this is the best plan found, not proved optimal.",
  time_limit_no_solution: "The time limit stopped the solve before any plan was found.",
  infeasible: "No plan satisfies the constraints.",
  error: "The solver failed on this model.",
};

/** The cheapest set of blocks covering the world's demand within its power, caps and budget (PRODUCT.md §3). */
export async function solveProcurementPlan(world: PlanWorld, options: PlanOptions = {}): Promise<ProcurementPlan> {
  const started = performance.now();
  if (world.months.length === 0) throw new Error("The plan needs at least one month.");
  const model = buildModel(world, options.formulation ?? "stock");
  const raw =
    model.blocks.length + model.unmet.length === 0
      ? null
      : await runHighs(model, options, (rowDual) => bindingCapGroups(model, rowDual));
  const status: PlanStatus = raw?.status ?? "optimal";
  const values = raw?.values ?? new Map<string, number>();
  const blocks = chosenBlocks(world, model, values);
  const coverRow = new Map<string, number>();
  model.rows.forEach((row, r) => {
    if (row.kind === "cover") coverRow.set(`${row.family}:${row.month}`, r);
  });
  const coverDual = (f: number, m: number) => {
    const r = coverRow.get(`${f}:${m}`);
    return r === undefined || !raw?.rowDual ? 0 : Math.max(0, raw.rowDual[r] ?? 0);
  };
  const families = familyMonths(world, blocks, coverDual);
  const duals: Duals = { rowDual: raw?.rowDual ?? null, activity: raw?.rowActivity ?? new Float64Array(0) };
  const solved = status === "optimal" || status === "time_limit_feasible";
  const bindings = solved
    ? [
        ...powerBindings(world, model, duals),
        ...capBindings(world, model, duals, raw?.supportObjective ?? null, raw?.relaxedObjective ?? new Map()),
        ...budgetBinding(world, model, duals, families),
        ...offerBindings(world, model, duals),
        ...unmetBindings(world, model, duals, families),
      ]
    : [];
  return {
    status,
    objective: raw?.objective ?? 0,
    committedCost: totalCost(blocks, "committedCost"),
    costInHorizon: totalCost(blocks, "costInHorizon"),
    penaltyPerH100eMonth: model.penalty,
    blocks: blocks.map(({ offerIndex: _o, start: _s, end: _e, ...b }) => b),
    families,
    sites: siteMonths(world, blocks),
    shares: monthShares(world, blocks),
    bindings,
    solveMs: Math.round(performance.now() - started),
    mipGap: raw?.mipGap ?? 0,
    model: { rows: model.rows.length, columns: raw?.columns ?? 0, integers: model.integers, nonzeros: model.nonzeros },
    message: MESSAGES[status],
  };
}
