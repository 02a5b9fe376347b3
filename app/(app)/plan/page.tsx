import type { Metadata } from "next";
import Link from "next/link";
import { PlanForm } from "@/components/plan/plan-form";
import { PlanSaveForm } from "@/components/plan/plan-save-form";
import { PlanView } from "@/components/plan/plan-view";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseShowAll } from "@/lib/queries/filters/params";
import { registerOptions } from "@/lib/queries/lists/options";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { planInputFromParams, planParamsProblem, planQuery } from "@/lib/queries/plan/params";
import { listScenarios } from "@/lib/queries/scenarios";
import { runPlan, type PlanRun } from "@/lib/queries/plan/run";
import { PlanInputs } from "@/lib/validation/plan";

export const metadata: Metadata = { title: "Procurement plan" };
export const dynamic = "force-dynamic";

/** The plan of the URL's inputs, or the sentence saying why there is none (bad input, unknown family or scenario). */
async function solve(ctx: Awaited<ReturnType<typeof requireCtx>>, input: Record<string, unknown>): Promise<PlanRun | string> {
  try {
    return await runPlan({ ctx, input });
  } catch (e) {
    if (e instanceof AppError) return e.message;
    throw e;
  }
}

export default async function PlanPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const raw = await searchParams;
  const input = planInputFromParams(raw);
  const problem = planParamsProblem(raw);
  const parsed = PlanInputs.safeParse(input);
  const [options, scenarios, result] = await Promise.all([
    registerOptions(ctx),
    listScenarios(ctx),
    problem || !parsed.success ? Promise.resolve(problem ?? parsed.error?.issues[0]?.message ?? "Check the inputs.") : solve(ctx, input),
  ]);
  const inputs = typeof result === "string" ? (parsed.success ? parsed.data : PlanInputs.parse({})) : result.inputs;
  const query = planQuery(inputs);
  const chart = typeof raw.chart === "string" && raw.chart ? raw.chart : null;
  return (
    <div className="mx-auto max-w-7xl pb-10">
      <h1 className="text-2xl font-semibold tracking-tight">Procurement plan</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        The cheapest set of blocks to lease or build that covers the demand forecast, within every site&apos;s power budget, every
        offer&apos;s lead time and quantity limits, and the concentration caps you set. Offers come from the{" "}
        <Link href="/offers" className="underline">
          offers register
        </Link>
        ; demand from the Capacity forecast and demand plans. Nothing is saved until you save the plan as a scenario.
      </p>
      <PlanForm inputs={inputs} families={options.families} scenarios={scenarios.map((s) => ({ value: s.id, label: s.name }))} />
      {typeof result === "string" ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          No plan: {result}
        </p>
      ) : (
        <PlanView
          run={result}
          query={query}
          chartFamily={chart}
          showAllBlocks={parseShowAll(raw.blocks)}
          save={
            <>
              {can(ctx.actor.role, "scenarios.write") && result.plan.blocks.length ? <PlanSaveForm inputs={result.inputs} /> : null}
              {can(ctx.actor.role, "shares.manage") ? (
                <Link href={`/reports?plan=${encodeURIComponent(query)}#new-report`} className="text-sm underline">
                  Put this plan in a report
                </Link>
              ) : null}
            </>
          }
        />
      )}
    </div>
  );
}
