import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, budgets, contracts, providers, teams, workloads } from "@/lib/db/schema";
import type { BUDGET_SCOPE_KINDS } from "@/lib/enums";
import { ValidationError } from "@/lib/errors";
import type { CreateBudgetInput } from "./schemas";

export type BudgetRow = typeof budgets.$inferSelect;
type BudgetScopeKind = (typeof BUDGET_SCOPE_KINDS)[number];

/** The column each scope names its target in (the lab has none). */
export const SCOPE_TARGET = {
  provider: "providerId",
  family: "family",
  team: "teamId",
  workload: "workloadId",
  contract: "contractId",
} as const satisfies Record<Exclude<BudgetScopeKind, "lab">, keyof CreateBudgetInput>;
const TARGETS = Object.values(SCOPE_TARGET);
const TARGET_LABEL = { providerId: "provider", family: "family", teamId: "team", workloadId: "workload", contractId: "contract" };

export const targetOf = (kind: BudgetScopeKind) => (kind === "lab" ? null : SCOPE_TARGET[kind]);

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/** A budget names exactly its scope's target: any other target set is refused (two scopes at once). */
function checkOneScope(data: CreateBudgetInput) {
  const own = targetOf(data.scopeKind);
  for (const t of TARGETS) {
    if (t !== own && data[t]) {
      const what = data.scopeKind === "lab" ? "A whole-lab budget names no" : `A ${data.scopeKind} budget names no`;
      refuse(t, `${what} ${TARGET_LABEL[t]}: a budget has one scope. Leave the ${TARGET_LABEL[t]} empty or change the scope.`);
    }
  }
}

async function checkTarget(tx: Executor, row: CreateBudgetInput, existing?: BudgetRow) {
  const table = { teamId: teams, workloadId: workloads, contractId: contracts, providerId: providers } as const;
  if (row.scopeKind === "family") {
    if (!row.family) refuse("family", "Choose an accelerator family for a family budget.");
    const [t] = await tx
      .select({ family: acceleratorTypes.family })
      .from(acceleratorTypes)
      .where(eq(acceleratorTypes.family, row.family))
      .limit(1);
    if (!t) refuse("family", `No accelerator type has the family ${row.family}.`);
    return;
  }
  if (row.scopeKind === "lab") return;
  const field = SCOPE_TARGET[row.scopeKind];
  const label = TARGET_LABEL[field];
  const id = row[field];
  if (!id) refuse(field, `Choose a ${label} for a ${row.scopeKind} budget.`);
  const t = table[field];
  const [found] = await tx.select({ name: t.name, archivedAt: t.archivedAt }).from(t).where(eq(t.id, id));
  if (!found) refuse(field, `This ${label} does not exist.`);
  if (found.archivedAt && id !== existing?.[field]) refuse(field, `${found.name} is archived; choose another ${label}.`);
}

/**
 * The budget as it would be saved, after the rules that need the database: exactly one scope target (the scope's),
 * a unique active name, an existing target (provider, team, workload, contract: not archived unless it already was;
 * a family of the catalog), and an end after the start. A use budget (AH, H100e·h) has no currency: USD is stored.
 * `existing` is the row before an edit.
 */
export async function checkBudgetRules(tx: Executor, data: CreateBudgetInput, existing?: BudgetRow): Promise<CreateBudgetInput> {
  checkOneScope(data);
  const own = targetOf(data.scopeKind);
  const row: CreateBudgetInput = {
    name: data.name,
    scopeKind: data.scopeKind,
    unit: data.unit,
    periodKind: data.periodKind,
    amount: data.amount,
    currency: data.unit === "money" ? data.currency : "USD",
    actualThresholdPct: data.actualThresholdPct,
    forecastThresholdPct: data.forecastThresholdPct,
    activeFrom: data.activeFrom,
    activeTo: data.activeTo,
    providerId: own === "providerId" ? data.providerId : null,
    family: own === "family" ? data.family : null,
    teamId: own === "teamId" ? data.teamId : null,
    workloadId: own === "workloadId" ? data.workloadId : null,
    contractId: own === "contractId" ? data.contractId : null,
  };
  const [clash] = await tx
    .select({ name: budgets.name })
    .from(budgets)
    .where(
      and(sql`lower(${budgets.name}) = lower(${row.name})`, isNull(budgets.archivedAt), existing ? ne(budgets.id, existing.id) : undefined),
    );
  if (clash) refuse("name", `A budget named ${clash.name} already exists.`);
  await checkTarget(tx, row, existing);
  if (row.activeTo && row.activeTo <= row.activeFrom) refuse("activeTo", "The end date must be after the start date.");
  return row;
}

/** An edit's input over the row before it: a target the new scope does not use is cleared unless the edit sets it. */
export function mergeEdit(before: BudgetRow, changes: Partial<CreateBudgetInput>): CreateBudgetInput {
  const merged = { ...before, ...changes } as CreateBudgetInput;
  const own = targetOf(merged.scopeKind);
  for (const t of TARGETS) if (t !== own && !(t in changes)) merged[t] = null;
  return merged;
}
