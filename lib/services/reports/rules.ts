import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { scenarios } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import type { ReportScope } from "@/lib/queries/reports/scope";

/** A report's scenario must exist and not be archived. */
export async function checkReportRules(tx: Executor, scope: ReportScope): Promise<void> {
  if (!scope.scenarioId) return;
  const [s] = await tx.select({ archivedAt: scenarios.archivedAt }).from(scenarios).where(eq(scenarios.id, scope.scenarioId));
  if (!s) throw new ValidationError("This scenario no longer exists.", { "scope.scenarioId": ["This scenario no longer exists."] });
  if (s.archivedAt) throw new ValidationError("This scenario is archived.", { "scope.scenarioId": ["This scenario is archived."] });
}
