import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/rows";
import { allocations, teams, workloads } from "@/lib/db/schema";
import { allocatedAh } from "@/lib/metrics/allocation";
import { addUtcMonths, isoDay, startOfUtcMonth, utcMonths } from "@/lib/metrics/calendar";
import { dec, Dec } from "@/lib/metrics/decimal";
import { blocksInUsd } from "@/lib/metrics/fx";
import type { Period } from "@/lib/metrics/period";
import { emptyWorkloadCost, ownCost } from "@/lib/metrics/showback";
import {
  costUpTokensDown,
  profilePerMillion,
  TOKEN_METRIC,
  unitMonths,
  type CostUpTokensDown,
  type TokenKind,
  type UnitMonth,
} from "@/lib/metrics/unit-economics";
import { fxRates } from "@/lib/env";
import { loadCostBlocks } from "../costs/blocks";
import { parseWorkloadProfile, profileMap, type ProfileEntry } from "../costs/workload-profile";
import { getShowback } from "./showback";

export type UnitEconomicsMonth = UnitMonth & {
  /** The Costs page's profile estimate for the same cost: its used hours × the profile's tokens/s. */
  profile: Dec | null;
  usedAh: Dec;
};

export type UnitEconomicsWorkload = {
  id: string;
  name: string;
  kind: TokenKind;
  metric: string;
  teamId: string;
  teamName: string;
  archived: boolean;
  months: UnitEconomicsMonth[];
  /** Set when, over the range's last two months, cost per day held or rose while tokens per day fell. */
  costUpTokensDown: CostUpTokensDown | null;
};

export type UnitEconomics = {
  /** The complete months of the asked range (months from asOf's on are left out: their cost and tokens are partial). */
  months: Period[];
  currency: "USD";
  profile: ProfileEntry[];
  workloads: UnitEconomicsWorkload[];
};

const KINDS = Object.keys(TOKEN_METRIC) as TokenKind[];

/**
 * $ per 1M tokens of every inference and training workload (or one), per complete month of [from, to): the
 * workload's own showback cost (getShowback, USD) ÷ the Σ of its token metric's daily values in the month (summed in
 * SQL, exact), beside the Costs page's profile estimate. Every read runs at once; `profile` holds tps.<family> URL
 * parameters as on /costs.
 */
export async function getUnitEconomics(
  ctx: Ctx,
  input: {
    from: Date;
    to: Date;
    asOf?: Date;
    workloadId?: string;
    profile?: URLSearchParams | Record<string, string | string[] | undefined>;
  },
): Promise<UnitEconomics> {
  requirePermission(ctx, "app.read");
  const asOf = input.asOf ?? new Date();
  const from = startOfUtcMonth(input.from);
  const thisMonth = startOfUtcMonth(asOf);
  const to = startOfUtcMonth(input.to) < thisMonth ? startOfUtcMonth(input.to) : thisMonth;
  const count = Math.max(0, (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth());
  const months = utcMonths(from, count);
  if (months.length === 0) return { months, currency: "USD", profile: [], workloads: [] };

  const only = input.workloadId ? eq(workloads.id, input.workloadId) : undefined;
  const [showback, owned, tokens, loaded, spans] = await Promise.all([
    getShowback(ctx, { from, to, asOf }),
    ctx.db
      .select({
        id: workloads.id,
        name: workloads.name,
        kind: workloads.kind,
        teamId: workloads.teamId,
        teamName: teams.name,
        archivedAt: workloads.archivedAt,
      })
      .from(workloads)
      .innerJoin(teams, eq(teams.id, workloads.teamId))
      .where(and(inArray(workloads.kind, KINDS), only))
      .orderBy(workloads.name),
    queryRows<{ workload_id: string; month: string; tokens: string; days: number }>(
      ctx.db,
      sql`select b.workload_id, to_char(date_trunc('month', b.day), 'YYYY-MM-DD') as month, sum(b.value)::text as tokens,
            count(*)::int as days
          from business_metrics b join workloads w on w.id = b.workload_id
          where b.day >= ${isoDay(from)}::date and b.day < ${isoDay(to)}::date
            ${input.workloadId ? sql`and w.id = ${input.workloadId}` : sql``}
            and ((w.kind = 'inference' and b.metric = ${TOKEN_METRIC.inference})
              or (w.kind = 'training' and b.metric = ${TOKEN_METRIC.training}))
          group by 1, 2`,
    ),
    loadCostBlocks(ctx, { from, to, provider: null, family: null, site: null }),
    ctx.db
      .select({
        reservationId: allocations.reservationId,
        workloadId: allocations.workloadId,
        quantity: allocations.quantity,
        startAt: allocations.startAt,
        endAt: allocations.endAt,
      })
      .from(allocations)
      .where(and(isNull(allocations.archivedAt), input.workloadId ? eq(allocations.workloadId, input.workloadId) : undefined)),
  ]);

  const blocks = new Map(blocksInUsd(loaded, fxRates()).blocks.map((b) => [b.id, b]));
  const families = new Map<string, string>();
  for (const b of blocks.values()) if (!families.has(b.family)) families.set(b.family, b.h100eFactor);
  const profile = parseWorkloadProfile(
    input.profile ?? {},
    [...families].map(([family, h100eFactor]) => ({ family, h100eFactor })),
  );
  const tps = profileMap(profile);
  const tokensOf = new Map(tokens.map((t) => [`${t.workload_id}|${t.month}`, t]));

  const ordered = [...owned].sort((a, b) => KINDS.indexOf(a.kind as TokenKind) - KINDS.indexOf(b.kind as TokenKind));
  const result = ordered.map((w): UnitEconomicsWorkload => {
    const kind = w.kind as TokenKind;
    const mine = spans.filter((s) => s.workloadId === w.id);
    const base = months.map((period, i) => {
      const t = tokensOf.get(`${w.id}|${isoDay(period.from)}`);
      const c = showback[i]?.byWorkload.get(w.id) ?? emptyWorkloadCost();
      const daysInMonth = Math.round((addUtcMonths(period.from, 1).getTime() - period.from.getTime()) / 86_400_000);
      return { month: period.from, daysInMonth, cost: ownCost(c), tokens: t ? dec(t.tokens) : null, daysReported: t ? Number(t.days) : 0 };
    });
    const unit = unitMonths(base).map((m, i): UnitEconomicsMonth => {
      const c = showback[i]?.byWorkload.get(w.id) ?? emptyWorkloadCost();
      const held = new Map<string, Dec>();
      for (const s of mine) {
        const b = blocks.get(s.reservationId);
        if (!b) continue;
        const ah = allocatedAh(b, { quantity: s.quantity, from: s.startAt, to: s.endAt }, months[i]!);
        held.set(b.family, (held.get(b.family) ?? new Dec(0)).plus(ah));
      }
      const holds = [...held].map(([family, ah]) => ({ allocatedAh: ah, tokensPerSecond: tps.get(family) ?? null }));
      return {
        ...m,
        usedAh: c.usedAh,
        profile: profilePerMillion({ cost: m.cost, usedAh: c.usedAh, unmeasuredCost: c.unmeasuredCost, holds }),
      };
    });
    return {
      id: w.id,
      name: w.name,
      kind,
      metric: TOKEN_METRIC[kind],
      teamId: w.teamId,
      teamName: w.teamName,
      archived: w.archivedAt !== null,
      months: unit,
      costUpTokensDown: costUpTokensDown(unit),
    };
  });
  const shown = input.workloadId ? result : result.filter((w) => w.months.some((m) => m.tokens !== null || !m.cost.isZero()));
  return { months, currency: "USD", profile, workloads: shown };
}

/** One workload's months for its own page: the last 12 complete months; null for a kind without a token metric. */
export async function getWorkloadUnitEconomics(
  ctx: Ctx,
  workload: { id: string; kind: string },
  asOf: Date,
): Promise<UnitEconomicsWorkload | null> {
  requirePermission(ctx, "app.read");
  if (!(KINDS as string[]).includes(workload.kind)) return null;
  const thisMonth = startOfUtcMonth(asOf);
  const view = await getUnitEconomics(ctx, { from: addUtcMonths(thisMonth, -12), to: thisMonth, asOf, workloadId: workload.id });
  return view.workloads[0] ?? null;
}
