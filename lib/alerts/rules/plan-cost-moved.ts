import { and, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { scenarios } from "@/lib/db/schema";
import { formatDay } from "@/lib/format/date";
import { formatMoneyExact } from "@/lib/format/number";
import { planCostMove, planCostMovedBeyond } from "@/lib/metrics/plan-drift";
import { runPlan } from "@/lib/queries/plan/run";
import type { SavedPlan } from "@/lib/services/plan/save";
import { decimalParam } from "./params";
import { defineRuleKind, type Finding } from "./types";

/**
 * A saved procurement plan whose cost moved: each scenario saved from /plan is solved again with its saved inputs as
 * of now (the planner's own runPlan, so offers, demand and the registers as they are today), and its committed cost
 * compared with the one it was saved at.
 */
export const planCostMovedRule = defineRuleKind({
  kind: "plan_cost_moved",
  label: "Plan cost moved",
  description:
    "A procurement plan saved as a scenario would now cost more than X % more or less than when it was saved (solved again from its inputs with today's offers, demand and registers).",
  params: z.object({ pct: decimalParam("the percentage", "1000") }),
  fields: [{ name: "pct", label: "Fires when the committed cost moved by more than (%)", type: "number" }],
  scopes: [],
  async evaluate(ctx, rule, asOf) {
    const saved = await ctx.db
      .select({ id: scenarios.id, name: scenarios.name, plan: scenarios.plan })
      .from(scenarios)
      .where(and(isNotNull(scenarios.plan), isNull(scenarios.archivedAt)));
    const findings: Finding[] = [];
    for (const s of saved) {
      const plan = s.plan as SavedPlan;
      const run = await runPlan({ ctx, input: plan.inputs, asOf });
      const move = planCostMove(plan.committedCost, run.plan.committedCost);
      if (!planCostMovedBeyond(move, rule.params.pct)) continue;
      const pct = move.pct ? `${move.pct.gt(0) ? "+" : ""}${move.pct.toFixed(1)} %` : "from nothing";
      findings.push({
        subjectKey: `scenario:${s.id}`,
        title: `Plan ${s.name} would now cost ${formatMoneyExact(run.plan.committedCost, "USD")} (${pct})`,
        summary: `Plan ${s.name}, saved on ${formatDay(plan.savedAt)} at ${formatMoneyExact(plan.committedCost, "USD")} committed, would now cost ${formatMoneyExact(run.plan.committedCost, "USD")} (${pct}; rule: more than ${rule.params.pct} % either way).`,
        href: `/scenarios/${s.id}`,
        scope: {},
        detail: {
          scenarioId: s.id,
          savedCost: move.saved.toFixed(),
          cost: move.now.toFixed(),
          delta: move.delta.toFixed(),
          pct: move.pct?.toFixed(4) ?? null,
          threshold: rule.params.pct,
          savedAt: plan.savedAt,
          blocks: run.plan.blocks.length,
        },
      });
    }
    return findings;
  },
});
