import { inArray } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { alertRules, users } from "@/lib/db/schema";
import { parseRuleParams } from "@/lib/alerts/rules";
import type { Severity } from "@/lib/alerts/types";
import { SEED_ACTOR } from "./constants";

type DemoRule = { name: string; kind: string; params: Record<string, unknown>; severity: Severity; owner: string; repeatMinutes?: number };

/**
 * The alert rules a lab would start with, owned by the lead each concerns: the first evaluation (the alerts.evaluate
 * job, within a minute of starting) finds what the demo portfolio gives them — tight sites, renewals due, budgets
 * crossed, idle blocks. No channel: where they are sent is the admin's to set up.
 */
const RULES: DemoRule[] = [
  { name: "Runway under 12 months", kind: "runway", params: { months: 12, perFamily: true }, severity: "critical", owner: "infra" },
  { name: "Site headroom under 5 MW", kind: "power_headroom", params: { belowMw: "5", months: 12 }, severity: "critical", owner: "infra" },
  { name: "Renewal notice due", kind: "notice_date", params: { withinDays: 30, of: "contract" }, severity: "warning", owner: "finance" },
  {
    name: "Budget thresholds",
    kind: "budget_threshold",
    params: { basis: "any" },
    severity: "warning",
    owner: "finance",
    repeatMinutes: 1440,
  },
  { name: "Idle blocks", kind: "idle_block", params: { belowPct: "30", days: 14 }, severity: "warning", owner: "infra" },
  {
    name: "Contract true-up risk",
    kind: "contract_projection",
    params: { measure: "shortfall", unit: "pct", above: "10" },
    severity: "warning",
    owner: "finance",
  },
  { name: "Bill anomalies", kind: "anomaly", params: { days: 3, series: "service" }, severity: "info", owner: "finance" },
  { name: "Billing feed quiet", kind: "stale_import", params: { days: 45, of: "provider" }, severity: "warning", owner: "finance" },
];

export async function insertAlertRules(tx: Executor): Promise<number> {
  const owners = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.role, ["finance", "infra"]));
  const ownerOf = (role: string) => owners.find((u) => u.role === role)?.id ?? null;
  await tx.insert(alertRules).values(
    RULES.map((r) => ({
      name: r.name,
      kind: r.kind,
      params: parseRuleParams(r.kind, r.params),
      severity: r.severity,
      ownerId: ownerOf(r.owner),
      repeatMinutes: r.repeatMinutes ?? null,
      updatedBy: SEED_ACTOR,
    })),
  );
  return RULES.length;
}
