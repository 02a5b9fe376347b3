import { z } from "zod";
import { formatMonth } from "@/lib/format/date";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { loadCapacityRunway } from "@/lib/queries/capacity";
import { defineRuleKind } from "./types";
import { plural, wholeParam } from "./params";

const monthsBetween = (from: Date, to: Date) => (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();

/** Runway (the Capacity page's loadCapacityRunway): the first month median demand exceeds capacity, sooner than N months. */
export const runwayRule = defineRuleKind({
  kind: "runway",
  label: "Runway",
  description: "Runway of a family (or of all families, H100e) is earlier than N months from now, as /capacity shows it.",
  params: z.object({
    months: wholeParam("the months", 1, 24),
    perFamily: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(true),
  }),
  fields: [
    { name: "months", label: "Fires when runway is under (months)", type: "number" },
    {
      name: "perFamily",
      label: "Subject",
      type: "select",
      options: [
        { value: "true", label: "Each family" },
        { value: "false", label: "All families (H100e)" },
      ],
    },
  ],
  scopes: ["family", "provider", "site"],
  async evaluate(ctx, rule, asOf) {
    const family = rule.scopeKind === "family" ? rule.scopeValue : null;
    const runway = await loadCapacityRunway(ctx, {
      asOf,
      family,
      provider: rule.scopeKind === "provider" ? rule.scopeValue : null,
      site: rule.scopeKind === "site" ? rule.scopeValue : null,
    });
    const limit = addUtcMonths(startOfUtcMonth(asOf), rule.params.months);
    const lines =
      family || rule.params.perFamily
        ? runway.byFamily.filter((f) => !family || f.family === family).map((f) => ({ key: f.family, label: f.family, line: f.line }))
        : [{ key: "overall", label: "all families", line: runway.overall }];
    return lines.flatMap(({ key, label, line }) => {
      const month = line.runway;
      if (!month || month.from >= limit) return [];
      const away = monthsBetween(startOfUtcMonth(asOf), month.from);
      const query = new URLSearchParams(key === "overall" ? {} : { family: key });
      return [
        {
          subjectKey: `family:${key}`,
          title: `Runway of ${label} is ${formatMonth(month.from)}`,
          summary: `Runway of ${label} is ${formatMonth(month.from)}, ${plural(away, "month")} away (rule: under ${plural(rule.params.months, "month")}).`,
          href: `/capacity${query.size ? `?${query}` : ""}`,
          scope: key === "overall" ? {} : { family: key },
          detail: { runwayMonth: month.from.toISOString().slice(0, 7), monthsAway: away, thresholdMonths: rule.params.months, family: key },
        },
      ];
    });
  },
});
