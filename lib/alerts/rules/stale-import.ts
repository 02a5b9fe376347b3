import { isNull, sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { isoTs } from "@/lib/db/sql";
import { z } from "zod";
import { providers } from "@/lib/db/schema";
import { formatDay } from "@/lib/format/date";
import { addUtcDays } from "@/lib/metrics/calendar";
import { lastImportByProvider } from "@/lib/queries/imports/last-by-provider";
import { defineRuleKind, type Finding } from "./types";
import { plural, wholeParam } from "./params";

const LAST_OK = `greatest(case when c.last_result in ('succeeded', 'partial') then c.last_run_finished_at end,
  (select max(o.finished_at) from connector_objects o where o.connector_id = c.id and o.outcome in ('imported', 'replaced', 'duplicate')))`;

/**
 * No successful import for a provider (the Imports page's last import by provider) or connector (its last run on
 * Settings → Billing connectors) in N days.
 */
export const staleImportRule = defineRuleKind({
  kind: "stale_import",
  label: "Stale import",
  description: "A provider has had no successful billing import, or an enabled connector no successful run, in N days.",
  params: z.object({
    days: wholeParam("the days", 1, 365),
    of: z.enum(["both", "provider", "connector"], { message: "Choose providers, connectors or both." }).default("both"),
  }),
  fields: [
    { name: "days", label: "Fires after this many days without a successful import", type: "number" },
    {
      name: "of",
      label: "Applies to",
      type: "select",
      options: [
        { value: "both", label: "Providers and connectors" },
        { value: "provider", label: "Providers" },
        { value: "connector", label: "Connectors" },
      ],
    },
  ],
  scopes: ["provider"],
  async evaluate(ctx, rule, asOf) {
    const cutoff = addUtcDays(asOf, -rule.params.days);
    const scoped = rule.scopeKind === "provider" ? rule.scopeValue : null;
    const findings: Finding[] = [];
    const daysSince = (d: Date) => Math.floor((asOf.getTime() - d.getTime()) / 86_400_000);
    if (rule.params.of !== "connector") {
      const [last, known] = await Promise.all([
        lastImportByProvider(ctx),
        ctx.db.select({ id: providers.id, name: providers.name }).from(providers).where(isNull(providers.archivedAt)),
      ]);
      const byName = new Map(last.map((l) => [l.provider, l.finishedAt]));
      for (const p of known) {
        if (scoped && p.id !== scoped) continue;
        const at = byName.get(p.name);
        // A provider never imported has nothing to go stale; a connector or the first upload starts its clock.
        if (!at || at >= cutoff) continue;
        findings.push({
          subjectKey: `provider:${p.id}`,
          title: `No billing import for ${p.name} in ${plural(daysSince(at), "day")}`,
          summary: `The last successful billing import for ${p.name} finished on ${formatDay(at)}, ${plural(daysSince(at), "day")} ago (rule: within ${plural(rule.params.days, "day")}).`,
          href: "/imports",
          scope: { provider: p.id },
          detail: { providerId: p.id, lastImportAt: at.toISOString(), daysSince: daysSince(at), thresholdDays: rule.params.days },
        });
      }
    }
    if (rule.params.of !== "provider") {
      const rows = await queryRows<{
        id: string;
        name: string;
        provider_id: string;
        created_at: string;
        last_ok: string | null;
        last_result: string | null;
      }>(
        ctx.db,
        sql`select c.id, c.name, c.provider_id, ${isoTs("c.created_at")} as created_at, c.last_result,
              ${isoTs(LAST_OK)} as last_ok
            from connectors c
            where c.archived_at is null and c.enabled ${scoped ? sql`and c.provider_id = ${scoped}::uuid` : sql``}`,
      );
      for (const c of rows) {
        const ok = c.last_ok ? new Date(c.last_ok) : null;
        const createdAt = new Date(c.created_at);
        const since = ok ?? createdAt;
        if (since >= cutoff) continue;
        findings.push({
          subjectKey: `connector:${c.id}`,
          title: `Connector ${c.name}: no successful run in ${plural(daysSince(since), "day")}`,
          summary: ok
            ? `Connector ${c.name} last ran successfully on ${formatDay(ok)}, ${plural(daysSince(ok), "day")} ago (rule: within ${plural(rule.params.days, "day")}; last result ${c.last_result ?? "none"}).`
            : `Connector ${c.name} has not run successfully since it was created on ${formatDay(createdAt)}, ${plural(daysSince(createdAt), "day")} ago (rule: within ${plural(rule.params.days, "day")}).`,
          href: `/settings/connectors`,
          scope: { provider: c.provider_id },
          detail: {
            connectorId: c.id,
            lastSuccessAt: ok?.toISOString() ?? null,
            lastResult: c.last_result,
            thresholdDays: rule.params.days,
          },
        });
      }
    }
    return findings;
  },
});
