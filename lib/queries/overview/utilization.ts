import type { Ctx } from "@/lib/auth/context";
import type { Dec } from "@/lib/metrics/decimal";
import type { FxRates, Unconverted } from "@/lib/metrics/fx";
import type { Period } from "@/lib/metrics/period";
import { presetPeriod } from "@/lib/queries/filters/params";
import { getUtilizationView } from "@/lib/queries/utilization";

/** The Overview's window, and the /utilization preset that shows the same days. */
export const UTILIZATION_RANGE = "last30d";

type Usage = { usedAh: Dec; capacityAh: Dec; ratio: Dec | null };
export type UtilizationSection = Usage & {
  window: Period;
  idleCost: Dec;
  daily: (Usage & { day: Period })[];
  byFamily: (Usage & { family: string; idleCost: Dec })[];
  /** Blocks in service in the window that reported no utilization: left out of the figure, counted beside it. */
  unmeasured: number;
  /** Reserved blocks whose currency has no rate: idle hours counted, not priced. */
  idleUnconverted: Unconverted;
};

/**
 * Utilization over the last 30 whole UTC days before asOf: /utilization's own loader (`range=last30d`, daily
 * rollups, by family), so the KPI and the page it links to give one figure by one rule (PRODUCT.md §3): a block with
 * no daily row in the window is unmeasured and left out; a measured block counts its capacity over every hour of the
 * window inside its term.
 */
export async function loadUtilization(ctx: Ctx, asOf: Date, fxRates?: FxRates): Promise<UtilizationSection> {
  const window = presetPeriod(UTILIZATION_RANGE, asOf);
  const view = await getUtilizationView(
    ctx,
    { ...window, provider: null, family: null, site: null },
    { asOf, grain: "day", by: "family", blockLimit: 0, fxRates },
  );
  const usage = (u: { usedAh: Dec; capacityAh: Dec; utilization: Dec | null }): Usage => ({
    usedAh: u.usedAh,
    capacityAh: u.capacityAh,
    ratio: u.utilization,
  });
  return {
    window: view.period,
    ...usage(view.total),
    idleCost: view.total.idleCost,
    daily: view.buckets.map((b) => ({ day: b.bucket, ...usage(b.total) })),
    byFamily: view.groups.map((family) => {
      const u = view.groupTotals.get(family)!;
      return { family, ...usage(u), idleCost: u.idleCost };
    }),
    unmeasured: view.unmeasured.length,
    idleUnconverted: view.idleUnconverted,
  };
}
