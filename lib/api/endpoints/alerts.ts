import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { SCOPE_KINDS, SEVERITIES } from "@/lib/alerts/types";
import { addUtcDays } from "@/lib/metrics/calendar";
import { listFiringAlerts, listResolvedSince } from "@/lib/queries/alerts";
import { Instant, instant } from "../json";
import { checkQuery } from "../query";

export const AlertsQuery = z
  .object({
    resolvedDays: z
      .string()
      .regex(/^\d+$/, { message: "must be a whole number of days, 0 to 90." })
      .refine((v) => Number(v) <= 90, { message: "must be a whole number of days, 0 to 90." })
      .optional()
      .meta({ description: "How many days of resolved alerts to include (default 7, at most 90; at most 200 alerts)." }),
  })
  .strict();

const Scope = z.partialRecord(z.enum(SCOPE_KINDS), z.string()).meta({ description: "provider, site, team: ids; family: its name." });

const Alert = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleKind: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  summary: z.string().meta({ description: "One sentence with the figures, as the page computing them shows them." }),
  href: z.string().nullable().meta({ description: "Where to look in the app (a path)." }),
  scope: Scope,
  firstFiredAt: Instant,
});

export const AlertsResponse = z.object({
  asOf: Instant,
  firing: z.array(
    Alert.extend({
      lastSeenAt: Instant,
      acknowledgedAt: Instant.nullable(),
    }),
  ),
  resolved: z.array(Alert.extend({ resolvedAt: Instant })),
});
export type AlertsJson = z.infer<typeof AlertsResponse>;

/** What is firing (as /alerts lists it) and what resolved in the last days. */
export async function readAlerts(ctx: Ctx, url: URL): Promise<AlertsJson> {
  const query = checkQuery(url, AlertsQuery);
  const asOf = pageClock();
  const days = query.resolvedDays === undefined ? 7 : Number(query.resolvedDays);
  const [firing, resolved] = await Promise.all([listFiringAlerts(ctx), listResolvedSince(ctx, addUtcDays(asOf, -days))]);
  return {
    asOf: instant(asOf),
    firing: firing.map((a) => ({
      id: a.id,
      ruleId: a.ruleId,
      ruleName: a.ruleName,
      ruleKind: a.ruleKind,
      severity: a.severity,
      title: a.title,
      summary: a.summary,
      href: a.href,
      scope: a.scope,
      firstFiredAt: instant(a.firstFiredAt),
      lastSeenAt: instant(a.lastSeenAt),
      acknowledgedAt: a.acknowledgedAt ? instant(a.acknowledgedAt) : null,
    })),
    resolved: resolved.map((a) => ({
      id: a.id,
      ruleId: a.ruleId,
      ruleName: a.ruleName,
      ruleKind: a.ruleKind,
      severity: a.severity as AlertsJson["resolved"][number]["severity"],
      title: a.title,
      summary: a.summary,
      href: a.href,
      scope: a.scope as AlertsJson["resolved"][number]["scope"],
      firstFiredAt: instant(a.firstFiredAt),
      resolvedAt: instant(a.resolvedAt!),
    })),
  };
}
