import { z } from "zod";
import { isTimeZone } from "@/lib/notify/schedule-time";
import { REPORT_SECTIONS } from "@/lib/queries/reports/scope";
import { recipientsField } from "@/lib/services/channels/schemas";
import { idField, versionField } from "@/lib/validation/fields";

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);
const wholeNumber = (message: string, min: number, max: number) =>
  z.coerce.number({ message }).int(message).min(min, message).max(max, message);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const ScheduleInput = z
  .object({
    reportId: idField("a report"),
    cadence: z.enum(["weekly", "monthly"], { message: "Choose weekly or monthly." }),
    weekday: z.preprocess(blankToNull, wholeNumber("Choose a weekday (0 = Sunday … 6 = Saturday).", 0, 6).nullable()).default(null),
    dayOfMonth: z.preprocess(blankToNull, wholeNumber("Choose a day of the month from 1 to 28.", 1, 28).nullable()).default(null),
    hour: z.preprocess(blankToNull, wholeNumber("Choose an hour from 0 to 23.", 0, 23)),
    timeZone: z
      .string({ message: "Enter a time zone, e.g. Europe/Berlin." })
      .trim()
      .min(1, "Enter a time zone, e.g. Europe/Berlin.")
      .refine(isTimeZone, "Not a time zone Headroom knows; use an IANA name such as Europe/Berlin or America/New_York."),
    recipients: recipientsField.refine((l) => l.length > 0, "Enter at least one recipient."),
    csvSections: z.preprocess(
      (v) => (typeof v === "string" ? [v] : (v ?? [])),
      z.array(z.enum(REPORT_SECTIONS, { message: "Unknown section." })),
    ),
    linkDays: z.preprocess((v) => blankToNull(v) ?? 14, wholeNumber("A link lasts 1 to 365 days.", 1, 365)),
    enabled: checkbox.default(true),
  })
  .superRefine((d, ctx) => {
    if (d.cadence === "weekly" && d.weekday === null) ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose a weekday." });
    if (d.cadence === "monthly" && d.dayOfMonth === null)
      ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: "Choose a day of the month from 1 to 28." });
  })
  .transform((d) => ({
    ...d,
    weekday: d.cadence === "weekly" ? d.weekday : null,
    dayOfMonth: d.cadence === "monthly" ? d.dayOfMonth : null,
  }));
export type ScheduleInput = z.infer<typeof ScheduleInput>;

export const ScheduleRef = z.object({ id: idField("a schedule"), version: versionField });
export const ScheduleId = z.object({ id: idField("a schedule") });
