import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BudgetForm } from "@/components/budgets/budget-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { getBudgetRecord } from "@/lib/queries/budgets";
import { budgetFormOptions } from "@/lib/queries/budgets/options";
import { updateBudgetAction } from "../../actions";

export const metadata: Metadata = { title: "Edit budget" };
export const dynamic = "force-dynamic";

export default async function EditBudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "budgets.write") || !isUuid(id)) notFound();
  const [b, options] = await Promise.all([getBudgetRecord(ctx, id), budgetFormOptions(ctx)]);
  if (!b || b.archivedAt) notFound();
  // A target archived since the budget was set stays choosable for it.
  const keep = (list: { value: string; label: string }[], id: string | null, name: string | null) =>
    id && !list.some((o) => o.value === id) ? [...list, { value: id, label: `${name ?? id} (archived)` }] : list;
  const choices = {
    ...options,
    providers: keep(options.providers, b.providerId, b.providerName),
    teams: keep(options.teams, b.teamId, b.teamName),
    workloads: keep(options.workloads, b.workloadId, b.workloadName),
    contracts: keep(options.contracts, b.contractId, b.contractName),
  };
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {b.name}</h1>
      <BudgetForm
        action={updateBudgetAction}
        edit={{ id, version: b.version }}
        options={choices}
        values={{
          name: b.name,
          scopeKind: b.scopeKind,
          providerId: b.providerId ?? "",
          family: b.family ?? "",
          teamId: b.teamId ?? "",
          workloadId: b.workloadId ?? "",
          contractId: b.contractId ?? "",
          unit: b.unit,
          periodKind: b.periodKind,
          amount: b.amount,
          currency: b.currency,
          actualThresholdPct: b.actualThresholdPct,
          forecastThresholdPct: b.forecastThresholdPct,
          activeFrom: b.activeFrom,
          activeTo: b.activeTo ?? "",
        }}
      />
    </div>
  );
}
