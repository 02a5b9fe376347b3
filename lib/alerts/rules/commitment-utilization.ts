import { z } from "zod";
import { formatMonth } from "@/lib/format/date";
import { formatMoneyExact } from "@/lib/format/number";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { MONEY_CURRENCY } from "@/lib/db/sql";
import { getPeriodCommitments } from "@/lib/queries/costs/commitments";
import { defineRuleKind } from "./types";
import { decimalParam, plural, wholeParam } from "./params";

/** A provider's commitment utilization (the Costs page's getPeriodCommitments) over the last N whole months below X %. */
export const commitmentUtilizationRule = defineRuleKind({
  kind: "commitment_utilization",
  label: "Commitment utilization",
  description:
    "A provider's commitment utilization (used ÷ used and unused commitment, as /costs shows it) over the last N whole months is below X %.",
  params: z.object({ belowPct: decimalParam("the utilization %", "100"), months: wholeParam("the months", 1, 12) }),
  fields: [
    { name: "belowPct", label: "Fires when commitment utilization is below (%)", type: "number" },
    { name: "months", label: "Over the last whole (months)", type: "number" },
  ],
  scopes: ["provider"],
  async evaluate(ctx, rule, asOf) {
    const to = startOfUtcMonth(asOf);
    const from = addUtcMonths(to, -rule.params.months);
    const currency = MONEY_CURRENCY;
    const { byProvider } = await getPeriodCommitments(
      ctx,
      { from, to },
      { currency, provider: rule.scopeKind === "provider" ? rule.scopeValue : null },
    );
    const span = rule.params.months === 1 ? formatMonth(from) : `${formatMonth(from)}–${formatMonth(addUtcMonths(to, -1))}`;
    return byProvider.flatMap(({ providerId, providerName, metrics }) => {
      const u = metrics.utilization;
      if (u.rate === null || !u.rate.times(100).lt(rule.params.belowPct)) return [];
      const pct = u.rate.times(100);
      return [
        {
          subjectKey: `provider:${providerId}`,
          title: `Commitment utilization of ${providerName} at ${pct.toFixed(0)} %`,
          summary: `${providerName} used ${pct.toFixed(1)} % of its commitments in ${span} (${formatMoneyExact(u.unused.toFixed(2), currency)} unused; rule: below ${rule.params.belowPct} % over ${plural(rule.params.months, "month")}).`,
          href: `/costs?${new URLSearchParams({ provider: providerId })}`,
          scope: { provider: providerId },
          detail: {
            providerId,
            utilizationPct: pct.toFixed(2),
            used: u.used.toFixed(),
            unused: u.unused.toFixed(),
            currency,
            from: from.toISOString().slice(0, 7),
            to: to.toISOString().slice(0, 7),
            thresholdPct: rule.params.belowPct,
          },
        },
      ];
    });
  },
});
