import type { Metadata } from "next";
import Link from "next/link";
import { AllocationRuleForm } from "@/components/allocation/allocation-rule-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { listAllocationRules } from "@/lib/queries/allocation/rules";
import { registerOptions } from "@/lib/queries/lists/options";
import { workloadOptions } from "@/lib/queries/workloads";
import { createAllocationRuleAction } from "../actions";

export const metadata: Metadata = { title: "New allocation rule" };
export const dynamic = "force-dynamic";

export default async function NewAllocationRulePage() {
  const ctx = await requireCtx();
  const [options, workloads, rules] = await Promise.all([registerOptions(ctx), workloadOptions(ctx), listAllocationRules(ctx)]);
  const live = rules.filter((r) => r.archivedAt === null).length;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/allocation/rules" className="text-brand-700 underline dark:text-brand-300">
          Allocation rules
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">New allocation rule</h1>
      {can(ctx.actor.role, "allocation.write") ? (
        <AllocationRuleForm
          action={createAllocationRuleAction}
          providers={options.providers}
          workloads={workloads}
          positions={live + 1}
          values={{
            providerId: "",
            serviceName: "",
            skuId: "",
            regionId: "",
            subAccountId: "",
            tagKey: "",
            tagValue: "",
            resourceIdPrefix: "",
            workloadId: "",
            notes: "",
          }}
        />
      ) : (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-testid="allocation-permission-hint">
          Editing allocation rules needs the <code>allocation.write</code> permission (finance, infra and admin). You are signed in as{" "}
          {ctx.actor.role}.
        </p>
      )}
    </div>
  );
}
