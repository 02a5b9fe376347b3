import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { costLineItems, imports } from "@/lib/db/schema";
import { refreshBillingMonthly } from "@/lib/ingest/billing-monthly";
import { ensurePartition } from "@/lib/ingest/focus/partition";

// Test helpers: an imports row and charges inserted directly, without the FOCUS loader (billing_monthly refreshed
// as the loader does).

export type ChargeValues = Partial<typeof costLineItems.$inferInsert>;

export async function insertImport(db: Executor, status: "running" | "succeeded" = "succeeded"): Promise<number> {
  const [row] = await db
    .insert(imports)
    .values({ kind: "focus", fileName: "test.csv", sha256: randomBytes(32).toString("hex"), status })
    .returning({ id: imports.id });
  return row!.id;
}

export async function insertCharges(db: Executor, importId: number, rows: ChargeValues[]) {
  await ensurePartition(db, importId);
  const inserted = await db
    .insert(costLineItems)
    .values(
      rows.map((r, i) => ({
        lineNumber: i + 2,
        billingCurrency: "USD",
        chargePeriodStart: new Date("2026-03-01T00:00:00Z"),
        chargePeriodEnd: new Date("2026-03-01T01:00:00Z"),
        billedCost: "1",
        effectiveCost: "1",
        chargeCategory: "Usage",
        ...r,
        importId,
      })),
    )
    .returning();
  await refreshBillingMonthly(db, { importId });
  return inserted;
}

export async function chargesOf(db: Executor, importId: number) {
  return db.select().from(costLineItems).where(eq(costLineItems.importId, importId)).orderBy(costLineItems.lineNumber);
}
