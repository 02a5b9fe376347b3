import { z } from "zod";
import { DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from "@/lib/sharing/tokens";
import { SHARE_LABEL_MAX } from "@/lib/sharing/label";
import { idField, optionalTextField } from "@/lib/validation/fields";

export const CreateShareLinkInput = z.object({
  reportId: idField("a report"),
  label: optionalTextField("a label", SHARE_LABEL_MAX),
  expiresInDays: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? DEFAULT_EXPIRY_DAYS : v),
    z.coerce
      .number({ message: "Enter a number of days." })
      .int("Enter a whole number of days.")
      .min(MIN_EXPIRY_DAYS, `A link lasts at least ${MIN_EXPIRY_DAYS} day.`)
      .max(MAX_EXPIRY_DAYS, `A link lasts at most ${MAX_EXPIRY_DAYS} days (one year).`),
  ),
  allowCsv: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
});
export type CreateShareLinkInput = z.infer<typeof CreateShareLinkInput>;

export const RevokeShareLinkInput = z.object({ id: idField("a share link") });
export type RevokeShareLinkInput = z.infer<typeof RevokeShareLinkInput>;
