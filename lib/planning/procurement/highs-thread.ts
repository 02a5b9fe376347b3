import { Worker } from "node:worker_threads";

import type { ArrayModel } from "./lp-writer";

// The MIP's worker thread (highs-worker.mjs), kept warm between solves: starting a thread and loading HiGHS'
// WebAssembly costs 0.1–0.3 s. A thread takes one solve at a time (concurrent solves get threads of their own, up to
// IDLE_KEPT of them kept). HiGHS is told the time limit and interrupts itself at the deadline, but does not always
// listen (runs of 106 s and 347 s against a 20 s limit were seen): a thread still busy at the deadline is terminated,
// the best incumbent it reported stands, and a fresh thread is started for the next solve.

export type MipRun = {
  status: "optimal" | "time_limit" | "infeasible" | "other";
  /** In the arrays' cost units; Infinity without a solution. */
  objective: number;
  dualBound: number;
  /** The MIP's bound is known (false when the thread was ended at the deadline). */
  proved: boolean;
  colValue: Float64Array | null;
};

type WorkerMessage =
  | { type: "ready" }
  | { type: "incumbent"; id: number; objective: number; colValue: Float64Array }
  | {
      type: "done";
      id: number;
      status: MipRun["status"];
      hasSolution: boolean;
      objective: number;
      dualBound: number;
      colValue: Float64Array | null;
    }
  | { type: "error"; id: number | null; message: string };

/** Grace after the deadline for the worker to answer its own interrupt before it is terminated. */
const GRACE_MS = 150;
const IDLE_KEPT = 2;

const idle: Worker[] = [];
let nextId = 1;

function spawn(): Worker {
  const worker = new Worker(new URL("./highs-worker.mjs", import.meta.url));
  // An idle thread never keeps the process alive (CLI, bench, tests end when their work does).
  worker.unref();
  const forget = () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  };
  worker.on("error", forget);
  worker.on("exit", forget);
  return worker;
}

/** Starts a thread and loads HiGHS in it ahead of the MIP (the model build and the LP relaxation run meanwhile). */
export function warmHighsThread(): void {
  if (idle.length === 0) idle.push(spawn());
}

function release(worker: Worker): void {
  worker.removeAllListeners("message");
  worker.unref();
  if (idle.length < IDLE_KEPT) idle.push(worker);
  else void worker.terminate();
}

/** The MIP in a warm worker thread, ended at `deadline` (epoch ms) at the latest with the best incumbent reported. */
export function runMipInThread(
  arrays: ArrayModel,
  options: { timeLimitSeconds: number; mipRelGap: number; log: boolean; deadline: number; start: Float64Array | null },
): Promise<MipRun> {
  const worker = idle.pop() ?? spawn();
  worker.ref();
  const id = nextId++;
  return new Promise<MipRun>((resolve) => {
    let best: { objective: number; colValue: Float64Array } | null = null;
    let settled = false;
    const finish = (run: MipRun, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("error", failed);
      worker.off("exit", failed);
      if (healthy) release(worker);
      else {
        worker.removeAllListeners("message");
        void worker.terminate();
      }
      resolve(run);
    };
    const fromBest = (status: MipRun["status"]): MipRun =>
      best
        ? { status, objective: best.objective, dualBound: -Infinity, proved: false, colValue: best.colValue }
        : { status, objective: Infinity, dualBound: -Infinity, proved: false, colValue: null };
    const failed = () => finish(fromBest("other"), false);
    const timer = setTimeout(() => finish(fromBest("time_limit"), false), Math.max(0, options.deadline - Date.now()) + GRACE_MS);
    worker.on("error", failed);
    worker.on("exit", failed);
    worker.on("message", (msg: WorkerMessage) => {
      if (msg.type === "ready") return;
      if (msg.id !== id) return;
      if (msg.type === "incumbent") {
        if (!best || msg.objective < best.objective) best = { objective: msg.objective, colValue: msg.colValue };
      } else if (msg.type === "done") {
        if (!msg.hasSolution || !msg.colValue) return finish(fromBest(msg.status === "optimal" ? "other" : msg.status), true);
        finish({ status: msg.status, objective: msg.objective, dualBound: msg.dualBound, proved: true, colValue: msg.colValue }, true);
      } else finish(fromBest("other"), false);
    });
    worker.postMessage({ type: "solve", id, arrays, ...options });
  });
}
