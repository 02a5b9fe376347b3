import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";
import { planJson } from "@/lib/queries/plan/json";
import { runPlan, type PlanRun } from "@/lib/queries/plan/run";
import { savePlanAsScenario } from "@/lib/services/plan/save";

export const PLAN_USAGE = `  npm run headroom -- plan [--json] [--horizon N] [--demand median|p80|p95] [--scenario ID] [--family NAME]…
      [--budget USD] [--cap-provider 0.35] [--cap-vendor SHARE] [--cap-site SHARE]
      [--no-on-demand] [--no-spot] [--no-build] [--late-delivery] [--save NAME] [--as-of YYYY-MM-DD] [--as EMAIL]`;

export const PLAN_HELP = `plan: the cheapest set of blocks to lease or build over the horizon (default 24 months from the month after today),
within every site's power budget, the offers' lead times and the caps. --json prints status, objective, cost,
blocks, unmet demand, what binds and the solve time. Nothing is saved unless --save NAME is given: then the plan's
blocks become a new scenario of that name (needs scenarios.write).`;

const OPTIONS = {
  json: { type: "boolean" },
  as: { type: "string" },
  "as-of": { type: "string" },
  horizon: { type: "string" },
  demand: { type: "string" },
  scenario: { type: "string" },
  family: { type: "string", multiple: true },
  budget: { type: "string" },
  "cap-provider": { type: "string" },
  "cap-vendor": { type: "string" },
  "cap-site": { type: "string" },
  "no-on-demand": { type: "boolean" },
  "no-spot": { type: "boolean" },
  "no-build": { type: "boolean" },
  "late-delivery": { type: "boolean" },
  save: { type: "string" },
} as const;

export function parsePlanArgs(args: readonly string[]) {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: false });
  const input: Record<string, unknown> = {
    horizon: values.horizon,
    demand: values.demand,
    scenario: values.scenario,
    families: values.family,
    budgetUsd: values.budget,
    capProvider: values["cap-provider"],
    capVendor: values["cap-vendor"],
    capSite: values["cap-site"],
    noOnDemand: values["no-on-demand"],
    noSpot: values["no-spot"],
    noBuild: values["no-build"],
    lateDelivery: values["late-delivery"],
  };
  const asOfText = values["as-of"];
  const asOf = asOfText ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? `${asOfText}T00:00:00Z` : asOfText) : new Date();
  if (Number.isNaN(asOf.getTime())) throw new AppError(`--as-of must be a date (YYYY-MM-DD), not ${asOfText}.`);
  return {
    input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    asOf,
    json: values.json === true,
    as: values.as,
    save: values.save,
  };
}

const usd = (s: string) => `$${Number(s).toLocaleString("en-US", { maximumFractionDigits: 0 })}`;

export function printPlan(out: (line: string) => void, run: PlanRun): void {
  const { plan } = run;
  const unmet = plan.families.reduce((s, f) => s + f.unmet, 0);
  out(`${plan.message} ${run.from} – ${run.to}, ${run.offers} offers, solved in ${(plan.solveMs / 1000).toFixed(1)} s.`);
  out(`  committed cost ${usd(plan.committedCost)}, of which ${usd(plan.costInHorizon)} inside the horizon`);
  out(`  ${plan.blocks.length} blocks; unmet demand ${Math.round(unmet).toLocaleString("en-US")} H100e-months`);
  for (const b of plan.blocks)
    out(
      `  ${b.startMonth} ${b.quantity.toLocaleString("en-US")} × ${b.label} (${b.termMonths || "to the end"} mo, ${usd(b.committedCost)})`,
    );
  for (const w of run.warnings) out(`  note: ${w}`);
  if (plan.bindings.length) out("What binds:");
  for (const b of plan.bindings) out(`  ${b.sentence}`);
}

/** `headroom plan …`: 0 when a plan was found, 1 when none was. */
export async function runPlanCommand(ctx: Ctx, parsed: ReturnType<typeof parsePlanArgs>, out: (line: string) => void): Promise<number> {
  const saved = parsed.save
    ? await savePlanAsScenario({ ctx, input: { name: parsed.save, inputs: parsed.input }, asOf: parsed.asOf })
    : null;
  const run = saved?.run ?? (await runPlan({ ctx, input: parsed.input, asOf: parsed.asOf }));
  if (parsed.json) out(JSON.stringify({ ...planJson(run), ...(saved ? { scenario: { id: saved.id, name: saved.name } } : {}) }, null, 2));
  else {
    printPlan(out, run);
    if (saved) out(`Saved as scenario ${saved.name} (${saved.id}).`);
  }
  return run.plan.status === "optimal" || run.plan.status === "time_limit_feasible" ? 0 : 1;
}
