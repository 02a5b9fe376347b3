// Five-field cron (minute hour day-of-month month day-of-week), in UTC: numbers, *, a-b ranges, lists and /steps.
// As in Vixie cron, when both day fields are restricted a day matching either runs; 7 is also Sunday.

type Field = { name: string; min: number; max: number };

const FIELDS: Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
];

export type Cron = {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  anyDay: boolean;
  anyWeekday: boolean;
};

export class CronError extends Error {
  override name = "CronError";
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === "") {
    throw new CronError("A schedule is five fields: minute hour day-of-month month day-of-week, e.g. 0 6 * * * (06:00 UTC daily).");
  }
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, FIELDS[i]!));
  if (weekdays!.has(7)) weekdays!.add(0);
  weekdays!.delete(7);
  return {
    minutes: minutes!,
    hours: hours!,
    days: days!,
    months: months!,
    weekdays: weekdays!,
    anyDay: parts[2] === "*",
    anyWeekday: parts[4] === "*",
  };
}

function parseField(text: string, field: Field): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!m) throw new CronError(`The ${field.name} field "${text}" is not a number, *, a range a-b, a list or a /step.`);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    const from = m[1] === "*" ? field.min : Number(m[2]);
    const to = m[1] === "*" ? field.max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? field.max : from;
    if (from < field.min || to > field.max || from > to) {
      throw new CronError(`The ${field.name} field "${text}" must stay within ${field.min}–${field.max}.`);
    }
    if (step < 1) throw new CronError(`The ${field.name} field "${text}" has a step of 0.`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** The first minute strictly after `after` that the schedule names (UTC); within five years, else a CronError. */
export function nextRun(expression: string, after: Date): Date {
  const cron = parseCron(expression);
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() <= limit) {
    if (!cron.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
    } else if (!dayMatches(cron, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
    } else if (!cron.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
    } else if (!cron.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    } else {
      return t;
    }
  }
  throw new CronError(`The schedule "${expression}" never runs (no such date within five years).`);
}

function dayMatches(cron: Cron, t: Date): boolean {
  const day = cron.days.has(t.getUTCDate());
  const weekday = cron.weekdays.has(t.getUTCDay());
  if (cron.anyDay && cron.anyWeekday) return true;
  if (cron.anyDay) return weekday;
  if (cron.anyWeekday) return day;
  return day || weekday;
}

/** A clear sentence for a bad schedule, or null when it is valid and runs at least once. */
export function scheduleProblem(expression: string): string | null {
  try {
    nextRun(expression, new Date(Date.UTC(2000, 0, 1)));
    return null;
  } catch (error) {
    if (error instanceof CronError) return error.message;
    throw error;
  }
}
