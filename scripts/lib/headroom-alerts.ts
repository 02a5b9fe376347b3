import { parseArgs } from "node:util";
import type { DbHandle } from "@/lib/db/client";
import { evaluateAlerts, type EvaluatedAlert, type EvaluationResult } from "@/lib/alerts/evaluate";
import { deliverPending, deliveryText } from "@/lib/notify/deliver";
import { evaluationText } from "@/lib/alerts/schedule";

export const ALERTS_USAGE = `  npm run headroom -- alerts evaluate [--at ISO-TIME] [--json]`;
export const ALERTS_HELP = `alerts evaluate: evaluates every enabled alert rule now (or as of --at, for tests and backfills), records what
fired and resolved and the notifications to send, and prints them; --json prints the result as JSON.`;

type Io = { open: () => Promise<DbHandle>; out: (line: string) => void };

export function parseAlertsArgs(args: readonly string[]): { asOf: Date | undefined; json: boolean } | string {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { at: { type: "string" }, json: { type: "boolean" } } });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== "evaluate") return "Expected: alerts evaluate.";
  let asOf: Date | undefined;
  if (values.at !== undefined) {
    asOf = new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.at) ? `${values.at}T00:00:00Z` : values.at);
    if (Number.isNaN(asOf.getTime())) return `--at must be an ISO time, like 2027-01-15T09:00:00Z (got ${values.at}).`;
  }
  return { asOf, json: values.json ?? false };
}

const json = (a: EvaluatedAlert) => ({ ...a, firstFiredAt: a.firstFiredAt.toISOString() });

export function alertsJson(r: EvaluationResult) {
  return {
    evaluationId: r.evaluationId,
    asOf: r.asOf.toISOString(),
    fired: r.fired.map(json),
    repeated: r.repeated.map(json),
    resolved: r.resolved.map(json),
    firing: r.firing.map(json),
    errors: r.errors,
    notifications: r.notifications,
  };
}

function table(out: Io["out"], title: string, rows: readonly EvaluatedAlert[]): void {
  out(`${title} (${rows.length}):`);
  for (const a of rows)
    out(`  ${a.severity.padEnd(8)} ${a.ruleName.slice(0, 28).padEnd(28)} ${a.summary || a.title}${a.muted ? " [muted]" : ""}`);
}

/** `headroom alerts evaluate [--at] [--json]`: 0 evaluated (some rules may have failed: listed), 2 bad usage. */
export async function runAlertsCommand(args: readonly string[], io: Io, usage: string): Promise<number> {
  const parsed = parseAlertsArgs(args);
  if (typeof parsed === "string") {
    io.out(`${parsed}\n\n${usage}`);
    return 2;
  }
  const handle = await io.open();
  try {
    const result = await evaluateAlerts(handle.db, { asOf: parsed.asOf, trigger: "cli" });
    // Evaluated as of now, its messages go out now; a backfill (--at) only records.
    const delivered = !parsed.asOf && result.notifications > 0 ? await deliverPending(handle.db, { now: new Date() }) : null;
    if (parsed.json) {
      io.out(JSON.stringify(alertsJson(result), null, 2));
    } else {
      io.out(`Evaluation #${result.evaluationId} as of ${result.asOf.toISOString()}: ${evaluationText(result)}`);
      table(io.out, "Fired", result.fired);
      table(io.out, "Resolved", result.resolved);
      table(io.out, "Firing", result.firing);
      for (const e of result.errors) io.out(`  rule ${e.ruleName} failed: ${e.message}`);
      if (delivered) io.out(`Delivered: ${deliveryText(delivered)}`);
    }
    return result.errors.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}
