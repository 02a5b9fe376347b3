import { ValidationError } from "@/lib/errors";
import type { ScopeKind } from "@/lib/alerts/types";
import { anomalyRule } from "./anomaly";
import { budgetThresholdRule } from "./budget-threshold";
import { commitmentUtilizationRule } from "./commitment-utilization";
import { contractProjectionRule } from "./contract-projection";
import { idleBlockRule } from "./idle-block";
import { noticeDateRule } from "./notice-date";
import { planCostMovedRule } from "./plan-cost-moved";
import { powerHeadroomRule } from "./power-headroom";
import { runwayRule } from "./runway";
import { staleImportRule } from "./stale-import";
import type { RuleKind } from "./types";
import { unmatchedChargesRule } from "./unmatched-charges";

export type { Finding, RuleKind } from "./types";

/** Every kind of alert rule, in the order the rule form lists them. A new kind is one file and one line here. */
export const RULE_KINDS: readonly RuleKind[] = [
  runwayRule,
  powerHeadroomRule,
  contractProjectionRule,
  noticeDateRule,
  budgetThresholdRule,
  idleBlockRule,
  commitmentUtilizationRule,
  unmatchedChargesRule,
  staleImportRule,
  anomalyRule,
  planCostMovedRule,
];

export function ruleKind(kind: string): RuleKind | undefined {
  return RULE_KINDS.find((k) => k.kind === kind);
}

/** A rule's params parsed by its kind's schema; a bad one is a ValidationError whose field errors name the params. */
export function parseRuleParams(kind: string, params: unknown): Record<string, unknown> {
  const k = ruleKind(kind);
  if (!k) throw new ValidationError("Choose a kind of rule.", { kind: ["Choose a kind of rule."] });
  const parsed = k.params.safeParse(params ?? {});
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = `params.${issue.path.join(".")}`;
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw new ValidationError(parsed.error.issues[0]?.message ?? "Check the rule's thresholds.", fieldErrors);
  }
  return parsed.data as Record<string, unknown>;
}

export function scopeAllowed(kind: string, scopeKind: ScopeKind | null): boolean {
  return scopeKind === null || (ruleKind(kind)?.scopes.includes(scopeKind) ?? false);
}
