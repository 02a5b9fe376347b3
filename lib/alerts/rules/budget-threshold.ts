import { z } from "zod";
import { formatMoneyExact } from "@/lib/format/number";
import { getBudgetsView } from "@/lib/queries/budgets";
import { defineRuleKind } from "./types";

/** A budget's actual or forecast threshold crossed in its current period (the Budgets page's getBudgetsView). */
export const budgetThresholdRule = defineRuleKind({
  kind: "budget_threshold",
  label: "Budget threshold",
  description: "A budget's actual spend to date or its forecast to period end reaches its threshold, as /budgets shows it.",
  params: z.object({
    basis: z.enum(["any", "actual", "forecast"], { message: "Choose actual, forecast or either." }).default("any"),
  }),
  fields: [
    {
      name: "basis",
      label: "Threshold",
      type: "select",
      options: [
        { value: "any", label: "Actual or forecast" },
        { value: "actual", label: "Actual" },
        { value: "forecast", label: "Forecast" },
      ],
    },
  ],
  scopes: ["provider", "family"],
  async evaluate(ctx, rule, asOf) {
    const view = await getBudgetsView(ctx, { at: null, archived: false }, { asOf });
    return view.rows.flatMap((b) => {
      if (!b.status) return [];
      if (rule.scopeKind === "provider" && b.providerId !== rule.scopeValue) return [];
      if (rule.scopeKind === "family" && b.family !== rule.scopeValue) return [];
      const status = b.status;
      const period = b.period.from.toISOString().slice(0, 10);
      return status.thresholds
        .filter((t) => t.crossed && (rule.params.basis === "any" || rule.params.basis === t.basis))
        .map((t) => {
          const value = t.basis === "actual" ? status.actual : status.forecast;
          const pct = t.basis === "actual" ? status.actualPct : status.forecastPct;
          return {
            subjectKey: `budget:${b.id}:${period}:${t.basis}`,
            title: `Budget ${b.name}: ${t.basis} at ${pct.toFixed(0)} %`,
            summary: `Budget ${b.name} ${t.basis === "actual" ? "has spent" : "is forecast to spend"} ${formatMoneyExact(value.toFixed(2), view.currency)} of ${formatMoneyExact(status.amount.toFixed(2), view.currency)} (${pct.toFixed(1)} %; threshold ${t.pct.toFixed()} %) in the period from ${period}.`,
            href: `/budgets/${b.id}`,
            scope: { ...(b.providerId ? { provider: b.providerId } : {}), ...(b.family ? { family: b.family } : {}) },
            detail: {
              budgetId: b.id,
              basis: t.basis,
              period,
              currency: view.currency,
              amount: status.amount.toFixed(),
              value: value.toFixed(),
              pct: pct.toFixed(2),
              thresholdPct: t.pct.toFixed(),
            },
          };
        });
    });
  },
});
