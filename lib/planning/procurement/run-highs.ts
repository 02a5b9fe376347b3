import loadHighs, { type Highs } from "highs";

import { runMipInThread, type MipRun } from "./highs-thread";
import type { ArrayModel } from "./lp-writer";
import type { PlanModel } from "./model";

let highsPromise: Promise<Highs> | null = null;

function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

/** Starts loading HiGHS' WebAssembly (compiled off the main thread) before the model is built. */
export function warmHighs(): void {
  void highs();
}

export type SolveOptions = {
  /** Column values of a feasible plan (the model's columns): HiGHS' starting incumbent, kept when it beats the MIP's. */
  start?: Float64Array | null;
  /** Wall-clock limit of the whole solve; past it the best plan found is returned (default 20). */
  timeLimitSeconds?: number;
  /** Relative gap at which a plan counts as optimal (default 0.0001). */
  mipRelGap?: number;
  /** HiGHS log to the console. */
  log?: boolean;
};

export type RawSolution = {
  status: "optimal" | "time_limit_feasible" | "time_limit_no_solution" | "infeasible" | "error";
  objective: number;
  /** (objective − proved lower bound) ÷ objective. */
  mipGap: number;
  /** Column values by name (integers rounded). */
  values: Map<string, number>;
  rowActivity: Float64Array;
  /** Duals of the LP on the plan's support (null when it could not be solved). */
  rowDual: Float64Array | null;
  supportObjective: number | null;
  /** Objective of the support LP with the given groups of rows relaxed (cap costs), by group key. */
  relaxedObjective: Map<string, number>;
  /** Wall ms of the MIP and of the support LPs. */
  mipMs: number;
  dualsMs: number;
};

export type Relaxation = { objective: number; value: (name: string) => number; reducedCost: (name: string) => number };

/** The LP relaxation (presolve off: on this model HiGHS' presolve costs more than it saves); null if not solved. */
export async function solveRelaxation(model: PlanModel, timeLimitSeconds: number): Promise<Relaxation | null> {
  const h = await highs();
  const m = load(h, model);
  try {
    m.clearIntegrality();
    m.options.set({ output_flag: false, presolve: "off", time_limit: timeLimitSeconds });
    m.run();
    if (m.getModelStatus() !== h.constants.modelStatus.optimal) return null;
    const { colValue, colDual } = m.getSolution();
    const at = (xs: Float64Array, scale: number) => (name: string) => {
      const i = model.column(name);
      return i === undefined ? 0 : (xs[i] ?? 0) / scale;
    };
    return { objective: m.getObjectiveValue() / SCALE, value: at(colValue, 1), reducedCost: at(colDual, SCALE) };
  } finally {
    m.dispose();
  }
}

/** A proved lower bound on the full problem from the MIP's own bound on its (possibly restricted) columns. */
export type LowerBound = (mipBound: number) => number;

type Model = ReturnType<Highs["createModel"]>;

function load(h: Highs, model: PlanModel): Model {
  // Costs run to 1e8–1e9 USD per column: HiGHS sees them in units of $1,024 (a power of 2: scaling back is exact).
  const a = model.arrays;
  return h.createModel({
    numCols: a.numCols,
    numRows: a.numRows,
    colCost: a.colCost.map((c) => c * SCALE),
    colLower: a.colLower,
    colUpper: a.colUpper,
    rowLower: a.rowLower,
    rowUpper: a.rowUpper,
    matrix: { format: "csr", numRows: a.numRows, numCols: a.numCols, starts: a.starts, indices: a.indices, values: a.values },
    integrality: Int32Array.from(a.integer),
  });
}

const SCALE = 1 / 1024;

/**
 * Solves the MIP within the time limit, then the LP on its support (block
 * columns at 0 fixed there, the used binaries fixed, the chosen step counts continuous) for meaningful duals,
 * then that LP once per row group to relax, for the cost of each group.
 */
export async function runHighs(
  model: PlanModel,
  options: SolveOptions & { lowerBound?: LowerBound; skipMip?: boolean },
  relaxGroups: (rowDual: Float64Array) => Map<string, number[]>,
): Promise<RawSolution> {
  const h = await highs();
  const started = performance.now();
  const target = options.mipRelGap ?? 1e-4;
  const a = model.arrays;
  const limit = options.timeLimitSeconds ?? 20;
  const start = options.start ?? null;
  const startObjective = start ? objectiveOf(a, start) : Infinity;
  // A start already within the gap of the relaxation's bound needs no MIP.
  const startBound = options.lowerBound?.(-Infinity) ?? -Infinity;
  const skip = start !== null && (options.skipMip === true || startObjective - startBound <= target * Math.abs(startObjective));
  const mip: MipRun = skip
    ? { status: "optimal", objective: Infinity, dualBound: -Infinity, proved: false, colValue: null }
    : await runMip(model, { ...options, timeLimitSeconds: limit, mipRelGap: target });
  // The starting plan stands when the MIP found nothing better (or HiGHS dropped it).
  const colValue = mip.colValue && mip.objective <= startObjective + 1e-6 ? mip.colValue : start;
  const hasSolution = colValue !== null;
  const objective = colValue === null ? 0 : colValue === mip.colValue ? mip.objective : startObjective;
  const integers = a.integer.some((x) => x === 1);
  const ownBound = integers ? (mip.proved ? Math.min(objective, mip.dualBound) : -Infinity) : objective;
  const bound = options.lowerBound ? options.lowerBound(Number.isFinite(ownBound) ? ownBound : -Infinity) : ownBound;
  const gap = objective === 0 ? 0 : Math.max(0, (objective - bound) / Math.abs(objective));
  // No bound at all (the thread ended at the deadline, no relaxation to fall back on): a 100 % gap.
  const mipGap = Number.isFinite(gap) ? gap : 1;
  const status: RawSolution["status"] = !hasSolution
    ? mip.status === "time_limit"
      ? "time_limit_no_solution"
      : mip.status === "infeasible"
        ? "infeasible"
        : "error"
    : mipGap <= target + 1e-9
      ? "optimal"
      : "time_limit_feasible";
  const mipMs = Math.round(performance.now() - started);
  const result: RawSolution = {
    status,
    objective,
    mipGap: hasSolution ? mipGap : 0,
    values: new Map(),
    rowActivity: new Float64Array(0),
    rowDual: null,
    supportObjective: null,
    relaxedObjective: new Map(),
    mipMs,
    dualsMs: 0,
  };
  if (!colValue) return result;
  const m = load(h, model);
  const objectiveValue = () => m.getObjectiveValue() / SCALE;
  try {
    const sol = { colValue, rowValue: activity(a, colValue) };
    result.rowActivity = sol.rowValue;
    for (const name of [...model.blocks.map((b) => b.name), ...model.used.values(), ...model.unmet.map((u) => u.name)]) {
      const i = model.column(name);
      if (i === undefined) continue;
      const v = sol.colValue[i] ?? 0;
      result.values.set(name, a.integer[i] ? Math.round(v) : v);
    }

    for (const b of model.blocks) {
      const i = model.column(b.name);
      if (i !== undefined && Math.round(sol.colValue[i] ?? 0) === 0) m.changeColBounds(i, 0, 0);
    }
    for (const y of model.used.values()) {
      const i = model.column(y);
      if (i !== undefined) m.changeColBounds(i, Math.round(sol.colValue[i] ?? 0), Math.round(sol.colValue[i] ?? 0));
    }
    m.clearIntegrality();
    m.options.set({ output_flag: false, presolve: "off", time_limit: 30 });
    m.zeroAllClocks();
    m.run();
    if (m.getModelStatus() === h.constants.modelStatus.optimal) {
      const lp = m.getSolution();
      result.rowDual = lp.rowDual.map((d) => d / SCALE);
      result.supportObjective = objectiveValue();
      for (const [key, rows] of relaxGroups(result.rowDual)) {
        for (const r of rows) m.changeRowBounds(r, -Infinity, Infinity);
        m.zeroAllClocks();
        m.run();
        if (m.getModelStatus() === h.constants.modelStatus.optimal) result.relaxedObjective.set(key, objectiveValue());
        for (const r of rows) m.changeRowBounds(r, a.rowLower[r] ?? -Infinity, a.rowUpper[r] ?? Infinity);
      }
    }
    result.dualsMs = Math.round(performance.now() - started) - mipMs;
    return result;
  } finally {
    m.dispose();
  }
}

/** Σ cost × value, in USD. */
function objectiveOf(a: ArrayModel, x: Float64Array): number {
  let z = 0;
  for (let j = 0; j < a.numCols; j++) z += (a.colCost[j] ?? 0) * (x[j] ?? 0);
  return z;
}

/** Row activities A·x. */
function activity(a: ArrayModel, x: Float64Array): Float64Array {
  const out = new Float64Array(a.numRows);
  for (let r = 0; r < a.numRows; r++) {
    let v = 0;
    for (let k = a.starts[r] ?? 0; k < (a.starts[r + 1] ?? 0); k++) v += (a.values[k] ?? 0) * (x[a.indices[k] ?? 0] ?? 0);
    out[r] = v;
  }
  return out;
}

/**
 * The MIP in a worker thread (highs-thread.ts), in USD: ended at the deadline with the best incumbent it reported.
 */
async function runMip(
  model: PlanModel,
  options: { timeLimitSeconds: number; mipRelGap: number; log?: boolean; start?: Float64Array | null },
): Promise<MipRun> {
  const a = model.arrays;
  const run = await runMipInThread(
    { ...a, colCost: a.colCost.map((c) => c * SCALE) },
    {
      timeLimitSeconds: options.timeLimitSeconds,
      mipRelGap: options.mipRelGap,
      log: options.log ?? false,
      deadline: Date.now() + options.timeLimitSeconds * 1000,
      start: options.start ?? null,
    },
  );
  return { ...run, objective: run.objective / SCALE, dualBound: run.dualBound / SCALE };
}
