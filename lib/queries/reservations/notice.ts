import { z } from "zod";
import { ValidationError } from "@/lib/errors";

export const DEFAULT_NOTICE_DAYS = 90;

const NoticeDays = z.coerce
  .number({ message: "Notice must be a whole number of days." })
  .int("Notice must be a whole number of days.")
  .min(0, "Notice cannot be negative.")
  .max(730, "Notice is at most 730 days.");

/** `?notice=` days before an end date by which a renewal must be decided (default 90). */
export function parseNoticeDays(params: URLSearchParams): number {
  const raw = params.get("notice");
  if (raw === null || raw.trim() === "") return DEFAULT_NOTICE_DAYS;
  const parsed = NoticeDays.safeParse(raw);
  if (!parsed.success)
    throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid notice.", { notice: parsed.error.issues.map((i) => i.message) });
  return parsed.data;
}

/** The notice date: the end minus the notice period, at UTC midnight of that day. */
export function noticeDate(end: Date, days: number): Date {
  const d = new Date(end.getTime() - days * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
