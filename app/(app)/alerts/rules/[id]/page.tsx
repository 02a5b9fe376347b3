import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { SeverityBadge } from "@/components/alerts/severity-badge";
import { ArchiveButton } from "@/components/registers/archive-button";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { getAlertRule } from "@/lib/queries/alerts";
import { ruleFormOptions } from "@/lib/queries/alerts/options";
import { setAlertRuleArchivedAction, updateAlertRuleAction } from "../actions";

export const metadata: Metadata = { title: "Alert rule" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const [rule, options] = await Promise.all([getAlertRule(ctx, id), ruleFormOptions(ctx)]);
  if (!rule) notFound();
  const canWrite = can(ctx.actor.role, "alerts.write");
  const kind = options.kinds.find((k) => k.value === rule.kind);
  const values = Object.fromEntries(Object.entries(rule.params as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  return (
    <div className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{rule.name}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <SeverityBadge severity={rule.severity} /> {kind?.label ?? rule.kind}
            {rule.archivedAt ? " · archived" : rule.enabled ? "" : " · disabled"}
          </p>
        </div>
        {canWrite ? (
          <ArchiveButton
            id={rule.id}
            version={rule.version}
            archived={rule.archivedAt !== null}
            what="rule"
            action={setAlertRuleArchivedAction}
          />
        ) : null}
      </div>
      {canWrite && !rule.archivedAt ? (
        <RuleForm
          action={updateAlertRuleAction}
          options={options}
          edit={{ id: rule.id, version: rule.version }}
          values={{
            name: rule.name,
            kind: rule.kind,
            params: values,
            severity: rule.severity,
            ownerId: rule.ownerId ?? "",
            scopeKind: rule.scopeKind ?? "",
            scopeValue: rule.scopeValue ?? "",
            channelIds: rule.channelIds,
            repeatMinutes: rule.repeatMinutes === null ? "" : String(rule.repeatMinutes),
            mutedUntil: rule.mutedUntil ? rule.mutedUntil.toISOString().slice(0, 16) : "",
            enabled: rule.enabled,
          }}
        />
      ) : (
        <dl className="mt-6 grid grid-cols-[10rem_1fr] gap-2 text-sm">
          <dt className="font-medium">Condition</dt>
          <dd>{kind?.description ?? rule.kind}</dd>
          {(kind?.fields ?? []).map((f) => (
            <div key={f.name} className="contents">
              <dt className="font-medium">{f.label}</dt>
              <dd>{values[f.name] ?? "—"}</dd>
            </div>
          ))}
          <dt className="font-medium">Scope</dt>
          <dd>{rule.scopeKind ? `${rule.scopeKind} ${rule.scopeValue}` : "Everything"}</dd>
          <dt className="font-medium">Repeat</dt>
          <dd>{rule.repeatMinutes ? `every ${rule.repeatMinutes} min` : "once"}</dd>
        </dl>
      )}
      <p className="mt-6 text-sm">
        <Link href="/alerts/rules" className="text-brand-700 underline dark:text-brand-300">
          All rules
        </Link>
      </p>
    </div>
  );
}
