import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScenarioForm } from "@/components/scenarios/scenario-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { scenarioFormOptions } from "@/lib/queries/scenarios";
import { createScenarioAction, updateScenarioAction } from "../actions";

export const metadata: Metadata = { title: "New scenario" };
export const dynamic = "force-dynamic";

export default async function NewScenarioPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "scenarios.write")) notFound();
  const options = await scenarioFormOptions(ctx);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold tracking-tight">New scenario</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Starts from the baseline registers; only what you change below differs.
      </p>
      <ScenarioForm
        options={options}
        values={{ name: "", description: "", overrides: {} }}
        createAction={createScenarioAction}
        updateAction={updateScenarioAction}
      />
    </div>
  );
}
