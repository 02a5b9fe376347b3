import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { burndownInCents } from "@/lib/metrics/burndown";
import { contractListRows, parseContractListParams, type ContractListRow } from "@/lib/queries/contracts";
import { listUnmatchedCharges, parseUnmatchedListParams } from "@/lib/queries/costs/unmatched";
import { lastImportByProvider, type LastImport } from "@/lib/queries/imports/last-by-provider";
import { getOverview, type OverviewResult } from "@/lib/queries/overview";
import { exposition, type Gauge } from "../prometheus";
import { checkQuery } from "../query";

export const PrometheusQuery = z.strictObject({});

type Unmatched = Awaited<ReturnType<typeof listUnmatchedCharges>>["totals"];

const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();

/** Whole months from asOf's month to the runway month (0: this month); +Inf when demand stays under capacity. */
export function runwayMonths(asOf: Date, runway: { from: Date } | null): string {
  return runway ? String(monthIndex(runway.from) - monthIndex(asOf)) : "+Inf";
}

/** The gauges, each from the function of the page that shows it. */
export function gauges(o: OverviewResult, contracts: ContractListRow[], unmatched: Unmatched, imports: LastImport[]): Gauge[] {
  const contractLabels = (c: ContractListRow) => ({ contract_id: c.id, contract: c.name, currency: c.currency });
  return [
    {
      name: "headroom_runway_months",
      help: "Months from this one until median demand first exceeds capacity, per family (+Inf: not within 24 months); the Overview's runway.",
      samples: o.runway.byFamily.map((f) => ({ labels: { family: f.family }, value: runwayMonths(o.asOf, f.line.runway) })),
    },
    {
      name: "headroom_power_headroom_mw",
      help: "Lowest power headroom (budget − facility load) over the next 12 months, per budgeted site, in MW; /power's figures.",
      samples: o.power.page.sites.flatMap((s) =>
        s.tightest ? [{ labels: { site_id: s.siteId, site: s.siteName }, value: s.tightest.headroomMw.toFixed() }] : [],
      ),
    },
    {
      name: "headroom_utilization_ratio",
      help: "Used ÷ capacity accelerator-hours of the measured blocks over the last 30 whole days, per family (0–1); the Overview's utilization.",
      samples: o.utilization.byFamily.flatMap((f) => (f.ratio ? [{ labels: { family: f.family }, value: f.ratio.toFixed() }] : [])),
    },
    {
      name: "headroom_contract_burned_percent",
      help: "Consumed ÷ committed × 100 per contract (not archived, something committed); the contract register's % burned.",
      samples: contracts.flatMap((c) =>
        c.burndown.committed.isZero()
          ? []
          : [{ labels: contractLabels(c), value: c.burndown.consumed.div(c.burndown.committed).times(100).toFixed() }],
      ),
    },
    {
      name: "headroom_contract_projected_shortfall",
      help: "max(0, committed − projected at end) per contract, to the cent in its currency (the true-up risk); the contract register's figure.",
      samples: contracts.map((c) => ({ labels: contractLabels(c), value: burndownInCents(c.burndown).shortfall.toFixed() })),
    },
    {
      name: "headroom_unmatched_charges",
      help: "Imported charges tied to no contract, reservation or accelerator type, per billing currency; /costs/unmatched.",
      samples: unmatched.byCurrency.map((c) => ({ labels: { currency: c.currency }, value: String(c.rows) })),
    },
    {
      name: "headroom_unmatched_charges_cost",
      help: "Σ EffectiveCost of the unmatched charges, per billing currency; /costs/unmatched.",
      samples: unmatched.byCurrency.map((c) => ({ labels: { currency: c.currency }, value: c.effectiveCost })),
    },
    {
      name: "headroom_last_import_timestamp_seconds",
      help: "When the last succeeded billing import holding the provider's charges finished, in Unix seconds.",
      samples: imports.map((i) => ({ labels: { provider: i.provider }, value: String(Math.floor(i.finishedAt.getTime() / 1000)) })),
    },
  ];
}

/** Every gauge, read the way the pages read them: the Overview, the contract register, unmatched charges. */
export async function readPrometheus(ctx: Ctx, url: URL): Promise<string> {
  checkQuery(url, PrometheusQuery);
  const asOf = pageClock();
  const [overview, contracts, unmatched, imports] = await Promise.all([
    getOverview(ctx, { asOf }),
    contractListRows(ctx, parseContractListParams(new URLSearchParams()), 0, Number.MAX_SAFE_INTEGER, asOf),
    listUnmatchedCharges(ctx, parseUnmatchedListParams(new URLSearchParams())),
    lastImportByProvider(ctx),
  ]);
  return exposition(gauges(overview, contracts, unmatched.totals, imports));
}
