import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { MoveRuleButtons } from "@/components/allocation/move-rule-buttons";
import { StatusBadge } from "@/components/registers/status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format/number";
import { listAllocationRules, ruleConditions, type AllocationRuleRow } from "@/lib/queries/allocation/rules";
import { moveAllocationRuleAction } from "./actions";

export const metadata: Metadata = { title: "Allocation rules" };
export const dynamic = "force-dynamic";

const caughtCost = (r: AllocationRuleRow) => (r.cost.length === 0 ? "—" : r.cost.map((c) => formatMoney(c.amount, c.currency)).join(" · "));

export default async function AllocationRulesPage() {
  const ctx = await requireCtx();
  const rules = await listAllocationRules(ctx);
  const canEdit = can(ctx.actor.role, "allocation.write");
  const live = rules.filter((r) => r.archivedAt === null);
  const archived = rules.filter((r) => r.archivedAt !== null);
  const table = (rows: AllocationRuleRow[], label: string, ordered: boolean) => (
    <ScrollRegion label={label} className="mt-4 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-left text-sm" data-testid={ordered ? "allocation-rules" : "archived-allocation-rules"}>
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {ordered ? "#" : "Was #"}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Charges with
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Go to workload
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
              Charges caught
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
              Cost caught
            </th>
            {ordered && canEdit ? (
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Order
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                {ordered ? "No allocation rules yet: every charge not tied to a block is unallocated." : "No archived rules."}
              </td>
            </tr>
          ) : (
            rows.map((r, i) => (
              <tr key={r.id} className="border-t border-slate-100 first:border-t-0 dark:border-slate-800" data-testid="allocation-rule-row">
                <td className="px-3 py-2 tabular-nums">{r.position}</td>
                <td className="px-3 py-2">
                  <Link href={`/allocation/rules/${r.id}`} className="text-brand-700 underline dark:text-brand-300">
                    {ruleConditions(r).join(" and ")}
                  </Link>
                  {r.archivedAt ? (
                    <span className="ml-2">
                      <StatusBadge status="archived" />
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/allocation/workloads/${r.workloadId}`} className="hover:underline">
                    {r.workloadName}
                  </Link>{" "}
                  <span className="text-slate-600 dark:text-slate-400">({r.teamName})</span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{r.charges.toLocaleString("en-US")}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{caughtCost(r)}</td>
                {ordered && canEdit ? (
                  <td className="px-3 py-2">
                    <MoveRuleButtons
                      id={r.id}
                      version={r.version}
                      position={r.position}
                      first={i === 0}
                      last={i === rows.length - 1}
                      action={moveAllocationRuleAction}
                    />
                  </td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
  return (
    <div className="mx-auto max-w-6xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Allocation rules</h1>
        {canEdit ? (
          <Link
            href="/allocation/rules/new"
            className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            <Plus aria-hidden className="size-4" /> New rule
          </Link>
        ) : null}
      </div>
      <p className="mt-1 mb-2 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Which workload pays for the charges no capacity block takes — storage, network, on-demand services. Each rule names FOCUS fields of
        the charges (provider, service, SKU, region, sub-account, a tag <code>key=value</code>, a resource id prefix); a charge goes to the
        workload of the first rule, in this order, whose every field it matches, like virtual tags. A change applies to every past charge at
        once. Charges tied to a block follow the block&apos;s allocations instead.
      </p>
      {table(live, "Allocation rules in order", true)}
      {archived.length > 0 ? (
        <>
          <h2 className="mt-8 text-lg font-semibold">Archived</h2>
          {table(archived, "Archived allocation rules", false)}
        </>
      ) : null}
    </div>
  );
}
