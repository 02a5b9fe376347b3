import { z } from "zod";
import { SCOPE_KINDS, SEVERITIES } from "@/lib/alerts/types";
import { CHANNEL_KINDS } from "@/lib/notify/targets";
import { idField, textField, versionField } from "@/lib/validation/fields";

const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : typeof v === "string" ? v.trim() : v;
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const email = z.string().email();

/** Recipients typed one per line or separated by commas or semicolons; an array passes as it is. */
export const recipientsField = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : (v ?? [])),
  z
    .array(z.string().trim().toLowerCase(), { message: "Enter the recipients' addresses." })
    .max(50, "At most 50 recipients.")
    .superRefine((list, ctx) => {
      const bad = list.filter((a) => !email.safeParse(a).success);
      if (bad.length) ctx.addIssue({ code: "custom", message: `Not an email address: ${bad.join(", ")}.` });
    })
    .transform((list) => [...new Set(list)]),
);

const httpUrl = z.preprocess(
  blankToNull,
  z
    .string()
    .max(2000, "The URL is at most 2,000 characters.")
    .refine((s) => /^https?:\/\/[^\s/]+/.test(s) && URL.canParse(s), "The URL must start with http:// or https://.")
    .nullable(),
);

export const ChannelInput = z
  .object({
    name: textField("a name", 100),
    kind: z.enum(CHANNEL_KINDS, { message: "Choose a kind: email, webhook, Slack or Teams." }),
    recipients: recipientsField,
    url: httpUrl.default(null),
    secret: z.preprocess(blankToNull, z.string().min(16, "A signing secret is at least 16 characters.").max(200).nullable()).default(null),
    minSeverity: z.enum(SEVERITIES, { message: "Choose the lowest severity: info, warning or critical." }).default("info"),
    scopeKind: z
      .preprocess(blankToNull, z.enum(SCOPE_KINDS, { message: "Choose a scope: provider, family, site or team." }).nullable())
      .default(null),
    scopeValue: z.preprocess(blankToNull, z.string().max(200).nullable()).default(null),
    routeAll: checkbox,
    enabled: checkbox.default(true),
  })
  .superRefine((d, ctx) => {
    if (d.kind === "email" && d.recipients.length === 0)
      ctx.addIssue({ code: "custom", path: ["recipients"], message: "Enter at least one recipient." });
    if (d.scopeKind && !d.scopeValue)
      ctx.addIssue({ code: "custom", path: ["scopeValue"], message: "Choose what the scope is limited to." });
    if (!d.scopeKind && d.scopeValue) ctx.addIssue({ code: "custom", path: ["scopeKind"], message: "Choose the kind of scope." });
  });
export type ChannelInput = z.infer<typeof ChannelInput>;

export const ChannelRef = z.object({ id: idField("a channel"), version: versionField });
export const ChannelId = z.object({ id: idField("a channel") });
