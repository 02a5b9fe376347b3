import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScenarioForm } from "@/components/scenarios/scenario-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/db/uuid";
import { getScenario, scenarioFormOptions } from "@/lib/queries/scenarios";
import { createScenarioAction, updateScenarioAction } from "../../actions";

export const metadata: Metadata = { title: "Edit scenario" };
export const dynamic = "force-dynamic";

export default async function EditScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "scenarios.write") || !isUuid(id)) notFound();
  const [scenario, options] = await Promise.all([getScenario(ctx, id), scenarioFormOptions(ctx)]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  if (scenario.archivedAt) notFound();
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {scenario.name}</h1>
      {scenario.overridesWarning ? (
        <p role="alert" className="mt-2 text-sm text-amber-800 dark:text-amber-200">
          {scenario.overridesWarning} Saving replaces them.
        </p>
      ) : null}
      <ScenarioForm
        options={options}
        edit={{ id, version: scenario.version }}
        values={{ name: scenario.name, description: scenario.description ?? "", overrides: scenario.overrides }}
        createAction={createScenarioAction}
        updateAction={updateScenarioAction}
      />
    </div>
  );
}
