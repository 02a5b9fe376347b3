import { dec } from "@/lib/metrics/decimal";
import { applyPct, toInstant, type ScenarioOverrides } from "./overrides";
import type { PlanningBlock, PlanningModel } from "./types";

/** d + n calendar months, keeping the day and time (clamped to the month's last day: 31 Jan + 1 → 28/29 Feb). */
export function addMonthsKeepingDay(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
}

/**
 * The baseline with a scenario's overrides applied, as a new model (the input is not changed): removed
 * reservations leave; price changes multiply the rate of every remaining baseline block matching the provider
 * and/or family (several matching changes compound); delivery slips move a block's start by N months (a block
 * slipped past its end holds no capacity: start = end); added reservations join with the rate the planner entered
 * (price changes and slips never touch them); PUE overrides replace a site's PUE; demand growth is carried as
 * demandGrowthPct. Overrides naming something absent become warnings, never errors.
 */
export function applyScenario(
  baseline: PlanningModel,
  overrides: ScenarioOverrides,
  scenario: { id: string; name: string } | null = null,
): PlanningModel {
  const warnings = [...baseline.warnings];
  const removed = new Set(overrides.removeReservationIds ?? []);
  const present = new Set(baseline.blocks.map((b) => b.id));
  for (const id of removed) if (!present.has(id)) warnings.push(`A removed reservation (${id}) is no longer in the registers.`);

  let blocks: PlanningBlock[] = baseline.blocks.filter((b) => !removed.has(b.id)).map((b) => ({ ...b }));

  for (const change of overrides.priceChangePct ?? []) {
    let matched = 0;
    for (const b of blocks) {
      if (change.providerId !== undefined && b.providerId !== change.providerId) continue;
      if (change.family !== undefined && b.family !== change.family) continue;
      b.rate = applyPct(b.rate, change.pct).toString();
      matched += 1;
    }
    if (matched === 0) warnings.push(`A price change of ${change.pct} % matches no reservation.`);
  }

  const slips = new Map((overrides.delaySlips ?? []).map((s) => [s.reservationId, s.months]));
  for (const b of blocks) {
    const months = slips.get(b.id);
    if (months === undefined) continue;
    slips.delete(b.id);
    const slipped = addMonthsKeepingDay(b.startAt, months);
    b.startAt = slipped < b.endAt ? slipped : new Date(b.endAt);
    b.slippedMonths = months;
  }
  for (const id of slips.keys()) warnings.push(`A delivery slip names a reservation (${id}) that is not in the scenario.`);

  const providers = new Map(baseline.catalog.providers.map((p) => [p.id, p]));
  const types = new Map(baseline.catalog.acceleratorTypes.map((t) => [t.id, t]));
  const sites = new Map(baseline.sites.map((s) => [s.id, s]));
  (overrides.addReservations ?? []).forEach((r, i) => {
    const provider = providers.get(r.providerId);
    const type = types.get(r.acceleratorTypeId);
    const site = sites.get(r.siteId);
    if (!provider || !type || !site) {
      warnings.push(
        `The added reservation "${r.name}" names a ${!provider ? "provider" : !type ? "accelerator type" : "site"} that no longer exists; it is left out.`,
      );
      return;
    }
    const startAt = toInstant(r.startAt);
    const endAt = toInstant(r.endAt);
    blocks.push({
      id: `scenario-added-${i + 1}`,
      name: r.name,
      providerId: provider.id,
      providerName: provider.name,
      providerKind: provider.kind,
      siteId: site.id,
      siteName: site.name,
      acceleratorTypeId: type.id,
      typeName: type.name,
      family: type.family,
      vendor: type.vendor,
      quantity: r.quantity,
      startAt,
      endAt,
      pricingModel: r.pricingModel,
      rate: dec(r.rate).toString(),
      currency: "USD",
      contractId: null,
      status: startAt > baseline.asOf ? "planned" : endAt > baseline.asOf ? "active" : "expired",
      h100eFactor: type.h100eFactor,
      systemW: type.systemW,
      bf16Tflops: type.bf16Tflops,
      added: true,
    });
  });
  blocks = sortBlocks(blocks);

  const pue = overrides.pueBySite ?? {};
  for (const id of Object.keys(pue)) if (!sites.has(id)) warnings.push(`A PUE change names a site (${id}) that no longer exists.`);

  return {
    ...baseline,
    scenario,
    blocks,
    sites: baseline.sites.map((s) => (pue[s.id] !== undefined ? { ...s, pue: pue[s.id]! } : s)),
    demandGrowthPct: overrides.demandGrowthPct ?? "0",
    warnings,
  };
}

/** Blocks in the order every model keeps them: by (delivery-adjusted) start, then name, then id. */
export function sortBlocks(blocks: PlanningBlock[]): PlanningBlock[] {
  return blocks.sort(
    (a, b) => a.startAt.getTime() - b.startAt.getTime() || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1),
  );
}

export type ModelFilter = { provider?: string | null; family?: string | null; site?: string | null };

/**
 * Narrows a model to a provider, family and/or site: blocks match all given; sites by id and provider; demand plans
 * by family (plans have no provider or site, so those filters leave them whole).
 */
export function filterModel(model: PlanningModel, filter: ModelFilter): PlanningModel {
  const { provider, family, site } = filter;
  if (!provider && !family && !site) return model;
  return {
    ...model,
    blocks: model.blocks.filter(
      (b) => (!provider || b.providerId === provider) && (!family || b.family === family) && (!site || b.siteId === site),
    ),
    sites: model.sites.filter((s) => (!provider || s.providerId === provider) && (!site || s.id === site)),
    demandPlans: model.demandPlans.filter((p) => !family || p.family === family),
  };
}
