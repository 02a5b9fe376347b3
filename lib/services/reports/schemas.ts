import { z } from "zod";
import { idField, optionalTextField, textField, versionField } from "@/lib/validation/fields";
import { ReportScope } from "@/lib/queries/reports/scope";

export const CreateReportInput = z.object({
  name: textField("a title"),
  note: optionalTextField("note", 4000),
  scope: ReportScope,
});

export type CreateReportInput = z.infer<typeof CreateReportInput>;

export const UpdateReportInput = z.object({
  id: idField("a report"),
  version: versionField,
  changes: CreateReportInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateReportInput = z.infer<typeof UpdateReportInput>;

export const ArchiveReportInput = z.object({ id: idField("a report"), version: versionField });
