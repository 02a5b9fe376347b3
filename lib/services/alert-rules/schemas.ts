import { z } from "zod";
import { SCOPE_KINDS, SEVERITIES } from "@/lib/alerts/types";
import { idField, instantField, optionalIdField, optionalTextField, textField, versionField } from "@/lib/validation/fields";

const blank = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

export const CreateAlertRuleInput = z.object({
  name: textField("a name", 100),
  kind: z.string({ message: "Choose a kind of rule." }).trim().min(1, "Choose a kind of rule."),
  /** Checked by the kind's own schema (lib/alerts/rules). */
  params: z.preprocess((v) => v ?? {}, z.record(z.string(), z.unknown(), { message: "The rule's thresholds must be an object." })),
  severity: z.enum(SEVERITIES, { message: "Severity must be info, warning or critical." }),
  ownerId: optionalIdField("an owner"),
  scopeKind: z.preprocess(blank, z.enum(SCOPE_KINDS, { message: "Scope must be a provider, a family, a site or a team." }).nullable()),
  scopeValue: optionalTextField("the scope", 200),
  channelIds: z.preprocess(
    (v): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.string().uuid("Choose channels from the list.")).max(50),
  ),
  repeatMinutes: z.preprocess(
    (v) => (blank(v) === null ? null : typeof v === "string" ? Number(v.trim()) : v),
    z
      .number({ message: "Repeat interval must be a whole number of minutes." })
      .int("Repeat interval must be a whole number of minutes.")
      .min(1, "Repeat interval must be at least 1 minute.")
      .max(525_600, "Repeat interval is at most 525,600 minutes (a year).")
      .nullable(),
  ),
  mutedUntil: z.preprocess(blank, instantField("the mute end").nullable()),
  enabled: z.preprocess((v) => (v === undefined ? true : v === true || v === "true" || v === "on"), z.boolean()),
});

export type CreateAlertRuleInput = z.infer<typeof CreateAlertRuleInput>;

export const UpdateAlertRuleInput = z.object({
  id: idField("a rule"),
  version: versionField,
  changes: CreateAlertRuleInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateAlertRuleInput = z.infer<typeof UpdateAlertRuleInput>;

export const ArchiveAlertRuleInput = z.object({ id: idField("a rule"), version: versionField });
