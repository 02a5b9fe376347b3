import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BudgetForm } from "@/components/budgets/budget-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { getBudgetRecord } from "@/lib/queries/budgets";
import { registerOptions } from "@/lib/queries/lists/options";
import { updateBudgetAction } from "../../actions";

export const metadata: Metadata = { title: "Edit budget" };
export const dynamic = "force-dynamic";

export default async function EditBudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "budgets.write") || !isUuid(id)) notFound();
  const [b, options] = await Promise.all([getBudgetRecord(ctx, id), registerOptions(ctx)]);
  if (!b || b.archivedAt) notFound();
  const providers = [...options.providers];
  if (b.providerId && !providers.some((p) => p.value === b.providerId))
    providers.push({ value: b.providerId, label: `${b.providerName ?? b.providerId} (archived)` });
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {b.name}</h1>
      <BudgetForm
        action={updateBudgetAction}
        edit={{ id, version: b.version }}
        providers={providers}
        families={options.families}
        values={{
          name: b.name,
          scopeKind: b.scopeKind,
          providerId: b.providerId ?? "",
          family: b.family ?? "",
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
