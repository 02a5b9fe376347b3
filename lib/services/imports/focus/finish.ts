import { eq } from "drizzle-orm";
import type { Ctx } from "@/lib/auth/context";
import type { Tx } from "@/lib/db/client";
import { imports } from "@/lib/db/schema";
import { billingMonthKeys, refreshBillingMonthly, type BillingMonthKey } from "@/lib/ingest/billing-monthly";
import type { Replaced } from "@/lib/ingest/focus/replace";
import type { BillingPeriodKey, FocusSummary } from "@/lib/ingest/focus/summary";
import { audit } from "../../audit";
import type { Staged } from "./stage";

/** billing_monthly for the months whose rows the replace rule deleted (the import's own: summarizeAndRollUp). */
export async function rollUpReplaced(tx: Tx, touched: BillingMonthKey[]): Promise<void> {
  if (touched.length > 0) await refreshBillingMonthly(tx, billingMonthKeys(touched));
}

/** The imports row marked succeeded with its summary, and the audit row, in the load's transaction. */
export async function markSucceeded(
  tx: Tx,
  ctx: Ctx,
  done: {
    importId: number;
    fileName: string;
    staged: Staged;
    summary: FocusSummary;
    periods: BillingPeriodKey[];
    replaced: Replaced[];
  },
): Promise<void> {
  const { importId, fileName, staged, summary, periods, replaced } = done;
  const { bytes, gzip } = staged.tap;
  const sha256 = staged.tap.sha256();
  await tx
    .update(imports)
    .set({ status: "succeeded", sha256, rows: staged.rows, bytes, summary: { ...summary, periods }, finishedAt: new Date() })
    .where(eq(imports.id, importId));
  await audit(tx, ctx, {
    action: "billing.import",
    entityType: "import",
    entityId: String(importId),
    after: { kind: "focus", fileName, sha256, rows: staged.rows, bytes, gzip, replaced },
  });
}
