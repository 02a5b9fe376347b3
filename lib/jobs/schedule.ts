import cronParser from "cron-parser";

/** The first time strictly after `after` that a five-field UTC cron expression fires; throws on a bad expression. */
export function nextCronTime(cron: string, after: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}

const FIELDS = ["minute", "hour", "day of month", "month", "day of week"];

/** Null when the expression is valid, else why not, naming the field at fault (for forms and definitions). */
export function cronProblem(cron: string): string | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return "A schedule has five fields: minute hour day-of-month month day-of-week (UTC).";
  const problem = (expression: string) => {
    try {
      cronParser.parseExpression(expression, { tz: "UTC" });
      return null;
    } catch (error) {
      return (error as Error).message.replace(/\.+$/, "");
    }
  };
  const whole = problem(parts.join(" "));
  if (whole === null) return null;
  const at = parts.findIndex((part, i) => problem(parts.map((p, j) => (j === i ? part : "*")).join(" ")) !== null);
  const field = at >= 0 ? `the ${FIELDS[at]} field "${parts[at]}"` : "these fields together";
  return `Not a valid schedule (minute hour day-of-month month day-of-week, UTC): ${field}: ${whole}.`;
}

/** Seconds to wait before retry `retry` (1 = the first retry): the delay doubled after each failed retry. */
export function retryDelay(baseSeconds: number, retry: number): number {
  return baseSeconds * 2 ** Math.max(0, retry - 1);
}
