import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { contracts } from "@/lib/db/schema";
import { formatMoneyExact } from "@/lib/format/number";
import { dec } from "@/lib/metrics/decimal";
import { getContractBurndowns } from "@/lib/queries/contracts/burndown";
import { defineRuleKind } from "./types";
import { decimalParam } from "./params";

/** A contract's projected shortfall or overrun at end of term (the contract page's burn-down), above $X or X % of committed. */
export const contractProjectionRule = defineRuleKind({
  kind: "contract_projection",
  label: "Contract projection",
  description:
    "A running contract's projected shortfall (true-up risk) or overrun at the end of its term, from its burn-down, is above an amount or a share of what is committed.",
  params: z.object({
    measure: z.enum(["shortfall", "overrun"], { message: "Choose shortfall or overrun." }),
    unit: z.enum(["amount", "pct"], { message: "Choose an amount or a percentage." }),
    above: decimalParam("the threshold", "1000000000000"),
  }),
  fields: [
    {
      name: "measure",
      label: "Measure",
      type: "select",
      options: [
        { value: "shortfall", label: "Projected shortfall" },
        { value: "overrun", label: "Projected overrun" },
      ],
    },
    {
      name: "unit",
      label: "Threshold in",
      type: "select",
      options: [
        { value: "amount", label: "Contract currency" },
        { value: "pct", label: "% of committed" },
      ],
    },
    { name: "above", label: "Fires when above", type: "number" },
  ],
  scopes: ["provider"],
  async evaluate(ctx, rule, asOf) {
    const terms = await ctx.db
      .select()
      .from(contracts)
      .where(and(isNull(contracts.archivedAt), rule.scopeKind === "provider" ? eq(contracts.providerId, rule.scopeValue!) : undefined));
    const burndowns = await getContractBurndowns(ctx, terms, asOf);
    const { measure, unit, above } = rule.params;
    return terms.flatMap((c, i) => {
      const b = burndowns[i]!;
      if (b.ended || b.projected === null) return [];
      const value = measure === "shortfall" ? b.shortfall : b.overrun;
      const pct = b.committed.isZero() ? dec(0) : value.times(100).div(b.committed);
      if (!(unit === "amount" ? value.gt(above) : pct.gt(above))) return [];
      const threshold = unit === "amount" ? formatMoneyExact(above, c.currency) : `${above} %`;
      return [
        {
          subjectKey: `contract:${c.id}`,
          title: `Contract ${c.name}: projected ${measure} ${formatMoneyExact(value.toFixed(2), c.currency)}`,
          summary: `Contract ${c.name} is projected at ${formatMoneyExact(b.projected.toFixed(2), c.currency)} against ${formatMoneyExact(b.committed.toFixed(2), c.currency)} committed: a ${measure} of ${formatMoneyExact(value.toFixed(2), c.currency)} (${pct.toFixed(1)} %; rule: above ${threshold}).`,
          href: `/contracts/${c.id}`,
          scope: { provider: c.providerId },
          detail: {
            contractId: c.id,
            currency: c.currency,
            committed: b.committed.toFixed(),
            projected: b.projected.toFixed(),
            [measure]: value.toFixed(),
            pctOfCommitted: pct.toFixed(2),
            threshold: above,
            unit,
          },
        },
      ];
    });
  },
});
