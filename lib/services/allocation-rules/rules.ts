import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { allocationRules, providers, workloads } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { rematchCharges } from "@/lib/ingest/matching";
import { allocationRuleIssues, type AllocationRuleValues } from "./schemas";

export type AllocationRuleRow = typeof allocationRules.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

// One change to the rules' order at a time: two concurrent creates or moves would otherwise number the same positions.
const RULES_LOCK = 7_404_019;

/** Serializes the verbs that change the allocation rules for the rest of the transaction. */
export async function lockAllocationRules(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RULES_LOCK})`);
}

/**
 * The rules on the rule as it would be saved (an edit's merged fields): those between fields, the workload exists and is
 * active and the provider (if named) exists and is active; an archived one is kept only if the rule already had it.
 */
export async function checkAllocationRule(tx: Executor, r: AllocationRuleValues, existing?: AllocationRuleRow): Promise<void> {
  const issues = allocationRuleIssues(r);
  const fields = Object.keys(issues);
  if (fields.length) throw new ValidationError(issues[fields[0]!]!, Object.fromEntries(fields.map((f) => [f, [issues[f]!]])));
  const [workload] = await tx.select().from(workloads).where(eq(workloads.id, r.workloadId));
  if (!workload) refuse("workloadId", "This workload does not exist.");
  if (workload.archivedAt && workload.id !== existing?.workloadId)
    refuse("workloadId", `${workload.name} is archived; choose a current workload.`);
  if (r.providerId !== null) {
    const [provider] = await tx.select().from(providers).where(eq(providers.id, r.providerId));
    if (!provider) refuse("providerId", "This provider does not exist.");
    if (provider.archivedAt && provider.id !== existing?.providerId)
      refuse("providerId", `${provider.name} is archived; choose a current provider.`);
  }
}

/** The live rules in the order they apply. */
export async function liveRules(tx: Executor): Promise<AllocationRuleRow[]> {
  return tx
    .select()
    .from(allocationRules)
    .where(isNull(allocationRules.archivedAt))
    .orderBy(asc(allocationRules.position), asc(allocationRules.id));
}

/**
 * Numbers the live rules 1…n in the given order (null: a place kept free for a new rule), writing only the positions
 * that change. Moving other rules does not bump their versions: a version counts edits of the rule itself.
 */
export async function renumber(tx: Executor, ordered: readonly ({ id: string; position: number } | null)[]): Promise<void> {
  for (const [i, r] of ordered.entries()) {
    if (r !== null && r.position !== i + 1)
      await tx
        .update(allocationRules)
        .set({ position: i + 1 })
        .where(eq(allocationRules.id, r.id));
  }
}

/** Applies the rules again to every past charge (their workload) and refreshes the billing_monthly rows that move. */
export async function reallocateCharges(tx: Executor): Promise<void> {
  await rematchCharges(tx, { rules: ["workload"] });
}

export const ruleLabel = (r: Pick<AllocationRuleRow, "position">) => `Allocation rule ${r.position}`;
