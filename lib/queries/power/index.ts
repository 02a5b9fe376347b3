import { filterMonths, parseMonth, type PlanningFilters } from "@/lib/queries/filters/params";
import { startOfUtcMonth } from "@/lib/metrics/calendar";
import { dec, type Dec } from "@/lib/metrics/decimal";
import type { Period } from "@/lib/metrics/period";
import { firstOverBudget, loadsInService, type FirstOver } from "@/lib/metrics/power-causes";
import { headroomBySite, tightestHeadroom, type HeadroomPoint, type SitePower } from "@/lib/metrics/power-headroom";
import { loadPlanningModels, type PlanningBlock, type PlanningModel } from "@/lib/planning/model";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";

export type PowerSite = {
  siteId: string;
  siteName: string;
  providerName: string;
  pue: Dec;
  monthly: HeadroomPoint[];
  tightest: HeadroomPoint | null;
  overBudgetMonths: number;
  firstOver: HeadroomPoint | null;
};

export type PowerCause = {
  id: string;
  name: string;
  providerName: string;
  typeName: string;
  quantity: number;
  systemW: number;
  startAt: Date;
  endAt: Date;
  itMw: Dec;
  facilityMw: Dec;
  added: boolean;
  /** Began drawing power within the month (the block that tipped it, often). */
  startedInMonth: boolean;
};

export type PowerCauses = { siteId: string; siteName: string; point: HeadroomPoint; blocks: PowerCause[] };

export type PowerPage = {
  asOf: Date;
  months: Period[];
  sites: PowerSite[];
  firstOver: FirstOver | null;
  /** Sites with load in the range but no power budget recorded: not ranked, listed (monthly: load against a 0 MW budget). */
  unbudgeted: { siteId: string; siteName: string; peakFacilityMw: Dec; monthly: HeadroomPoint[] }[];
  causes: PowerCauses | null;
  /** With a scenario chosen: the baseline's sites over the same months (same filters, same functions). */
  baseline: { scenarioName: string; sites: PowerSite[]; firstOver: FirstOver | null } | null;
};

/** /power's own default: 24 months from this one. */
export const POWER_DEFAULTS = { range: "24m" } as const;

/** The filter's months; the month holding asOf starts at asOf (what is past in it no longer draws power). */
export function powerPeriods(filters: Pick<PlanningFilters, "from" | "to">, asOf: Date): Period[] {
  return filterMonths(filters).map((m) => (m.from < asOf && asOf < m.to ? { from: asOf, to: m.to } : m));
}

/** "siteId:YYYY-MM" → the site and month whose causes to list. */
export function parseCause(value: string | undefined | null): { siteId: string; month: Date } | null {
  const [siteId, month] = (value ?? "").split(":");
  const from = parseMonth(month);
  return siteId && from ? { siteId, month: from } : null;
}

type SiteLoads = Map<string, PlanningBlock[]>;

/** Each site's blocks drawing power, in one pass over the model's blocks (not one pass per site). */
function loadsBySite(model: PlanningModel): SiteLoads {
  const bySite: SiteLoads = new Map();
  for (const b of model.blocks) {
    // Blocks not marked expired draw power over [start, end) (planned ones included: they will).
    if (b.status === "expired") continue;
    const list = bySite.get(b.siteId);
    if (list) list.push(b);
    else bySite.set(b.siteId, [b]);
  }
  return bySite;
}

function sitePower(
  model: PlanningModel,
  loads: SiteLoads,
  siteId: string,
): (SitePower & { loads: (PlanningBlock & { name: string })[] }) | null {
  const site = model.sites.find((s) => s.id === siteId);
  if (!site) return null;
  return { siteId: site.id, siteName: site.name, pue: site.pue, budgets: site.budgets, loads: loads.get(site.id) ?? [] };
}

function causesAt(model: PlanningModel, loads: SiteLoads, siteId: string, point: HeadroomPoint): PowerCauses | null {
  const site = sitePower(model, loads, siteId);
  if (!site) return null;
  const blocks = loadsInService(site.loads, site.pue, point.at).map(({ load, itMw, facilityMw }) => ({
    id: load.id,
    name: load.name,
    providerName: load.providerName,
    typeName: load.typeName,
    quantity: load.quantity,
    systemW: load.systemW,
    startAt: load.startAt,
    endAt: load.endAt,
    itMw,
    facilityMw,
    added: load.added ?? false,
    startedInMonth: load.startAt >= point.month.from && load.startAt < point.month.to,
  }));
  return { siteId, siteName: site.siteName, point, blocks };
}

/**
 * Per site with a power budget: IT and facility load against the budget, month by month (each month's tightest
 * instant), headroom, the first site over budget, and the blocks drawing power in the month asked for (default: the
 * first over-budget one), largest first.
 */
export function buildPowerPage(model: PlanningModel, months: Period[], cause: { siteId: string; month: Date } | null = null): PowerPage {
  const loads = loadsBySite(model);
  const all = model.sites.map((s) => sitePower(model, loads, s.id)!);
  const budgeted = all.filter((s) => s.budgets.length > 0);
  const headroom = headroomBySite(budgeted, months);
  const sites = headroom.map((h, i) => ({
    siteId: h.siteId,
    siteName: h.siteName,
    providerName: model.sites.find((s) => s.id === h.siteId)!.providerName,
    pue: dec(budgeted[i]!.pue),
    monthly: h.monthly,
    tightest: tightestHeadroom([h]),
    overBudgetMonths: h.monthly.filter((p) => p.overBudget).length,
    firstOver: h.monthly.find((p) => p.overBudget) ?? null,
  }));
  sites.sort(
    (a, b) =>
      (a.firstOver?.month.from.getTime() ?? Infinity) - (b.firstOver?.month.from.getTime() ?? Infinity) ||
      (a.firstOver && b.firstOver ? a.firstOver.headroomMw.comparedTo(b.firstOver.headroomMw) : 0) ||
      (a.tightest && b.tightest ? a.tightest.headroomMw.comparedTo(b.tightest.headroomMw) : 0) ||
      a.siteName.localeCompare(b.siteName),
  );
  const unbudgeted = headroomBySite(
    all.filter((s) => s.budgets.length === 0),
    months,
  )
    .map((h) => ({
      siteId: h.siteId,
      siteName: h.siteName,
      peakFacilityMw: h.monthly.reduce((max, p) => (p.facilityMw.greaterThan(max) ? p.facilityMw : max), dec(0)),
      monthly: h.monthly,
    }))
    .filter((s) => s.peakFacilityMw.greaterThan(0));
  const first = firstOverBudget(headroom);

  let causes: PowerCauses | null = null;
  const asked = cause ? sites.find((s) => s.siteId === cause.siteId) : null;
  const askedPoint = asked?.monthly.find((p) => startOfUtcMonth(p.month.from).getTime() === startOfUtcMonth(cause!.month).getTime());
  if (asked && askedPoint) causes = causesAt(model, loads, asked.siteId, askedPoint);
  else if (first) causes = causesAt(model, loads, first.siteId, first);

  return { asOf: model.asOf, months, sites, firstOver: first, unbudgeted, causes, baseline: null };
}

/**
 * Loads the planning model once (scenario, provider and site filters applied) and builds the power page from it; with
 * a scenario, the baseline's sites beside it, from the same read of the registers.
 */
export async function getPowerPage(
  ctx: Ctx,
  filters: PlanningFilters,
  cause: string | null = null,
  asOf = pageClock(),
): Promise<PowerPage> {
  const { model, baseline } = await loadPlanningModels(ctx, {
    scenarioId: filters.scenario,
    filters: { provider: filters.provider, site: filters.site },
    asOf,
  });
  const months = powerPeriods(filters, asOf);
  const page = buildPowerPage(model, months, parseCause(cause));
  if (!baseline) return page;
  const base = buildPowerPage(baseline, months);
  return { ...page, baseline: { scenarioName: model.scenario?.name ?? "Scenario", sites: base.sites, firstOver: base.firstOver } };
}
