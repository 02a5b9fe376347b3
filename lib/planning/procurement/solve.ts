import { bindingCapGroups, budgetBinding, capBindings, offerBindings, powerBindings, unmetBindings, type Duals } from "./bindings";
import { completeSolution, roundRelaxation } from "./heuristic";
import { warmHighsThread } from "./highs-thread";
import { buildModel, type Formulation, type PlanModel } from "./model";
import { chosenBlocks, familyMonths, monthShares, siteMonths, totalCost } from "./plan-result";
import { runHighs, solveRelaxation, warmHighs, type LowerBound, type RawSolution, type Relaxation, type SolveOptions } from "./run-highs";
import type { PlanStatus, PlanWorld, ProcurementPlan } from "./types";

export type PlanOptions = SolveOptions & {
  formulation?: Formulation;
  /** Solve the LP relaxation first and the MIP on the columns it prices near zero (default: above 1,500 block columns). */
  twoPass?: boolean;
  /** Two-pass only: return the rounded relaxation without running the MIP (tests of the heuristic, quick previews). */
  heuristicOnly?: boolean;
};

const TWO_PASS_ABOVE = 1500;

type Pass = { model: PlanModel; raw: RawSolution };

/** The block columns the relaxation uses or prices within `tau` of zero, and a lower bound for the columns left out. */
function restrict(
  world: PlanWorld,
  formulation: Formulation,
  full: PlanModel,
  relax: Relaxation,
  open: Set<string>,
): { model: PlanModel; lowerBound: LowerBound } {
  let least = Infinity;
  for (const b of full.blocks) if (!open.has(b.name)) least = Math.min(least, relax.reducedCost(b.name));
  // Any plan using a left-out column j costs at least z + d_j (LP duality), so the full problem's bound is
  // max(z, min(the restricted MIP's bound, z + the least d_j left out)).
  const lowerBound: LowerBound = (mipBound) => Math.max(relax.objective, Math.min(mipBound, relax.objective + least));
  return { model: buildModel(world, formulation, (o, s) => open.has(`n${o}_${s}`)), lowerBound };
}

async function solveTwoPass(
  world: PlanWorld,
  options: PlanOptions,
  full: PlanModel,
  remaining: () => number,
  groups: Groups,
): Promise<Pass & { lpMs: number; heuristicMs: number }> {
  const formulation = options.formulation ?? "direct";
  const t = performance.now();
  const relax = await solveRelaxation(full, remaining());
  const lpMs = Math.round(performance.now() - t);
  if (!relax)
    return { model: full, raw: await runHighs(full, { ...options, timeLimitSeconds: remaining() }, groups(full)), lpMs, heuristicMs: 0 };
  const tau = Math.max(1e-6, Math.abs(relax.objective) * 1e-6);
  const open = new Set(full.blocks.filter((b) => relax.value(b.name) > 1e-9 || relax.reducedCost(b.name) <= tau).map((b) => b.name));
  // The LP rounded and repaired: HiGHS' first incumbent (its blocks stay open in the restricted MIP).
  // Its local search gets up to 40 % of the time limit (0.3–8 s) and stops once within the gap asked for; the
  // restricted MIP gets the rest.
  const target = options.mipRelGap ?? 1e-4;
  const improveMs = Math.min(8000, Math.max(300, (options.timeLimitSeconds ?? 20) * 400));
  const goodEnough = relax.objective / (1 - 0.98 * target);
  const rounded = formulation === "direct" ? roundRelaxation(world, full, relax.value, improveMs, goodEnough) : null;
  const steps = new Map<string, number>();
  full.blocks.forEach((b, j) => {
    const v = rounded?.[j] ?? 0;
    if (v <= 0) return;
    steps.set(b.name, v);
    open.add(b.name);
  });
  const first = restrict(world, formulation, full, relax, open);
  const start = rounded ? completeSolution(world, first.model, steps) : null;
  const heuristicMs = Math.round(performance.now() - t) - lpMs;
  const raw = await runHighs(
    first.model,
    { ...options, start, skipMip: options.heuristicOnly === true, timeLimitSeconds: remaining(), lowerBound: first.lowerBound },
    groups(first.model),
  );
  const solved = raw.status === "optimal" || raw.status === "time_limit_feasible";
  if (!solved || raw.mipGap <= target || options.heuristicOnly || remaining() < (options.timeLimitSeconds ?? 20) / 2)
    return { model: first.model, raw, lpMs, heuristicMs };
  // Pass two: reopen the cheapest-priced columns that could still improve the plan, up to three times as many.
  const more = full.blocks
    .filter((b) => !open.has(b.name) && relax.reducedCost(b.name) < raw.objective - relax.objective)
    .sort((x, y) => relax.reducedCost(x.name) - relax.reducedCost(y.name))
    .slice(0, 2 * open.size + 100);
  for (const b of more) open.add(b.name);
  const second = restrict(world, formulation, full, relax, open);
  const best = new Map([...raw.values].filter(([name]) => name.startsWith("n")));
  const raw2 = await runHighs(
    second.model,
    { ...options, start: completeSolution(world, second.model, best), timeLimitSeconds: remaining(), lowerBound: second.lowerBound },
    groups(second.model),
  );
  const better = (raw2.status === "optimal" || raw2.status === "time_limit_feasible") && raw2.objective <= raw.objective + 1e-6;
  return better ? { model: second.model, raw: raw2, lpMs, heuristicMs } : { model: first.model, raw, lpMs, heuristicMs };
}

type Groups = (model: PlanModel) => (rowDual: Float64Array) => Map<string, number[]>;

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
  warmHighs();
  const limit = options.timeLimitSeconds ?? 20;
  const remaining = () => Math.max(0.1, limit - (performance.now() - started) / 1000);
  const full = buildModel(world, options.formulation ?? "direct");
  const buildMs = Math.round(performance.now() - started);
  const groups: Groups = (m) => (rowDual) => bindingCapGroups(m, rowDual);
  const twoPass = options.twoPass ?? full.blocks.length > TWO_PASS_ABOVE;
  // The MIP runs at once on a small world: its thread loads HiGHS meanwhile. A two-pass solve often ends with the
  // rounded relaxation; its thread starts when needed (and stays warm for the next solve).
  if (!twoPass) warmHighsThread();
  let model = full;
  let raw: RawSolution | null = null;
  let lpMs = 0;
  let heuristicMs = 0;
  if (full.blocks.length + full.unmet.length > 0) {
    if (twoPass) ({ model, raw, lpMs, heuristicMs } = await solveTwoPass(world, options, full, remaining, groups));
    else raw = await runHighs(full, { ...options, timeLimitSeconds: remaining() }, groups(full));
  }
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
  const bought = new Map<number, number>();
  for (const b of blocks) bought.set(b.offerIndex, (bought.get(b.offerIndex) ?? 0) + b.quantity);
  const duals: Duals = { rowDual: raw?.rowDual ?? null, activity: raw?.rowActivity ?? new Float64Array(0) };
  const solved = status === "optimal" || status === "time_limit_feasible";
  const bindings = solved
    ? [
        ...powerBindings(world, model, duals, families, bought),
        ...capBindings(world, model, duals, raw?.supportObjective ?? null, raw?.relaxedObjective ?? new Map<string, number>()),
        ...budgetBinding(world, model, duals, families),
        ...offerBindings(world, model, duals, families),
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
    model: {
      rows: full.rows.length,
      columns: full.arrays.numCols,
      integers: full.integers,
      nonzeros: full.nonzeros,
      openColumns: model.blocks.length,
    },
    timing: { buildMs, lpMs, heuristicMs, mipMs: raw?.mipMs ?? 0, dualsMs: raw?.dualsMs ?? 0 },
    message: MESSAGES[status],
  };
}
