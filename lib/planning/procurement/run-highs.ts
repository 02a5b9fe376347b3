import loadHighs, { type Highs } from "highs";

import type { PlanModel } from "./model";

let highsPromise: Promise<Highs> | null = null;

function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

export type SolveOptions = { timeLimitSeconds?: number; mipRelGap?: number };

export type RawSolution = {
  status: "optimal" | "time_limit_feasible" | "time_limit_no_solution" | "infeasible" | "error";
  objective: number;
  mipGap: number;
  /** Column values by name (integers rounded). */
  values: Map<string, number>;
  rowActivity: Float64Array;
  /** Duals of the LP on the plan's support (null when it could not be solved). */
  rowDual: Float64Array | null;
  supportObjective: number | null;
  /** Objective of the support LP with the given groups of rows relaxed (cap costs), by group key. */
  relaxedObjective: Map<string, number>;
  columns: number;
};

const FEASIBLE = 2;

/**
 * Solves the MIP within the time limit, then the LP on its support (columns at 0 fixed there, the used binaries
 * fixed, the chosen blocks' step counts continuous) for meaningful duals, then that LP once per row group to relax.
 */
export async function runHighs(model: PlanModel, options: SolveOptions, relaxGroups: (rowDual: Float64Array, activity: Float64Array) => Map<string, number[]>): Promise<RawSolution> {
  const h = await highs();
  const m = h.createModel({ format: "lp", data: model.lp });
  try {
    m.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 20, mip_rel_gap: options.mipRelGap ?? 1e-4 });
    m.run();
    const code = m.getModelStatus();
    const { numCols } = m.getDimensions();
    const hasSolution = Number(m.info.get("primal_solution_status")) === FEASIBLE;
    const status: RawSolution["status"] =
      code === h.constants.modelStatus.optimal
        ? "optimal"
        : code === h.constants.modelStatus.timeLimit || code === h.constants.modelStatus.interrupted
          ? hasSolution
            ? "time_limit_feasible"
            : "time_limit_no_solution"
          : code === h.constants.modelStatus.infeasible
            ? "infeasible"
            : hasSolution
              ? "time_limit_feasible"
              : "error";
    const empty: RawSolution = { status, objective: 0, mipGap: 0, values: new Map(), rowActivity: new Float64Array(0), rowDual: null, supportObjective: null, relaxedObjective: new Map(), columns: numCols };
    if (!hasSolution) return empty;

    const sol = m.getSolution();
    const integer = new Set<string>([...model.blocks.map((b) => b.name), ...model.used.values()]);
    const values = new Map<string, number>();
    const index = new Map<string, number>();
    for (let i = 0; i < numCols; i++) {
      const name = m.getColName(i);
      index.set(name, i);
      const v = sol.colValue[i] ?? 0;
      values.set(name, integer.has(name) ? Math.round(v) : v);
    }
    const mipGap = status === "optimal" ? Math.max(0, Number(m.info.get("mip_gap")) || 0) : Number(m.info.get("mip_gap"));
    const result: RawSolution = { ...empty, objective: m.getObjectiveValue(), mipGap, values, rowActivity: sol.rowValue };

    for (const b of model.blocks) {
      const i = index.get(b.name);
      if (i !== undefined && (values.get(b.name) ?? 0) === 0) m.changeColBounds(i, 0, 0);
    }
    for (const y of model.used.values()) {
      const i = index.get(y);
      if (i !== undefined) m.changeColBounds(i, values.get(y) ?? 0, values.get(y) ?? 0);
    }
    m.clearIntegrality();
    m.run();
    if (m.getModelStatus() !== h.constants.modelStatus.optimal) return result;
    const lp = m.getSolution();
    result.rowDual = lp.rowDual;
    result.supportObjective = m.getObjectiveValue();
    for (const [key, rows] of relaxGroups(lp.rowDual, lp.rowValue)) {
      for (const r of rows) m.changeRowBounds(r, -Infinity, Infinity);
      m.run();
      if (m.getModelStatus() === h.constants.modelStatus.optimal) result.relaxedObjective.set(key, m.getObjectiveValue());
      for (const r of rows) m.changeRowBounds(r, -Infinity, model.rowRhs[r] ?? 0);
    }
    return result;
  } finally {
    m.dispose();
  }
}
