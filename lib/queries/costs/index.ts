import { parseWorkloadProfile, profileMap, type ProfileEntry } from "@/lib/queries/costs/workload-profile";
import { startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import { monthlySpend, spendByMonth, type SpendCell, type SpendGroupBy, type SpendMonth } from "@/lib/metrics/monthly-spend";
import type { Period } from "@/lib/metrics/period";
import { compareProviders, type ComparisonBlock, type ComparisonRow, type ProviderTotal } from "@/lib/metrics/provider-comparison";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { MONEY_CURRENCY } from "@/lib/db/sql";
import { fxRates } from "@/lib/env";
import { blocksInUsd, unconverted, type FxRates, type Unconverted } from "@/lib/metrics/fx";
import { loadCostBlocks, type CostFilters } from "./blocks";
import { familyCharges, loadBilledMonths, loadBillingGroups, loadMonthlyUsed } from "./billing";
import { getPeriodCommitments, type PeriodCommitments } from "./commitments";

export type { CostFilters } from "./blocks";

export type CostsView = {
  asOf: Date;
  currency: string;
  months: Period[];
  by: SpendGroupBy;
  cells: SpendCell[];
  spend: SpendMonth[];
  /** The months of the range whose cost comes from billing, per provider; every other month is planned. */
  actualMonths: { providerName: string; months: Date[] }[];
  comparison: { period: Period | null; rows: ComparisonRow[]; providers: ProviderTotal[]; profile: ProfileEntry[] };
  commitments: {
    overall: PeriodCommitments | null;
    byProvider: { providerId: string; providerName: string; metrics: PeriodCommitments }[];
  };
  /** Blocks of the range priced in a currency without a rate in HEADROOM_FX_RATES: left out of planned money. */
  unconverted: Unconverted;
  /** With a scenario chosen: the baseline's spend per month over the same months, by the same rules and billing. */
  baseline: { spend: SpendMonth[] } | null;
};

export type CostsOptions = {
  asOf?: Date;
  by?: SpendGroupBy;
  /** Blocks of the planning model (scenario applied), or the model still loading; the baseline registers when omitted. */
  blocks?: readonly ComparisonBlock[] | Promise<readonly ComparisonBlock[]>;
  /** With a scenario: the baseline's blocks (or still loading), to set the scenario's spend against. */
  baselineBlocks?: readonly ComparisonBlock[] | Promise<readonly ComparisonBlock[] | null> | null;
  /** URL parameters holding the workload profile (tps.<family>). */
  profile?: URLSearchParams | Record<string, string | string[] | undefined>;
  /** USD per unit of other currencies; HEADROOM_FX_RATES when omitted. */
  fxRates?: FxRates;
};

function monthsOf(from: Date, to: Date): Period[] {
  const count = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  return utcMonths(from, Math.max(0, count));
}

/**
 * The cost views of the filters' months: spend per month by provider or family (actual for provider-months with
 * billing, planned otherwise), the provider comparison over the range's whole past months, and commitment
 * utilization, coverage and savings of the billing in those months. Money in USD: blocks priced in another
 * currency at its HEADROOM_FX_RATES rate (lib/metrics/fx.ts), those without a rate left out and counted.
 */
export async function getCostsView(ctx: Ctx, filters: CostFilters, options: CostsOptions = {}): Promise<CostsView> {
  requirePermission(ctx, "app.read");
  const asOf = options.asOf ?? new Date();
  const currency = MONEY_CURRENCY;
  const from = startOfUtcMonth(filters.from);
  const to = startOfUtcMonth(filters.to);
  const f = { ...filters, from, to };
  const months = monthsOf(from, to);
  const thisMonth = startOfUtcMonth(asOf);
  const pastTo = to < thisMonth ? to : thisMonth;
  const pastPeriod = from < pastTo ? { from, to: pastTo } : null;

  // Every read at once (the blocks may still be loading with the planning model).
  const [loaded, baselineLoaded, usedAh, billed, groups, commitments] = await Promise.all([
    options.blocks ?? loadCostBlocks(ctx, f),
    options.baselineBlocks ?? null,
    loadMonthlyUsed(ctx, f),
    loadBilledMonths(ctx, f, currency),
    loadBillingGroups(ctx, f, currency),
    pastPeriod ? getPeriodCommitments(ctx, pastPeriod, { currency, provider: filters.provider }) : { overall: null, byProvider: [] },
  ]);
  const rates = options.fxRates ?? fxRates();
  const blocks = blocksInUsd(loaded, rates).blocks;
  const left = unconverted(
    loaded.filter((b) => b.startAt < to && b.endAt > from),
    rates,
  );
  const spendOf = (of: readonly ComparisonBlock[]) =>
    monthlySpend({ months, blocks: of, usedAh, actual: groups, billed, usageThrough: thisMonth, currency });
  const cells = spendOf(blocks);
  const baselineBlocks = baselineLoaded ? blocksInUsd(baselineLoaded, rates).blocks : null;
  const by = options.by ?? "provider";

  const pastMonths = pastPeriod ? monthsOf(pastPeriod.from, pastPeriod.to) : [];
  const families = new Map<string, string>();
  for (const b of blocks) if (!families.has(b.family)) families.set(b.family, b.h100eFactor);
  const profile = parseWorkloadProfile(
    options.profile ?? {},
    [...families].map(([family, h100eFactor]) => ({ family, h100eFactor })),
  );
  const comparison = compareProviders({
    months: pastMonths,
    blocks: blocks.filter((b) => b.startAt < pastTo && b.endAt > from),
    usedAh,
    charges: familyCharges(groups.filter((g) => g.month < pastTo)),
    billed,
    tokensPerSecond: profileMap(profile),
    currency,
  });

  const providerNames = new Map(groups.map((g) => [g.providerId, g.providerName]));
  for (const b of blocks) providerNames.set(b.providerId, b.providerName);
  const actualByProvider = new Map<string, Date[]>();
  for (const key of billed) {
    const [provider, month] = key.split("|") as [string, string];
    const name = providerNames.get(provider) ?? provider.replace(/^name:/, "");
    actualByProvider.set(name, [...(actualByProvider.get(name) ?? []), new Date(`${month}T00:00:00Z`)]);
  }
  const actualMonths = [...actualByProvider]
    .map(([providerName, list]) => ({ providerName, months: list.sort((a, b) => a.getTime() - b.getTime()) }))
    .sort((a, b) => a.providerName.localeCompare(b.providerName));

  return {
    asOf,
    currency,
    months,
    by,
    cells,
    spend: spendByMonth(months, cells, by),
    actualMonths,
    comparison: { period: pastPeriod, ...comparison, profile },
    commitments,
    unconverted: left,
    baseline: baselineBlocks ? { spend: spendByMonth(months, spendOf(baselineBlocks), by) } : null,
  };
}
