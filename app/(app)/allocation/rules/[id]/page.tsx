import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AllocationRuleForm } from "@/components/allocation/allocation-rule-form";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { SavedNotice, wasSaved } from "@/components/ui/saved-notice";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { formatMoney } from "@/lib/format/number";
import { getAllocationRule, ruleConditions } from "@/lib/queries/allocation/rules";
import { entityHistory } from "@/lib/queries/lists/history";
import { registerOptions } from "@/lib/queries/lists/options";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { workloadOptions } from "@/lib/queries/workloads";
import { setAllocationRuleArchivedAction, updateAllocationRuleAction } from "../actions";

export const metadata: Metadata = { title: "Allocation rule" };
export const dynamic = "force-dynamic";

export default async function AllocationRulePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const ctx = await requireCtx();
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const rule = isUuid(id) ? await getAllocationRule(ctx, id) : null;
  if (!rule) notFound();
  const [history, options, workloads] = await Promise.all([
    entityHistory(ctx, "allocation_rule", id),
    registerOptions(ctx),
    workloadOptions(ctx),
  ]);
  const canEdit = can(ctx.actor.role, "allocation.write");
  const archived = rule.archivedAt !== null;
  const cost = rule.cost.map((c) => formatMoney(c.amount, c.currency)).join(" · ") || "no cost";
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link href="/allocation/rules" className="text-brand-700 underline dark:text-brand-300">
          Allocation rules
        </Link>
      </p>
      <SavedNotice show={wasSaved(raw)}>
        Rule saved and applied to every past charge: it now catches {rule.charges.toLocaleString("en-US")} charges for {rule.workloadName}.
      </SavedNotice>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          Rule {rule.position} → {rule.workloadName} {archived ? <StatusBadge status="archived" /> : null}
        </h1>
        {canEdit ? (
          <ArchiveButton
            id={rule.id}
            version={rule.version}
            archived={archived}
            what="allocation rule"
            action={setAllocationRuleArchivedAction}
          />
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Charges with {ruleConditions(rule).join(" and ")} go to {rule.workloadName} ({rule.teamName}) ·{" "}
        <span data-testid="rule-caught">
          {rule.charges.toLocaleString("en-US")} charges caught, {cost}
        </span>
        {rule.notes ? <> · {rule.notes}</> : null}
      </p>
      {canEdit && !archived ? (
        <section
          aria-labelledby="edit-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit
          </h2>
          <AllocationRuleForm
            key={rule.version}
            action={updateAllocationRuleAction}
            providers={withCurrent(options.providers, rule.providerId, rule.providerName)}
            workloads={withCurrent(workloads, rule.workloadId, rule.workloadName)}
            values={{
              providerId: rule.providerId ?? "",
              serviceName: rule.serviceName ?? "",
              skuId: rule.skuId ?? "",
              regionId: rule.regionId ?? "",
              subAccountId: rule.subAccountId ?? "",
              tagKey: rule.tagKey ?? "",
              tagValue: rule.tagValue ?? "",
              resourceIdPrefix: rule.resourceIdPrefix ?? "",
              workloadId: rule.workloadId,
              notes: rule.notes ?? "",
            }}
            edit={{ id: rule.id, version: rule.version }}
          />
        </section>
      ) : null}
      <EntityHistory entries={history} />
    </div>
  );
}

// An archived provider or workload stays selectable on the rule that already uses it.
function withCurrent(options: { value: string; label: string }[], value: string | null, label: string | null) {
  return value === null || options.some((o) => o.value === value)
    ? options
    : [...options, { value, label: `${label ?? value} (archived)` }];
}
