import { desc } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { alertEvaluations } from "@/lib/db/schema";
import { deliverPending, deliveryText } from "@/lib/notify/deliver";
import { readEvaluationInterval } from "@/lib/services/alerts/settings";
import { evaluateAlerts, type EvaluationResult } from "./evaluate";

export type DueReason = "schedule" | "data" | null;

/** Why an evaluation is due at `now`: none yet or the last older than the interval (schedule), the data moved (data). */
export function evaluationDue(
  last: { startedAt: Date; dataVersion: number | null } | null,
  now: Date,
  intervalMinutes: number,
  dataVersion: number,
): DueReason {
  if (!last || now.getTime() - last.startedAt.getTime() >= intervalMinutes * 60_000) return "schedule";
  if (last.dataVersion !== dataVersion) return "data";
  return null;
}

/** "2 fired, 1 resolved, 5 firing; 3 notifications" */
export function evaluationText(r: EvaluationResult): string {
  const errors =
    r.errors.length > 0 ? `; ${r.errors.length} rule(s) failed: ${r.errors.map((e) => `${e.ruleName}: ${e.message}`).join("; ")}` : "";
  return `${r.fired.length} fired, ${r.repeated.length} repeated, ${r.resolved.length} resolved, ${r.firing.length} firing; ${r.notifications} notification${r.notifications === 1 ? "" : "s"}${errors}.`;
}

/** The alerts.evaluate job's tick: evaluates when due, else says why not. */
export async function evaluateIfDue(db: Db, now: Date): Promise<string> {
  const [[last], interval, version] = await Promise.all([
    db
      .select({ startedAt: alertEvaluations.startedAt, dataVersion: alertEvaluations.dataVersion })
      .from(alertEvaluations)
      .orderBy(desc(alertEvaluations.startedAt))
      .limit(1),
    readEvaluationInterval(db),
    readDataVersion(db),
  ]);
  const reason = evaluationDue(last ?? null, now, interval, version);
  if (!reason) return `Not due: evaluated at ${last!.startedAt.toISOString()}, every ${interval} min, and no data changed since.`;
  const result = await evaluateAlerts(db, { asOf: now, trigger: reason });
  // Its messages go out now, not at notifications.deliver's next tick.
  const sent = result.notifications > 0 ? ` ${deliveryText(await deliverPending(db, { now: new Date() }))}` : "";
  return `${reason === "data" ? "Data changed" : "Scheduled"}: ${evaluationText(result)}${sent}`;
}
