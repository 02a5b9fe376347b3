import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PoolRuleForm } from "@/components/allocation/pool-rule-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { getPoolRuleSettings } from "@/lib/queries/allocation/pool-rules";
import { teamOptions } from "@/lib/queries/teams";
import { setPoolRuleAction } from "./actions";

export const metadata: Metadata = { title: "Pool rules" };
export const dynamic = "force-dynamic";

export default async function PoolRulesPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "pool_rules.write")) notFound();
  const [pools, teams] = await Promise.all([getPoolRuleSettings(ctx), teamOptions(ctx)]);
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-2xl font-semibold tracking-tight">Pool rules</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        A pool is an accelerator family: the capacity of its blocks that no workload holds. Its cost is shared on the{" "}
        <Link href="/allocation" className="text-brand-700 underline dark:text-brand-300">
          Showback
        </Link>{" "}
        page by the rule chosen here — proportional to the accelerator-hours each team holds in the family (the default), even across those
        teams, or kept on one team such as a platform team — and always shown in its own Shared column. Every change is in the audit log.
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {pools.map((p) => (
          <li key={p.family} className="space-y-2 px-4 py-3">
            <h2 className="font-medium">
              {p.family}
              {p.updatedAt ? (
                <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-400">
                  set {p.updatedAt.toISOString().slice(0, 10)}
                  {p.updatedBy ? ` by ${p.updatedBy}` : ""}
                </span>
              ) : null}
            </h2>
            <PoolRuleForm family={p.family} kind={p.kind} teamId={p.teamId} teams={teams} action={setPoolRuleAction} />
          </li>
        ))}
      </ul>
    </div>
  );
}
