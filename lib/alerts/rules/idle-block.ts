import { inArray } from "drizzle-orm";
import { z } from "zod";
import { reservations } from "@/lib/db/schema";
import { formatMoneyExact } from "@/lib/format/number";
import { addUtcDays, startOfUtcDay } from "@/lib/metrics/calendar";
import { getUtilizationView } from "@/lib/queries/utilization";
import { defineRuleKind } from "./types";
import { decimalParam, plural, wholeParam } from "./params";

/** A block's utilization (the Utilization page's getUtilizationView, daily) below X % over the last N days: idle money. */
export const idleBlockRule = defineRuleKind({
  kind: "idle_block",
  label: "Idle block",
  description:
    "A measured block's utilization over the last N whole days is below X %, as /utilization shows it (unmeasured blocks are left out).",
  params: z.object({ belowPct: decimalParam("the utilization %", "100"), days: wholeParam("the days", 1, 180) }),
  fields: [
    { name: "belowPct", label: "Fires when utilization is below (%)", type: "number" },
    { name: "days", label: "Over the last (days)", type: "number" },
  ],
  scopes: ["provider", "family", "site"],
  async evaluate(ctx, rule, asOf) {
    const to = startOfUtcDay(asOf);
    const from = addUtcDays(to, -rule.params.days);
    const view = await getUtilizationView(
      ctx,
      {
        from,
        to,
        provider: rule.scopeKind === "provider" ? rule.scopeValue : null,
        family: rule.scopeKind === "family" ? rule.scopeValue : null,
        site: rule.scopeKind === "site" ? rule.scopeValue : null,
      },
      { asOf, grain: "day" },
    );
    const idle = view.blocks.filter((b) => b.utilization !== null && b.utilization.times(100).lt(rule.params.belowPct));
    if (idle.length === 0) return [];
    const ids = await ctx.db
      .select({ id: reservations.id, providerId: reservations.providerId, siteId: reservations.siteId })
      .from(reservations)
      .where(
        inArray(
          reservations.id,
          idle.map((b) => b.block.reservationId ?? b.block.id),
        ),
      );
    const where = new Map(ids.map((r) => [r.id, r]));
    return idle.map((b) => {
      const id = b.block.reservationId ?? b.block.id;
      const pct = b.utilization!.times(100);
      const at = where.get(id);
      return {
        subjectKey: `reservation:${id}`,
        title: `Block ${b.block.name} at ${pct.toFixed(0)} % utilization`,
        summary: `Block ${b.block.name} (${b.block.family}, ${b.block.providerName}, ${b.block.siteName}) used ${pct.toFixed(1)} % of its capacity over the last ${plural(rule.params.days, "day")}, ${formatMoneyExact(b.idleCost.toFixed(2), view.currency)} of idle cost (rule: below ${rule.params.belowPct} %).`,
        href: `/reservations/${id}`,
        scope: { family: b.block.family, ...(at ? { provider: at.providerId, site: at.siteId } : {}) },
        detail: {
          reservationId: id,
          utilizationPct: pct.toFixed(2),
          usedAh: b.usedAh.toFixed(),
          capacityAh: b.capacityAh.toFixed(),
          idleCost: b.idleCost.toFixed(),
          currency: view.currency,
          from: from.toISOString().slice(0, 10),
          to: to.toISOString().slice(0, 10),
          thresholdPct: rule.params.belowPct,
        },
      };
    });
  },
});
