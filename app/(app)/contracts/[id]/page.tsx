import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { BurndownSection } from "@/components/contracts/burndown-section";
import { CommitmentSection } from "@/components/contracts/commitment-section";
import { ComputedStatusBadge } from "@/components/contracts/computed-status";
import { LinkedReservations } from "@/components/contracts/linked-reservations";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatDay } from "@/lib/format/date";
import { formatMoneyExact } from "@/lib/format/number";
import { getCommitmentMetrics } from "@/lib/queries/contracts/commitments";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { entityHistory } from "@/lib/queries/lists/history";
import { getContractDetail } from "@/lib/queries/contracts/detail";
import { setContractArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Contract" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const asOf = new Date();
  const [contract, burndown, history, commitments] = await Promise.all([
    getContractDetail(ctx, id),
    getContractBurndown(ctx, id, asOf),
    entityHistory(ctx, "contract", id),
    getCommitmentMetrics(ctx, { contractId: id }),
  ]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const canWrite = can(ctx.actor.role, "contracts.write");
  return (
    <div className="mx-auto max-w-6xl">
      <p className="text-sm">
        <Link href="/contracts" className="text-brand-700 underline dark:text-brand-300">
          Contracts
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{contract.name}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            {contract.providerName} {contract.reference ? `· ${contract.reference}` : null}
            <StatusBadge status={contract.archivedAt ? "archived" : contract.status} />
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            Burn-down says
            <ComputedStatusBadge
              burndown={burndown}
              currency={contract.currency}
              recorded={contract.status}
              term={{ start: contract.startDate, end: contract.endDate }}
            />
          </p>
        </div>
        {canWrite ? (
          <div className="flex items-start gap-2">
            {!contract.archivedAt ? (
              <Link
                href={`/contracts/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton
              id={id}
              version={contract.version}
              archived={contract.archivedAt !== null}
              what="contract"
              action={setContractArchivedAction}
            />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Term", `${formatDay(contract.startDate)} → ${formatDay(contract.endDate)}`],
          ["Committed", formatMoneyExact(contract.committedAmount, contract.currency)],
          ["Discount", `${Number(contract.discountPct)} %`],
          ["Payment terms", contract.paymentTerms.replace("_", "-")],
          ["Currency", contract.currency],
          [
            "Last changed",
            `${formatDay(contract.updatedAt)}${contract.updatedBy ? ` by ${contract.updatedBy}` : ""} (version ${contract.version})`,
          ],
          ...(contract.notes ? ([["Notes", contract.notes]] as [string, string][]) : []),
        ]}
      />
      <BurndownSection burndown={burndown} asOf={asOf} />
      <CommitmentSection metrics={commitments} consumed={{ amount: burndown.consumed, currency: burndown.currency }} />
      <LinkedReservations
        rows={contract.reservations}
        addHref={can(ctx.actor.role, "reservations.write") && !contract.archivedAt ? `/reservations/new?contract=${id}` : undefined}
      />
      <EntityHistory entries={history} />
    </div>
  );
}
