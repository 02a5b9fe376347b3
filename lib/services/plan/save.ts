import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { demandPlans, scenarios } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { parseStoredOverrides } from "@/lib/planning/model";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import { parseInput, withTransaction } from "@/lib/services/context";
import { insertDemandPlan } from "@/lib/services/demand-plans/create";
import { createScenario } from "@/lib/services/scenarios/create";
import { optionalTextField, textField } from "@/lib/validation/fields";
import { PlanInputs } from "@/lib/validation/plan";
import { blocksAsReservations, MAX_ADDED_RESERVATIONS, mergeBlocks } from "@/lib/queries/plan/as-reservations";
import { runPlan, type PlanRun } from "@/lib/queries/plan/run";

export const SavePlanInput = z
  .object({
    name: textField("a name"),
    description: optionalTextField("description", 1000),
    inputs: z.preprocess((v) => v ?? {}, PlanInputs),
  })
  .strict();
export type SavePlanInput = z.infer<typeof SavePlanInput>;

/** scenarios.plan of a scenario saved from the planner: its inputs and committed cost (USD) at save time. */
export type SavedPlan = { inputs: PlanInputs; committedCost: string; savedAt: string };

function inputsText(run: PlanRun, scenarioName: string | null): string {
  const i = run.inputs;
  const caps = [
    i.capProvider !== null ? `provider ${i.capProvider}` : null,
    i.capVendor !== null ? `chip vendor ${i.capVendor}` : null,
    i.capSite !== null ? `site ${i.capSite}` : null,
  ].filter(Boolean);
  const off = [i.noOnDemand && "on-demand", i.noSpot && "spot", i.noBuild && "build"].filter(Boolean);
  return [
    `Procurement plan of ${run.asOf.slice(0, 10)}: ${run.plan.blocks.length} blocks, committed cost USD ${run.plan.committedCost} (USD ${run.plan.costInHorizon} inside the horizon).`,
    `Inputs: horizon ${i.horizon} months (${run.from} to ${run.to}); demand ${i.demand}; scenario ${scenarioName ?? "baseline"}; families ${i.families?.join(", ") ?? "all"}; budget ${i.budgetUsd ? `USD ${i.budgetUsd}` : "none"}; caps ${caps.length ? caps.join(", ") : "none"}; ${off.length ? `no ${off.join(", no ")}` : "all pricing models allowed"}${i.lateDelivery ? "; planned for late delivery" : ""}.`,
  ].join("\n");
}

async function chosenScenario(ctx: Ctx, id: string | null): Promise<{ name: string; overrides: ScenarioOverrides } | null> {
  if (!id) return null;
  const [row] = await ctx.db.select({ name: scenarios.name, overrides: scenarios.overrides }).from(scenarios).where(eq(scenarios.id, id));
  if (!row) throw new NotFoundError("That scenario does not exist.");
  const { overrides, warning } = parseStoredOverrides(row.overrides);
  if (warning) throw new ValidationError(`The plan's scenario ${row.name} cannot be copied: ${warning}`);
  return { name: row.name, overrides };
}

/** The chosen scenario's own demand plans, copied to the new scenario (rules and audit of the demand-plan register). */
async function copyDemandPlans(tx: Tx, ctx: Ctx, from: string, to: string): Promise<void> {
  const rows = await tx
    .select()
    .from(demandPlans)
    .where(and(eq(demandPlans.scenarioId, from), isNull(demandPlans.archivedAt)));
  for (const p of rows)
    await insertDemandPlan(tx, ctx, {
      name: p.name,
      kind: p.kind,
      workloadId: p.workloadId,
      scenarioId: to,
      acceleratorFamily: p.acceleratorFamily,
      acceleratorTypeId: p.acceleratorTypeId,
      accelerators: p.accelerators,
      h100Equivalents: p.h100Equivalents,
      startDate: p.startDate,
      endDate: p.endDate,
      priority: p.priority,
      notes: p.notes,
    });
}

/**
 * Saves a procurement plan as a scenario (issue 17 §4): the plan is solved again here from its inputs (blocks from a
 * client are never trusted), its blocks become added reservations on top of the chosen scenario's overrides, and the
 * scenario is created by createScenario (its rules and audit), with the chosen scenario's demand plans copied, in one
 * transaction. Needs scenarios.write. Returns the created scenario, with the plan it was made from (`run`).
 */
export async function savePlanAsScenario({ ctx, input, asOf = new Date() }: { ctx: Ctx; input: unknown; asOf?: Date }) {
  requirePermission(ctx, "scenarios.write");
  const data = parseInput(SavePlanInput, input);
  const run = await runPlan({ ctx, input: data.inputs, asOf });
  const chosen = await chosenScenario(ctx, run.inputs.scenario);
  if (run.plan.blocks.length === 0)
    throw new ValidationError(
      "This plan buys nothing, so there is no scenario to save: demand is already covered, or nothing could be bought.",
    );
  const blocks = run.plan.blocks.length > MAX_ADDED_RESERVATIONS ? mergeBlocks(run.plan.blocks) : run.plan.blocks;
  const kept = chosen?.overrides.addReservations ?? [];
  if (blocks.length + kept.length > MAX_ADDED_RESERVATIONS)
    throw new ValidationError(
      `This plan has ${blocks.length} blocks${kept.length ? ` and its scenario already adds ${kept.length} reservations` : ""}; a scenario holds at most ${MAX_ADDED_RESERVATIONS} added reservations. Narrow the families or shorten the horizon.`,
    );
  const overrides: ScenarioOverrides = { ...chosen?.overrides, addReservations: [...kept, ...blocksAsReservations(blocks)] };
  const description = [data.description, inputsText(run, chosen?.name ?? null)].filter(Boolean).join("\n\n").slice(0, 2000);
  return withTransaction(ctx, async (tx) => {
    // createScenario opens its own transaction on ctx.db: on the transaction it is a savepoint inside this one.
    const inTx: Ctx = { ...ctx, db: tx };
    const created = await createScenario({ ctx: inTx, input: { name: data.name, description, overrides } });
    // What the plan cost when saved and how to solve it again: the plan_cost_moved alert re-solves it and compares.
    const plan: SavedPlan = { inputs: run.inputs, committedCost: run.plan.committedCost, savedAt: run.asOf };
    await tx.update(scenarios).set({ plan }).where(eq(scenarios.id, created.id));
    if (run.inputs.scenario) await copyDemandPlans(tx, ctx, run.inputs.scenario, created.id);
    return { ...created, run };
  });
}
