import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { MapPermissionHint } from "@/components/matching/map-permission-hint";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { describeContractMapping, listContractMappings } from "@/lib/queries/costs/contract-mappings";

export const metadata: Metadata = { title: "Contract mappings" };
export const dynamic = "force-dynamic";

const LINK = "text-brand-700 underline dark:text-brand-300";

export default async function ContractMappingsPage() {
  const ctx = await requireCtx();
  const rows = await listContractMappings(ctx);
  const canMap = can(ctx.actor.role, "billing.map");
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/costs/unmatched" className={LINK}>
          Unmatched charges
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Contract mappings</h1>
        {canMap ? (
          <Link
            href="/costs/mappings/new"
            className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            <Plus aria-hidden className="size-4" /> New contract mapping
          </Link>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Rules that count a provider&apos;s charges (storage, egress, support…) toward a contract when no CommitmentDiscountId,
        ContractApplied, tag or reservation ties them. The most specific rule wins; charges mapped here count in the contract&apos;s
        consumed.
      </p>
      {canMap ? null : <MapPermissionHint role={ctx.actor.role} />}
      <ScrollRegion
        label="Contract mappings"
        className="mt-4 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Contract mappings</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Provider
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Charges with
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Contract
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Charges tied
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600 dark:text-slate-400">
                  No contract mappings yet.
                </td>
              </tr>
            ) : null}
            {rows.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2">{m.providerName}</td>
                <td className="px-3 py-2">
                  <Link href={`/costs/mappings/${m.id}`} className={LINK}>
                    {describeContractMapping(m)}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <Link href={`/contracts/${m.contractId}`} className={LINK}>
                    {m.contractName}
                  </Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{m.charges.toLocaleString("en-US")}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={m.archivedAt ? "archived" : "active"} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
