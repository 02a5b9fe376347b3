// The MIP of the procurement plan, run by HiGHS (WebAssembly) in a worker thread so that the caller can end it at
// its deadline even when HiGHS overruns its own time limit (run-highs.ts terminates this thread then). The thread
// stays alive between solves (HiGHS loaded once) and takes one solve at a time. Plain JavaScript: it loads the same
// way under tsx, vitest and a Next.js server (where `highs` is an external package).
// In (message):  { type: "solve", id, arrays, timeLimitSeconds, mipRelGap, log, deadline (epoch ms), start (or null) }
// Out: { type: "ready" } once HiGHS is loaded; for each solve { type: "incumbent", id, objective, colValue } on each
//      improving solution, then { type: "done", id, status, hasSolution, objective, dualBound, colValue }
//      (objective in the model's units), or { type: "error", id, message }.
import { parentPort } from "node:worker_threads";

import loadHighs from "highs";

const FEASIBLE = 2;
const highs = loadHighs();

function solve(h, { id, arrays: a, timeLimitSeconds, mipRelGap, log, deadline, start }) {
  const m = h.createModel({
    numCols: a.numCols,
    numRows: a.numRows,
    colCost: a.colCost,
    colLower: a.colLower,
    colUpper: a.colUpper,
    rowLower: a.rowLower,
    rowUpper: a.rowUpper,
    matrix: { format: "csr", numRows: a.numRows, numCols: a.numCols, starts: a.starts, indices: a.indices, values: a.values },
    integrality: Int32Array.from(a.integer),
  });
  try {
    m.options.set({ output_flag: log, mip_rel_gap: mipRelGap, time_limit: timeLimitSeconds });
    if (start) {
      try {
        m.setSolution({ colValue: start });
      } catch {
        // A start HiGHS rejects is only a lost hint.
      }
    }
    const stop = (event) => {
      if (Date.now() > deadline) event.interrupt();
    };
    const improving = (event) => {
      const colValue = event.data.mip_solution;
      const objective = event.data.objective_function_value;
      if (colValue && typeof objective === "number") parentPort.postMessage({ type: "incumbent", id, objective, colValue });
    };
    const c = h.constants.callbackType;
    m.run({ [c.mipInterrupt]: stop, [c.simplexInterrupt]: stop, [c.mipImprovingSolution]: improving });
    const code = m.getModelStatus();
    const s = h.constants.modelStatus;
    const status =
      code === s.optimal
        ? "optimal"
        : code === s.timeLimit || code === s.interrupted
          ? "time_limit"
          : code === s.infeasible
            ? "infeasible"
            : "other";
    const hasSolution = code === s.optimal || Number(m.info.get("primal_solution_status")) === FEASIBLE;
    const integers = a.integer.some((x) => x === 1);
    const objective = hasSolution ? m.getObjectiveValue() : 0;
    const dualBound = integers ? Number(m.info.get("mip_dual_bound")) : objective;
    const colValue = hasSolution ? m.getSolution().colValue : null;
    parentPort.postMessage({ type: "done", id, status, hasSolution, objective, dualBound, colValue });
  } finally {
    m.dispose();
  }
}

highs.then(
  () => parentPort.postMessage({ type: "ready" }),
  (error) => parentPort.postMessage({ type: "error", id: null, message: String(error?.message ?? error) }),
);

parentPort.on("message", (msg) => {
  if (msg?.type !== "solve") return;
  highs
    .then((h) => solve(h, msg))
    .catch((error) => parentPort.postMessage({ type: "error", id: msg.id, message: String(error?.message ?? error) }));
});
