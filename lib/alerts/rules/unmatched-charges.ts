import { z } from "zod";
import { formatMoneyExact } from "@/lib/format/number";
import { dec } from "@/lib/metrics/decimal";
import { listUnmatchedCharges, parseUnmatchedListParams } from "@/lib/queries/costs/unmatched";
import { providers } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import { defineRuleKind } from "./types";
import { decimalParam } from "./params";

/** Unmatched charges (the Costs page's unmatched list totals, per billing currency) above an amount. */
export const unmatchedChargesRule = defineRuleKind({
  kind: "unmatched_charges",
  label: "Unmatched charges",
  description:
    "Charges tied to no contract, reservation or accelerator type add up to more than an amount (per billing currency), as the unmatched charges list totals them.",
  params: z.object({ above: decimalParam("the amount", "1000000000000") }),
  fields: [{ name: "above", label: "Fires when unmatched charges exceed (billing currency)", type: "number" }],
  scopes: ["provider"],
  async evaluate(ctx, rule) {
    let provider: string | null = null;
    if (rule.scopeKind === "provider") {
      const [p] = await ctx.db.select({ name: providers.name }).from(providers).where(eq(providers.id, rule.scopeValue!));
      if (!p) return [];
      provider = p.name;
    }
    const params = parseUnmatchedListParams(new URLSearchParams(provider ? { provider } : {}));
    const { totals } = await listUnmatchedCharges(ctx, { ...params, pageSize: 1 });
    const key = rule.scopeKind === "provider" ? `provider:${rule.scopeValue}` : "all";
    return totals.byCurrency
      .filter((c) => dec(c.effectiveCost).gt(rule.params.above))
      .map((c) => ({
        subjectKey: `${key}:${c.currency}`,
        title: `Unmatched charges of ${formatMoneyExact(c.effectiveCost, c.currency)}${provider ? ` for ${provider}` : ""}`,
        summary: `${c.rows} charges${provider ? ` of ${provider}` : ""} totalling ${formatMoneyExact(c.effectiveCost, c.currency)} match no contract, reservation or accelerator type (rule: above ${formatMoneyExact(rule.params.above, c.currency)}).`,
        href: `/costs/unmatched${provider ? `?${new URLSearchParams({ provider })}` : ""}`,
        scope: rule.scopeKind === "provider" ? { provider: rule.scopeValue! } : {},
        detail: { currency: c.currency, rows: c.rows, effectiveCost: c.effectiveCost, threshold: rule.params.above },
      }));
  },
});
