const month = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const monthShort = new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dayShort = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** "Mar 2027". */
export function formatMonth(value: Date | string): string {
  return month.format(toDate(value));
}

/** "Mar 27" — for chart axes. */
export function formatMonthShort(value: Date | string): string {
  return monthShort.format(toDate(value)).replace(/ (\d\d)$/, " '$1");
}

/** "12 Mar 2027". */
export function formatDay(value: Date | string): string {
  return day.format(toDate(value));
}

/** "12 Mar". */
export function formatDayShort(value: Date | string): string {
  return dayShort.format(toDate(value));
}

/** "850 ms", "12.4 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "12 Mar 2027 06:00 UTC". */
export function formatDayTimeUtc(value: Date | string): string {
  const d = toDate(value);
  return `${day.format(d)} ${d.toISOString().slice(11, 16)} UTC`;
}
