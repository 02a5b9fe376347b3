import type { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import type { AlertScope, ScopeKind, Severity } from "@/lib/alerts/types";

/** One subject a rule fires for (a family, a site, a contract…), with its figures. */
export type Finding = {
  /** Stable across evaluations: the same subject firing again is the same alert. */
  subjectKey: string;
  title: string;
  /** One sentence with the figures. */
  summary: string;
  href: string | null;
  scope: AlertScope;
  detail: Record<string, unknown>;
};

/** A rule as the evaluator hands it to its kind: params already parsed by the kind's schema. */
export type RuleInput<P> = {
  id: string;
  name: string;
  severity: Severity;
  scopeKind: ScopeKind | null;
  scopeValue: string | null;
  params: P;
};

export type ParamField = {
  name: string;
  label: string;
  type: "number" | "select";
  options?: readonly { value: string; label: string }[];
  help?: string;
};

/**
 * A kind of alert rule: a condition over the functions a page uses, so the alert's figure is the page's.
 * `scopes`: the scope kinds it can be narrowed by; `fields`: its params as the rule form shows them.
 */
export type RuleKind<S extends z.ZodType = z.ZodType> = {
  kind: string;
  label: string;
  description: string;
  params: S;
  fields: readonly ParamField[];
  scopes: readonly ScopeKind[];
  evaluate: (ctx: Ctx, rule: RuleInput<z.infer<S>>, asOf: Date) => Promise<Finding[]>;
};

export function defineRuleKind<S extends z.ZodType>(kind: RuleKind<S>): RuleKind<S> {
  return kind;
}
