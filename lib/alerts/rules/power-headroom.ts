import { z } from "zod";
import { formatMonth } from "@/lib/format/date";
import { formatMw } from "@/lib/format/number";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { getPowerPage } from "@/lib/queries/power";
import type { PlanningFilters } from "@/lib/queries/filters/params";
import { defineRuleKind } from "./types";
import { decimalParam, plural, wholeParam } from "./params";

/** Power headroom of each budgeted site (the Power page's getPowerPage) below X MW in a month within the next N months. */
export const powerHeadroomRule = defineRuleKind({
  kind: "power_headroom",
  label: "Power headroom",
  description: "A site's power headroom (budget − facility MW, as /power shows it) falls below X MW within N months.",
  params: z.object({ belowMw: decimalParam("the headroom in MW", "100000"), months: wholeParam("the months", 1, 60) }),
  fields: [
    { name: "belowMw", label: "Fires when headroom is below (MW)", type: "number" },
    { name: "months", label: "Within (months)", type: "number" },
  ],
  scopes: ["site", "provider"],
  async evaluate(ctx, rule, asOf) {
    const from = startOfUtcMonth(asOf);
    const filters: PlanningFilters = {
      from,
      to: addUtcMonths(from, rule.params.months),
      range: null,
      provider: rule.scopeKind === "provider" ? rule.scopeValue : null,
      family: null,
      site: rule.scopeKind === "site" ? rule.scopeValue : null,
      scenario: null,
      team: null,
      workload: null,
      by: "site",
      unit: "h100e",
    };
    const page = await getPowerPage(ctx, filters, null, asOf);
    return page.sites.flatMap((site) => {
      const first = site.monthly.find((m) => m.headroomMw.lt(rule.params.belowMw));
      if (!first) return [];
      return [
        {
          subjectKey: `site:${site.siteId}`,
          title: `Power headroom of ${site.siteName} below ${formatMw(rule.params.belowMw)}`,
          summary: `Headroom of ${site.siteName} is ${formatMw(first.headroomMw.toFixed(3))} in ${formatMonth(first.month.from)} (budget ${formatMw(first.budgetMw.toFixed(3))}, facility load ${formatMw(first.facilityMw.toFixed(3))}; rule: below ${formatMw(rule.params.belowMw)} within ${plural(rule.params.months, "month")}).`,
          href: `/power?site=${site.siteId}`,
          scope: { site: site.siteId },
          detail: {
            siteId: site.siteId,
            month: first.month.from.toISOString().slice(0, 7),
            headroomMw: first.headroomMw.toFixed(),
            budgetMw: first.budgetMw.toFixed(),
            facilityMw: first.facilityMw.toFixed(),
            thresholdMw: rule.params.belowMw,
          },
        },
      ];
    });
  },
});
