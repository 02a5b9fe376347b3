// When a scheduled report is next due: a weekday (0 = Sunday) or a day of the month (1–28) at a whole hour, on the
// wall clock of a named IANA time zone. An hour a DST change skips is taken at the first instant after the gap
// (02:00 on a spring-forward night → 03:00); an hour it repeats is taken at its first occurrence.

export type ScheduleTime = {
  cadence: "weekly" | "monthly";
  weekday: number | null;
  dayOfMonth: number | null;
  hour: number;
  timeZone: string;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (e.g. "Europe/Berlin", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

export function wallClock(at: Date, timeZone: string): Wall {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant the zone's wall clock shows year-month-day hour:00 (first occurrence; after the gap when skipped). */
export function zonedHour(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour);
  const candidates = [offsetAt(asUtc - 86_400_000, timeZone), offsetAt(asUtc + 86_400_000, timeZone)]
    .map((o) => asUtc - o)
    .filter((t) => {
      const w = wallClock(new Date(t), timeZone);
      return w.year === year && w.month === month && w.day === day && w.hour === hour;
    });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(asUtc - offsetAt(asUtc - 86_400_000, timeZone));
}

/** The first due time strictly after `after`. */
export function nextRunAt(s: ScheduleTime, after: Date): Date {
  const start = wallClock(after, s.timeZone);
  for (let i = 0; i < 400; i++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + i));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const matches = s.cadence === "weekly" ? date.getUTCDay() === s.weekday : d === s.dayOfMonth;
    if (!matches) continue;
    const at = zonedHour(y, m, d, s.hour, s.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error("No due time within 400 days: the schedule is not valid.");
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Weekly on Monday at 08:00 (Europe/Berlin)", "Monthly on day 1 at 06:00 (UTC)". */
export function describeSchedule(s: ScheduleTime): string {
  const hour = `${String(s.hour).padStart(2, "0")}:00`;
  return s.cadence === "weekly"
    ? `Weekly on ${WEEKDAYS[s.weekday ?? 0]} at ${hour} (${s.timeZone})`
    : `Monthly on day ${s.dayOfMonth} at ${hour} (${s.timeZone})`;
}

export { WEEKDAYS };
