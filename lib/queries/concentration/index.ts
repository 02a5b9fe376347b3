import type { PlanningFilters } from "@/lib/queries/filters/params";
import { averageUnitsByMonth, type CapacityDemandLine, type UnitSpan } from "@/lib/metrics/capacity-demand";
import {
  capacityShares,
  DIMENSIONS,
  herfindahl,
  hhiReading,
  largestDependency,
  lossOfOne,
  type Dependency,
  type Dimension,
  type HhiReading,
  type LossOfOne,
  type Share,
} from "@/lib/metrics/concentration";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import { contains, type Period } from "@/lib/metrics/period";
import { blockH100e } from "@/lib/planning/block-h100e";
import { loadPlanningModel, type PlanningBlock, type PlanningModel } from "@/lib/planning/model";
import { loadCapacityRunway } from "@/lib/queries/capacity";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";

export const DIMENSION_LABELS: Record<Dimension, string> = { provider: "Provider", vendor: "Chip vendor", site: "Site" };

export type ConcentrationPage = {
  at: Date;
  scenario: PlanningModel["scenario"];
  family: string | null;
  totalH100e: Dec;
  shares: Record<Dimension, Share[]>;
  hhi: Record<Dimension, { value: Dec; reading: HhiReading }>;
  largest: Dependency | null;
  /** The capacity page's months and runway line (average H100e per month), and each member's loss against it. */
  months: Period[];
  loss: LossOfOne;
};

function member(dimension: Dimension, b: PlanningBlock): { key: string; label: string } {
  if (dimension === "provider") return { key: b.providerId, label: b.providerName };
  if (dimension === "vendor") return { key: b.vendor, label: b.vendor };
  return { key: b.siteId, label: b.siteName };
}

const h100e = blockH100e;

/** Shares of the H100e in service at `at` by provider, chip vendor and site, and the HHI of each. */
export function sharesAt(model: PlanningModel, at: Date): Pick<ConcentrationPage, "totalH100e" | "shares" | "hhi"> {
  const inService = model.blocks.filter((b) => contains(b.startAt, b.endAt, at));
  const inServiceH100e = inService.map(h100e);
  const totalH100e = sumDec(inServiceH100e);
  const shares = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      capacityShares(
        inService.map((b, i) => {
          const m = member(d, b);
          return { key: m.key, label: m.label, h100e: inServiceH100e[i]! };
        }),
      ),
    ]),
  ) as Record<Dimension, Share[]>;
  const hhi = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const value = herfindahl(shares[d]);
      return [d, { value, reading: hhiReading(value) }];
    }),
  ) as ConcentrationPage["hhi"];
  return { totalH100e, shares, hhi };
}

/**
 * Shares of the H100e in service at `at` by provider, chip vendor and site, HHI per dimension, the largest single
 * dependency, and loss of one against the capacity page's runway line: capacity left now without X, and the first
 * month whose median demand exceeds the line's capacity minus X's average H100e in that month.
 */
export function buildConcentration(
  model: PlanningModel,
  runway: CapacityDemandLine,
  at: Date,
  family: string | null = null,
): ConcentrationPage {
  const { totalH100e, shares, hhi } = sharesAt(model, at);

  const months = runway.points.map((p) => p.month);
  const spans: UnitSpan[] = model.blocks.map((b) => ({ units: h100e(b), startAt: b.startAt, endAt: b.endAt }));
  const members = DIMENSIONS.flatMap((dimension) => {
    const groups = new Map<string, { key: string; label: string; blocks: UnitSpan[] }>();
    model.blocks.forEach((b, i) => {
      const m = member(dimension, b);
      let g = groups.get(m.key);
      if (!g) groups.set(m.key, (g = { key: m.key, label: m.label, blocks: [] }));
      g.blocks.push(spans[i]!);
    });
    const now = new Map(shares[dimension].map((s) => [s.key, s.h100e]));
    return [...groups.values()]
      .map((g) => ({
        dimension,
        key: g.key,
        label: g.label,
        h100eNow: now.get(g.key) ?? dec(0),
        series: averageUnitsByMonth(g.blocks, months),
      }))
      .filter((m) => !m.h100eNow.isZero() || m.series.some((v) => !v.isZero()))
      .sort((a, b) => b.h100eNow.comparedTo(a.h100eNow) || a.label.localeCompare(b.label));
  });
  const loss = lossOfOne({
    months,
    totalNow: totalH100e,
    capacity: runway.points.map((p) => p.capacity),
    demand: runway.points.map((p) => p.demand.median),
    members,
  });
  return {
    at,
    scenario: model.scenario,
    family,
    totalH100e,
    shares,
    hhi,
    largest: largestDependency(shares),
    months,
    loss,
  };
}

/** Loads the planning model once for the shares and the capacity page's runway line (same scenario and family). */
export async function getConcentration(
  ctx: Ctx,
  filters: Pick<PlanningFilters, "scenario" | "family">,
  asOf = pageClock(),
): Promise<ConcentrationPage> {
  const modelLoad = loadPlanningModel(ctx, { scenarioId: filters.scenario, filters: { family: filters.family }, asOf });
  const [model, runway] = await Promise.all([
    modelLoad,
    loadCapacityRunway(ctx, { scenario: filters.scenario, family: filters.family, asOf }, modelLoad),
  ]);
  const line = (filters.family && runway.byFamily.find((f) => f.family === filters.family)?.line) || runway.overall;
  return buildConcentration(model, line, asOf, filters.family);
}
