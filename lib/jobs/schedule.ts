import cronParser from "cron-parser";

/** The first time strictly after `after` that a five-field UTC cron expression fires; throws on a bad expression. */
export function nextCronTime(cron: string, after: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}

/** Null when the expression is valid, else why not (for forms and definitions). */
export function cronProblem(cron: string): string | null {
  if (cron.trim().split(/\s+/).length !== 5) return "A schedule has five fields: minute hour day-of-month month day-of-week (UTC).";
  try {
    cronParser.parseExpression(cron, { tz: "UTC" });
    return null;
  } catch (error) {
    return `Not a valid schedule: ${(error as Error).message}.`;
  }
}

/** Seconds to wait before retry `retry` (1 = the first retry): the delay doubled after each failed retry. */
export function retryDelay(baseSeconds: number, retry: number): number {
  return baseSeconds * 2 ** Math.max(0, retry - 1);
}
