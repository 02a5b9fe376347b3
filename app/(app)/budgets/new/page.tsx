import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BudgetForm } from "@/components/budgets/budget-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isoDay, startOfUtcMonth } from "@/lib/metrics/calendar";
import { budgetFormOptions } from "@/lib/queries/budgets/options";
import { createBudgetAction } from "../actions";

export const metadata: Metadata = { title: "New budget" };
export const dynamic = "force-dynamic";

export default async function NewBudgetPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "budgets.write")) notFound();
  const options = await budgetFormOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New budget</h1>
      <BudgetForm
        action={createBudgetAction}
        options={options}
        values={{
          name: "",
          scopeKind: "lab",
          providerId: "",
          family: "",
          teamId: "",
          workloadId: "",
          contractId: "",
          unit: "money",
          periodKind: "month",
          amount: "",
          currency: "USD",
          actualThresholdPct: "80",
          forecastThresholdPct: "100",
          activeFrom: isoDay(startOfUtcMonth(new Date())),
          activeTo: "",
        }}
      />
    </div>
  );
}
