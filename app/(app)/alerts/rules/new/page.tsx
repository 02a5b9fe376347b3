import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { ruleFormOptions } from "@/lib/queries/alerts/options";
import { createAlertRuleAction } from "../actions";

export const metadata: Metadata = { title: "New alert rule" };
export const dynamic = "force-dynamic";

export default async function NewAlertRulePage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "alerts.write")) notFound();
  const options = await ruleFormOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New alert rule</h1>
      <RuleForm
        action={createAlertRuleAction}
        options={options}
        values={{
          name: "",
          kind: options.kinds[0]!.value,
          params: {},
          severity: "warning",
          ownerId: ctx.actor.id ?? "",
          scopeKind: "",
          scopeValue: "",
          channelIds: [],
          repeatMinutes: "",
          mutedUntil: "",
          enabled: true,
        }}
      />
    </div>
  );
}
