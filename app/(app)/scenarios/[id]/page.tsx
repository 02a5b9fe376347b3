import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GitCompareArrows, Pencil } from "lucide-react";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { OverridesSummary } from "@/components/scenarios/overrides-summary";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDay } from "@/lib/format/date";
import { entityHistory } from "@/lib/queries/lists/history";
import { isUuid } from "@/lib/db/uuid";
import { getScenario, overrideLabels } from "@/lib/queries/scenarios";
import { getScenarioPowerImpact } from "@/lib/queries/scenarios/impact";
import { impactSentence, PowerImpact } from "@/components/scenarios/power-impact";
import { setScenarioArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Scenario" };
export const dynamic = "force-dynamic";

// Planning pages that read the scenario filter; links open them switched to this scenario.
const PAGES = [
  { href: "/capacity", label: "Capacity" },
  { href: "/power", label: "Power" },
  { href: "/costs", label: "Costs" },
  { href: "/concentration", label: "Concentration" },
];

export default async function ScenarioPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const ctx = await requireCtx();
  const { id } = await params;
  const saved = (await searchParams).saved === "1";
  if (!isUuid(id)) notFound();
  const [scenario, history, impact] = await Promise.all([
    getScenario(ctx, id),
    entityHistory(ctx, "scenario", id),
    getScenarioPowerImpact(ctx, id),
  ]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const labels = await overrideLabels(ctx, scenario.overrides);
  const canWrite = can(ctx.actor.role, "scenarios.write");
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href="/scenarios" className="text-brand-700 underline dark:text-brand-300">
          Scenarios
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
            {scenario.name} {scenario.archivedAt ? <StatusBadge status="archived" /> : null}
          </h1>
          {scenario.description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{scenario.description}</p> : null}
        </div>
        <div className="flex items-start gap-2">
          <Link
            href={`/scenarios/compare?a=baseline&b=${id}`}
            className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
          >
            <GitCompareArrows aria-hidden className="size-4" /> Compare with baseline
          </Link>
          {canWrite && !scenario.archivedAt ? (
            <Link
              href={`/scenarios/${id}/edit`}
              className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              <Pencil aria-hidden className="size-4" /> Edit
            </Link>
          ) : null}
          {canWrite ? (
            <ArchiveButton
              id={id}
              version={scenario.version}
              archived={scenario.archivedAt !== null}
              what="scenario"
              action={setScenarioArchivedAction}
            />
          ) : null}
        </div>
      </div>
      {saved ? (
        <p
          role="status"
          data-testid="scenario-saved"
          className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <strong>Scenario saved.</strong> {impactSentence(impact)}
        </p>
      ) : null}
      <section aria-labelledby="overrides-heading" className="mt-6">
        <h2 id="overrides-heading" className="text-lg font-semibold">
          What differs from the baseline
        </h2>
        {scenario.overridesWarning ? (
          <p role="alert" className="mt-2 text-sm text-amber-800 dark:text-amber-200">
            {scenario.overridesWarning}
          </p>
        ) : null}
        <div className="mt-2">
          <OverridesSummary overrides={scenario.overrides} labels={labels} />
        </div>
        <p className="mt-2 text-sm">
          {scenario.demandPlans > 0 ? (
            <Link href={`/demand-plans?scenario=${id}`} className="text-brand-700 underline dark:text-brand-300">
              {scenario.demandPlans} demand plan{scenario.demandPlans === 1 ? "" : "s"} of its own
            </Link>
          ) : (
            "No demand plans of its own"
          )}
          , counted only in this scenario.
          {can(ctx.actor.role, "demand_plans.write") && !scenario.archivedAt ? (
            <>
              {" "}
              <Link href={`/demand-plans/new?scenario=${id}`} className="text-brand-700 underline dark:text-brand-300">
                Add a demand plan to this scenario
              </Link>
            </>
          ) : null}
        </p>
        <p className="mt-3 text-sm">
          Open in this scenario:{" "}
          {PAGES.map((p, i) => (
            <span key={p.href}>
              {i > 0 ? " · " : null}
              <Link href={`${p.href}?scenario=${id}`} className="text-brand-700 underline dark:text-brand-300">
                {p.label}
              </Link>
            </span>
          ))}
        </p>
      </section>
      <PowerImpact impact={impact} scenarioId={id} />
      <DetailList
        items={[
          [
            "Last changed",
            `${formatDay(scenario.updatedAt)}${scenario.updatedBy ? ` by ${scenario.updatedBy}` : ""} (version ${scenario.version})`,
          ],
        ]}
      />
      <EntityHistory entries={history} />
    </div>
  );
}
