import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { NotFoundError } from "@/lib/errors";
import { parseUtc } from "@/lib/metrics/calendar";
import type { ReservationStatus } from "@/lib/metrics/capacity";
import type { PricingModel } from "@/lib/metrics/planned-cost";
import { planH100e } from "@/lib/metrics/h100e";
import { isoDate, isoTs } from "@/lib/db/sql";
import { isUuid } from "@/lib/db/uuid";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { cachedRead } from "@/lib/cache/read";
import { applyScenario, filterModel, sortBlocks, type ModelFilter } from "./apply";
import { scenarioOverridesSchema, type ScenarioOverrides } from "./overrides";
import type { PlanningModel } from "./types";

/**
 * A demand plan's H100e factor in SQL (`p` a demand_plans row, `t` its accelerator type): the type's factor, else
 * the average of its family's types not archived. The planning model and the demand-plan list both read it.
 */
export const PLAN_FACTOR = sql.raw(
  "coalesce(t.h100_equivalent, (select avg(f.h100_equivalent) from accelerator_types f where f.family = p.accelerator_family and f.archived_at is null))::text",
);

export type { PlanningBlock, PlanningDemandPlan, PlanningModel } from "./types";

type BlockRow = {
  id: string;
  name: string;
  provider_id: string;
  provider_name: string;
  provider_kind: string;
  site_id: string;
  site_name: string;
  accelerator_type_id: string;
  type_name: string;
  family: string;
  vendor: string;
  quantity: number;
  start_at: string;
  end_at: string;
  delivery_date: string | null;
  pricing_model: PricingModel;
  rate: string;
  currency: string;
  contract_id: string | null;
  status: ReservationStatus;
  factor: string;
  system_w: number;
  bf16_tflops: string;
};

/** Parses stored overrides; a malformed value gives no overrides and a warning (a page still renders). */
export function parseStoredOverrides(value: unknown): { overrides: ScenarioOverrides; warning: string | null } {
  const parsed = scenarioOverridesSchema.safeParse(value ?? {});
  if (parsed.success) return { overrides: parsed.data, warning: null };
  const issue = parsed.error.issues[0]!;
  return {
    overrides: {},
    warning: `This scenario's overrides could not be read (${issue.path.join(".") || "overrides"}: ${issue.message}); the baseline is shown.`,
  };
}

/** The registers as they stand (every reservation not archived; no scenario), unfiltered. */
export async function loadBaseline(ctx: Ctx, asOf: Date): Promise<PlanningModel> {
  const db = ctx.db;
  const [blockRows, siteRows, budgetRows, planRows, providerRows, typeRows] = await Promise.all([
    queryRows<BlockRow>(
      db,
      sql`select r.id, r.name, r.provider_id, p.name as provider_name, p.kind::text as provider_kind, r.site_id, s.name as site_name,
                 r.accelerator_type_id, t.name as type_name, t.family, t.vendor, r.quantity,
                 ${isoTs("r.start_at")} as start_at, ${isoTs("r.end_at")} as end_at, ${isoDate("r.delivery_date")} as delivery_date,
                 r.pricing_model::text as pricing_model, r.rate::text as rate, r.currency, r.contract_id, r.status::text as status,
                 t.h100_equivalent::text as factor, t.system_w, t.bf16_tflops::text as bf16_tflops
          from reservations r
          join providers p on p.id = r.provider_id
          join sites s on s.id = r.site_id
          join accelerator_types t on t.id = r.accelerator_type_id
          where r.archived_at is null`,
    ),
    queryRows<{ id: string; name: string; provider_id: string; provider_name: string; pue: string }>(
      db,
      sql`select s.id, s.name, s.provider_id, p.name as provider_name, s.pue::text as pue
          from sites s join providers p on p.id = s.provider_id
          where s.archived_at is null order by s.name`,
    ),
    queryRows<{ site_id: string; effective_from: string; effective_to: string | null; contracted_mw: string }>(
      db,
      sql`select site_id, ${isoDate("effective_from")} as effective_from, ${isoDate("effective_to")} as effective_to,
                 contracted_mw::text as contracted_mw
          from power_budgets order by site_id, effective_from`,
    ),
    queryRows<{
      id: string;
      name: string;
      family: string;
      kind: string;
      accelerators: number | null;
      h100_equivalents: string | null;
      factor: string | null;
      start_date: string;
      end_date: string;
      priority: number;
      scenario_id: string | null;
    }>(
      db,
      sql`select p.id, p.name, p.accelerator_family as family, p.kind::text as kind, p.accelerators,
                 p.h100_equivalents::text as h100_equivalents,
                 ${PLAN_FACTOR} as factor,
                 ${isoDate("p.start_date")} as start_date, ${isoDate("p.end_date")} as end_date, p.priority, p.scenario_id
          from demand_plans p left join accelerator_types t on t.id = p.accelerator_type_id
          where p.archived_at is null
          order by p.start_date, p.name`,
    ),
    queryRows<{ id: string; name: string; kind: string }>(db, sql`select id, name, kind::text as kind from providers order by name`),
    queryRows<{ id: string; name: string; family: string; vendor: string; factor: string; system_w: number; bf16_tflops: string }>(
      db,
      sql`select id, name, family, vendor, h100_equivalent::text as factor, system_w, bf16_tflops::text as bf16_tflops
          from accelerator_types order by name`,
    ),
  ]);

  const budgets = new Map<string, PlanningModel["sites"][number]["budgets"]>();
  for (const b of budgetRows) {
    const list = budgets.get(b.site_id) ?? [];
    list.push({
      effectiveFrom: parseUtc(b.effective_from),
      effectiveTo: b.effective_to ? parseUtc(b.effective_to) : null,
      contractedMw: b.contracted_mw,
    });
    budgets.set(b.site_id, list);
  }

  return {
    asOf,
    scenario: null,
    blocks: sortBlocks(
      blockRows.map((r) => {
        const start = parseUtc(r.start_at);
        const end = parseUtc(r.end_at);
        const delivery = r.delivery_date ? parseUtc(r.delivery_date) : null;
        const startAt = delivery && delivery > start ? (delivery < end ? delivery : end) : start;
        return {
          id: r.id,
          name: r.name,
          providerId: r.provider_id,
          providerName: r.provider_name,
          providerKind: r.provider_kind,
          siteId: r.site_id,
          siteName: r.site_name,
          acceleratorTypeId: r.accelerator_type_id,
          typeName: r.type_name,
          family: r.family,
          vendor: r.vendor,
          quantity: r.quantity,
          startAt,
          endAt: end,
          pricingModel: r.pricing_model,
          rate: r.rate,
          currency: r.currency,
          contractId: r.contract_id,
          status: r.status,
          h100eFactor: r.factor,
          systemW: r.system_w,
          bf16Tflops: r.bf16_tflops,
        };
      }),
    ),
    sites: siteRows.map((s) => ({
      id: s.id,
      name: s.name,
      providerId: s.provider_id,
      providerName: s.provider_name,
      pue: s.pue,
      budgets: budgets.get(s.id) ?? [],
    })),
    demandPlans: planRows.map((p) => ({
      id: p.id,
      name: p.name,
      family: p.family,
      h100e: planH100e({ h100Equivalents: p.h100_equivalents, accelerators: p.accelerators, factor: p.factor }).toString(),
      accelerators: p.accelerators,
      startAt: parseUtc(p.start_date),
      endAt: parseUtc(p.end_date),
      priority: p.priority,
      kind: p.kind,
      scenarioId: p.scenario_id,
    })),
    demandGrowthPct: "0",
    catalog: {
      providers: providerRows,
      acceleratorTypes: typeRows.map((t) => ({
        id: t.id,
        name: t.name,
        family: t.family,
        vendor: t.vendor,
        h100eFactor: t.factor,
        systemW: t.system_w,
        bf16Tflops: t.bf16_tflops,
      })),
    },
    warnings: [],
  };
}

/**
 * Everything the planning pages compute from, read once: reservations (not archived; start moved to the delivery
 * date when that is later), sites with PUE and power budgets, demand plans (the baseline's, plus the scenario's own),
 * with the scenario's overrides applied (applyScenario) and then narrowed by provider / family / site. The date range
 * is not applied: pages take the months they show from the blocks' own start and end.
 * An unknown scenario id is a NotFoundError; an archived scenario still loads (links to it keep working).
 */
export async function loadPlanningModel(ctx: Ctx, options: PlanningModelOptions = {}): Promise<PlanningModel> {
  return (await loadPlanningModels(ctx, options)).model;
}

type PlanningModelOptions = { scenarioId?: string | null; filters?: ModelFilter; asOf?: Date };

/**
 * What a scenario's model is made from: the registers (unfiltered, with the baseline's demand plans and the
 * scenario's own), its parsed overrides and its name; applyScenario(registers, overrides, scenario) is the model
 * before filters. The planner applies its blocks on top of these (lib/queries/plan/after.ts).
 */
export type ScenarioSource = { registers: PlanningModel; overrides: ScenarioOverrides; scenario: { id: string; name: string } | null };

/**
 * The model of the scenario asked for (as loadPlanningModel) and, when one is asked for, the baseline beside it, from
 * one read of the registers, both narrowed by the same filters: what the planning pages set a scenario against.
 */
export async function loadPlanningModels(
  ctx: Ctx,
  options: PlanningModelOptions = {},
): Promise<{ model: PlanningModel; baseline: PlanningModel | null; source: ScenarioSource }> {
  requirePermission(ctx, "app.read");
  const asOf = options.asOf ?? new Date();
  const scenarioId = options.scenarioId ?? null;
  const { provider = null, family = null, site = null } = options.filters ?? {};
  const filters = { provider, family, site };
  return cachedRead("planning-models", ctx.db, { scenarioId, filters, asOf }, () => computePlanningModels(ctx, scenarioId, filters, asOf));
}

async function computePlanningModels(
  ctx: Ctx,
  scenarioId: string | null,
  filters: ModelFilter,
  asOf: Date,
): Promise<{ model: PlanningModel; baseline: PlanningModel | null; source: ScenarioSource }> {
  const [registers, scenarioRows] = await Promise.all([
    loadBaseline(ctx, asOf),
    scenarioId && isUuid(scenarioId)
      ? queryRows<{ id: string; name: string; overrides: unknown }>(
          ctx.db,
          sql`select id, name, overrides from scenarios where id = ${scenarioId}`,
        )
      : Promise.resolve([]),
  ]);
  const unfiltered = { ...registers, demandPlans: registers.demandPlans.filter((p) => p.scenarioId === null) };
  const baseline = filterModel(unfiltered, filters);
  if (!scenarioId) return { model: baseline, baseline: null, source: { registers: unfiltered, overrides: {}, scenario: null } };
  const row = scenarioRows[0];
  if (!row) throw new NotFoundError("That scenario does not exist.");
  const overrides = typeof row.overrides === "string" ? (JSON.parse(row.overrides) as unknown) : row.overrides;
  const { overrides: parsed, warning } = parseStoredOverrides(overrides);
  const withPlans = { ...registers, demandPlans: registers.demandPlans.filter((p) => p.scenarioId === null || p.scenarioId === row.id) };
  const scenario = { id: row.id, name: row.name };
  const model = applyScenario(withPlans, parsed, scenario);
  if (warning) model.warnings.unshift(warning);
  return { model: filterModel(model, filters), baseline, source: { registers: withPlans, overrides: parsed, scenario } };
}
