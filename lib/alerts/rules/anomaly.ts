import { z } from "zod";
import { formatMoneyExact } from "@/lib/format/number";
import { findAnomalies, type Anomaly } from "@/lib/queries/anomalies";
import { wholeParam } from "./params";
import { defineRuleKind, type Finding } from "./types";

const KINDS = ["all", "service", "workload", "utilization"] as const;
const KIND_LABEL: Record<Anomaly["kind"], string> = { service: "cost", workload: "workload cost", utilization: "utilization" };

function amount(a: Anomaly, value: string): string {
  if (a.unit === "ratio") return `${(Number(value) * 100).toFixed(1)} %`;
  return formatMoneyExact(value, a.currency ?? "USD");
}

function inScope(a: Anomaly, kind: string | null, value: string | null): boolean {
  if (!kind) return true;
  if (kind === "provider") return a.providerId === value;
  if (kind === "family") return a.family === value;
  if (kind === "site") return a.siteId === value;
  return false;
}

/**
 * Anomalies (lib/queries/anomalies' findAnomalies, what /alerts/anomalies lists): a series whose daily actual left its
 * commitment-aware expectation on one of the last N billed days. One alert per series, carrying its latest anomaly; it
 * resolves once no anomaly is left in the window (a level shift alarms once, then the detector's baseline restarts).
 */
export const anomalyRule = defineRuleKind({
  kind: "anomaly",
  label: "Anomaly",
  description:
    "Daily cost of a provider × service or a workload, or a block's daily utilization, left what the lab's commitments and its recent pattern say to expect, on one of the last N days (billing often arrives a day or two late).",
  params: z.object({
    days: wholeParam("the days", 1, 14),
    series: z.preprocess((v) => (v === undefined || v === "" ? "all" : v), z.enum(KINDS, { message: "Choose which series to watch." })),
  }),
  fields: [
    {
      name: "days",
      label: "Look at the last (days)",
      type: "number",
      help: "Billing arrives late: 3 catches yesterday's and the day before's.",
    },
    {
      name: "series",
      label: "Series",
      type: "select",
      options: [
        { value: "all", label: "Cost and utilization" },
        { value: "service", label: "Cost per provider × service" },
        { value: "workload", label: "Cost per workload" },
        { value: "utilization", label: "Block utilization" },
      ],
    },
  ],
  scopes: ["provider", "family", "site"],
  async evaluate(ctx, rule, asOf) {
    const found = (await findAnomalies(ctx, { asOf, days: rule.params.days })).filter(
      (a) => (rule.params.series === "all" || a.kind === rule.params.series) && inScope(a, rule.scopeKind, rule.scopeValue),
    );
    // Newest first: the first of each series is its latest anomaly.
    const latest = new Map<string, Anomaly>();
    for (const a of found) if (!latest.has(a.seriesKey)) latest.set(a.seriesKey, a);
    return [...latest.values()].map((a): Finding => {
      const pct = a.pct === null ? "" : ` (${a.pct > 0 ? "+" : ""}${(a.pct * 100).toFixed(0)} %)`;
      const drivers = a.drivers.map((d) => d.label).join(", ");
      const scope = {
        ...(a.providerId ? { provider: a.providerId } : {}),
        ...(a.family ? { family: a.family } : {}),
        ...(a.siteId ? { site: a.siteId } : {}),
      };
      return {
        subjectKey: `series:${a.seriesKey}`,
        title: `${a.direction === "spike" ? "Spike" : "Drop"} in ${KIND_LABEL[a.kind]} of ${a.series} on ${a.day}`,
        summary: `${a.series} on ${a.day}: ${amount(a, a.actual)} against ${amount(a, a.expected)} expected${pct} from ${a.basisText}${drivers ? `; driven by ${drivers}` : ""}.`,
        href: `/alerts/anomalies?${new URLSearchParams({ series: a.seriesKey })}`,
        scope,
        detail: {
          day: a.day,
          actual: a.actual,
          expected: a.expected,
          delta: a.delta,
          threshold: a.threshold,
          pct: a.pct,
          basis: a.basis,
          drivers: a.drivers,
          unit: a.unit,
          currency: a.currency,
        },
      };
    });
  },
});
