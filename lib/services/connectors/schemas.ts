import { z } from "zod";
import { cronProblem } from "@/lib/jobs/schedule";
import { idField, textField, versionField } from "@/lib/validation/fields";

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

const urlField = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : trimmed(v)),
    z
      .string()
      .max(500, `${label} is at most 500 characters.`)
      .refine((s) => /^https?:\/\/[^\s/]+/.test(s) && URL.canParse(s), `${label} must be an http:// or https:// URL.`)
      .nullable()
      .default(null),
  );

const secretField = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : trimmed(v)),
    z.string().max(4000, `${label} is too long.`).nullable().default(null),
  );

const common = {
  name: textField("a name", 100),
  providerId: idField("the provider it bills for"),
  prefix: z.preprocess((v) => (v == null ? "" : trimmed(v)), z.string().max(1024, "Prefix is at most 1,024 characters.")),
  schedule: z.preprocess(
    trimmed,
    z
      .string({ message: "Enter a schedule." })
      .min(1, "Enter a schedule, e.g. 0 6 * * * (06:00 UTC daily).")
      .superRefine((s, ctx) => {
        const problem = cronProblem(s);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform((s) => s.split(/\s+/).join(" ")),
  ),
  enabled: checkbox,
};

const S3Input = z.object({
  ...common,
  kind: z.literal("s3"),
  endpoint: urlField("Endpoint URL"),
  region: textField("a region (us-east-1 when the store has none)", 64),
  bucket: textField("a bucket", 255),
  forcePathStyle: checkbox,
  accessKeyId: secretField("Access key id"),
  secretAccessKey: secretField("Secret access key"),
});

const AzureInput = z.object({
  ...common,
  kind: z.literal("azure_blob"),
  accountUrl: urlField("Account URL"),
  container: textField("a container", 63),
  auth: z.enum(["connection_string", "sas", "account_key"], {
    message: "Choose how Headroom signs in: connection string, SAS token or account key.",
  }),
  connectionString: secretField("Connection string"),
  sasToken: secretField("SAS token"),
  accountKey: secretField("Account key"),
});

export const ConnectorInput = z.discriminatedUnion("kind", [S3Input, AzureInput], {
  message: "Choose the kind of storage: S3-compatible or Azure Blob Storage.",
});
export type ConnectorInput = z.infer<typeof ConnectorInput>;

export const ConnectorRef = z.object({ id: idField("a connector"), version: versionField });
export type ConnectorRef = z.infer<typeof ConnectorRef>;

export const ConnectorId = z.object({ id: idField("a connector") });
