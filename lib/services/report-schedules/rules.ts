import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { reports } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { readScope, SECTION_LABELS } from "@/lib/queries/reports/scope";
import type { ScheduleInput } from "./schemas";

/** The report must exist, not be archived, and show every section chosen as a CSV attachment. */
export async function checkScheduleReport(tx: Executor, data: ScheduleInput): Promise<void> {
  const [report] = await tx.select().from(reports).where(eq(reports.id, data.reportId));
  if (!report) throw new NotFoundError("This report no longer exists.");
  if (report.archivedAt) throw new ValidationError("This report is archived; it cannot be mailed.");
  const sections = readScope(report.scope).sections as string[];
  const missing = data.csvSections.filter((s) => !sections.includes(s));
  if (missing.length) {
    const names = missing.map((s) => SECTION_LABELS[s]).join(", ");
    throw new ValidationError(`The report does not show ${names}; choose CSV attachments among its sections.`, {
      csvSections: [`Not in this report: ${names}.`],
    });
  }
}
