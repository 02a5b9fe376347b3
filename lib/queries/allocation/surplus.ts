import { and, eq, isNull, sql } from "drizzle-orm";
import { allocations, workloads } from "@/lib/db/schema";
import { queryRows } from "@/lib/db/rows";
import { fxRates } from "@/lib/env";
import { allocatedAh } from "@/lib/metrics/allocation";
import { addUtcMonths, startOfUtcMonth } from "@/lib/metrics/calendar";
import { dec, Dec } from "@/lib/metrics/decimal";
import { toUsd } from "@/lib/metrics/fx";
import { hoursIn, type Period } from "@/lib/metrics/period";
import { ownCost } from "@/lib/metrics/showback";
import {
  externalMonth,
  listPrice,
  quarterSurplus,
  surplusMonth,
  type ExternalMonth,
  type QuarterSurplus,
  type SurplusMonth,
  type SurplusPrices,
} from "@/lib/metrics/surplus";
import { loadPlanningModel } from "@/lib/planning/model";
import type { PlanningBlock } from "@/lib/planning/types";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { buildLines, forecastMonths, HISTORY_MONTHS } from "../capacity";
import { loadUsageHistory, type CapacityUnit } from "../capacity/history";
import { getShowback } from "./showback";

export type FamilySurplus = { family: string; prices: SurplusPrices; months: SurplusMonth[]; nextQuarter: QuarterSurplus };
export type ExternalWorkload = {
  id: string;
  name: string;
  salePrice: string;
  currency: string;
  months: (ExternalMonth & { month: Period; allocatedAh: Dec })[];
};
export type SurplusView = {
  asOf: Date;
  /** The months asked for, inside the forecast's 24 months (the month of asOf and after). */
  months: Period[];
  /** The calendar quarter after the one holding asOf. */
  nextQuarter: Period;
  families: FamilySurplus[];
  /** Σ families' next-quarter H100e and values (a family without a list price adds nothing to that value). */
  nextQuarterTotal: { h100e: Dec; valueSpot: Dec; valueOnDemand: Dec };
  external: ExternalWorkload[];
  /** List offers left out of the prices: currency without a rate. */
  unpricedOffers: number;
};

export type SurplusParams = { from: Date; to: Date; family?: string | null; asOf?: Date };

/** The calendar quarter after the one that holds `asOf`. */
export function nextQuarterOf(asOf: Date): Period {
  const m = startOfUtcMonth(asOf);
  const from = addUtcMonths(m, 3 - (m.getUTCMonth() % 3));
  return { from, to: addUtcMonths(from, 3) };
}

const within = (m: Period, p: Period) => m.from >= p.from && m.to <= p.to;

/**
 * Surplus per family and month over the forecast months (PRODUCT.md §3, lib/metrics/surplus.ts): held and forecast
 * need are the Capacity page's baseline lines (capacity and median demand, by family, in accelerators and in H100e);
 * allocated is the allocations' accelerator-hours on the family's blocks ÷ hours of the month. Values at the median
 * spot and on-demand list prices (offers of source `list`, valid at asOf, in USD). External workloads: revenue from
 * their allocated hours at their sale price, own cost from the showback. One round of queries.
 */
export async function getSurplus(ctx: Ctx, params: SurplusParams): Promise<SurplusView> {
  requirePermission(ctx, "app.read");
  const asOf = params.asOf ?? pageClock();
  const forecast = forecastMonths(asOf);
  const months = forecast.filter((m) => m.from >= params.from && m.to <= params.to);
  const nextQuarter = nextQuarterOf(asOf);
  const history = (unit: CapacityUnit) =>
    loadUsageHistory(ctx.db, { before: startOfUtcMonth(asOf), months: HISTORY_MONTHS, by: "family", unit });
  const showFrom = months[0]?.from ?? forecast[0]!.from;
  const showTo = months.at(-1)?.to ?? showFrom;
  const day = asOf.toISOString().slice(0, 10);
  const [model, accHistory, h100eHistory, spans, external, offers, showback] = await Promise.all([
    loadPlanningModel(ctx, { asOf }),
    history("accelerators"),
    history("h100e"),
    ctx.db
      .select({
        reservationId: allocations.reservationId,
        workloadId: allocations.workloadId,
        quantity: allocations.quantity,
        startAt: allocations.startAt,
        endAt: allocations.endAt,
      })
      .from(allocations)
      .where(isNull(allocations.archivedAt)),
    ctx.db
      .select({ id: workloads.id, name: workloads.name, salePrice: workloads.salePrice, currency: workloads.currency })
      .from(workloads)
      .where(and(eq(workloads.kind, "external"), isNull(workloads.archivedAt)))
      .orderBy(workloads.name),
    queryRows<{ family: string; model: "spot" | "on_demand"; rate: string; currency: string }>(
      ctx.db,
      sql`select t.family, o.pricing_model::text as model, o.rate::text as rate, o.currency
          from offers o join accelerator_types t on t.id = o.accelerator_type_id
          where o.source = 'list' and o.archived_at is null and o.pricing_model in ('spot', 'on_demand')
            and o.valid_from <= ${day}::date and (o.valid_until is null or o.valid_until > ${day}::date)`,
    ),
    months.length ? getShowback(ctx, { from: showFrom, to: showTo, asOf }) : [],
  ]);

  const rates = fxRates();
  let unpricedOffers = 0;
  const listRates = new Map<string, { spot: Dec[]; onDemand: Dec[] }>();
  for (const o of offers) {
    const usd = toUsd(o.rate, o.currency, rates);
    if (!usd) {
      unpricedOffers++;
      continue;
    }
    const r = listRates.get(o.family) ?? { spot: [], onDemand: [] };
    (o.model === "spot" ? r.spot : r.onDemand).push(usd);
    listRates.set(o.family, r);
  }

  const blocks = new Map<string, PlanningBlock>(model.blocks.map((b) => [b.id, b]));
  const allocatedOn = (month: Period) => {
    const out = new Map<string, { ah: Dec; h100eh: Dec }>();
    for (const s of spans) {
      const b = blocks.get(s.reservationId);
      if (!b) continue;
      const ah = allocatedAh(b, { quantity: s.quantity, from: s.startAt, to: s.endAt }, month);
      if (ah.isZero()) continue;
      const key = b.family;
      const acc = out.get(key) ?? { ah: dec(0), h100eh: dec(0) };
      out.set(key, { ah: acc.ah.plus(ah), h100eh: acc.h100eh.plus(ah.times(b.h100eFactor)) });
    }
    return out;
  };

  const options = { by: "family" as const, months: forecast, plansLeftOut: false };
  const accLines = buildLines(model, accHistory, { ...options, unit: "accelerators" });
  const h100eLines = new Map(buildLines(model, h100eHistory, { ...options, unit: "h100e" }).map((l) => [l.key, l]));
  const allocatedByMonth = forecast.map(allocatedOn);
  const lines = params.family ? accLines.filter((l) => l.key === params.family) : accLines;
  const families: FamilySurplus[] = lines.map((acc) => {
    const h = h100eLines.get(acc.key)!;
    const r = listRates.get(acc.key);
    const prices: SurplusPrices = { spot: listPrice(r?.spot ?? []), onDemand: listPrice(r?.onDemand ?? []) };
    const all = forecast.map((month, i) => {
      const hours = hoursIn(month);
      const a = allocatedByMonth[i]!.get(acc.key);
      return surplusMonth({
        month,
        accelerators: { held: acc.points[i]!.capacity, allocated: a ? a.ah.div(hours) : 0, need: acc.points[i]!.demand.median },
        h100e: { held: h.points[i]!.capacity, allocated: a ? a.h100eh.div(hours) : 0, need: h.points[i]!.demand.median },
        prices,
      });
    });
    return {
      family: acc.key,
      prices,
      months: all.filter((m) => months.some((p) => p.from.getTime() === m.month.from.getTime())),
      nextQuarter: quarterSurplus(
        all.filter((m) => within(m.month, nextQuarter)),
        prices,
      ),
    };
  });
  families.sort((a, b) => b.nextQuarter.h100e.comparedTo(a.nextQuarter.h100e) || a.family.localeCompare(b.family));

  const nextQuarterTotal = families.reduce(
    (t, f) => ({
      h100e: t.h100e.plus(f.nextQuarter.h100e),
      valueSpot: t.valueSpot.plus(f.nextQuarter.valueSpot ?? 0),
      valueOnDemand: t.valueOnDemand.plus(f.nextQuarter.valueOnDemand ?? 0),
    }),
    { h100e: dec(0), valueSpot: dec(0), valueOnDemand: dec(0) },
  );

  const externalRows: ExternalWorkload[] = external.map((w) => {
    const priceUsd = toUsd(w.salePrice ?? 0, w.currency ?? "USD", rates);
    return {
      id: w.id,
      name: w.name,
      salePrice: w.salePrice ?? "0",
      currency: w.currency ?? "USD",
      months: months.map((month, i) => {
        const own = allocatedAhOf(spans, blocks, w.id, month);
        const cost = showback[i]?.byWorkload.get(w.id);
        return { month, allocatedAh: own, ...externalMonth({ allocatedAh: own, salePriceUsd: priceUsd, cost: cost ? ownCost(cost) : 0 }) };
      }),
    };
  });

  return { asOf, months, nextQuarter, families, nextQuarterTotal, external: externalRows, unpricedOffers };
}

function allocatedAhOf(
  spans: readonly { reservationId: string; workloadId: string; quantity: number; startAt: Date; endAt: Date | null }[],
  blocks: ReadonlyMap<string, PlanningBlock>,
  workloadId: string,
  month: Period,
): Dec {
  let ah = dec(0);
  for (const s of spans) {
    const b = blocks.get(s.reservationId);
    if (b && s.workloadId === workloadId) ah = ah.plus(allocatedAh(b, { quantity: s.quantity, from: s.startAt, to: s.endAt }, month));
  }
  return ah;
}
