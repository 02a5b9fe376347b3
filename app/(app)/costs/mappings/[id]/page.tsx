import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { SavedNotice, wasSaved } from "@/components/ui/saved-notice";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { describeContractMapping, getContractMapping } from "@/lib/queries/costs/contract-mappings";
import { entityHistory } from "@/lib/queries/lists/history";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { setContractMappingArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Contract mapping" };
export const dynamic = "force-dynamic";

export default async function ContractMappingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const ctx = await requireCtx();
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const mapping = isUuid(id) ? await getContractMapping(ctx, id) : null;
  if (!mapping) notFound();
  const history = await entityHistory(ctx, "contract_mapping", id);
  const archived = mapping.archivedAt !== null;
  const charges = `${mapping.charges.toLocaleString("en-US")} ${mapping.charges === 1 ? "charge" : "charges"}`;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link href="/costs/mappings" className="text-brand-700 underline dark:text-brand-300">
          Contract mappings
        </Link>
      </p>
      <SavedNotice show={wasSaved(raw)}>
        Mapping saved. {charges} of {mapping.providerName} now count toward {mapping.contractName}.
      </SavedNotice>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          {describeContractMapping(mapping)} {archived ? <StatusBadge status="archived" /> : null}
        </h1>
        {can(ctx.actor.role, "billing.map") ? (
          <ArchiveButton
            id={mapping.id}
            version={mapping.version}
            archived={archived}
            what="contract mapping"
            action={setContractMappingArchivedAction}
          />
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {mapping.providerName} →{" "}
        <Link href={`/contracts/${mapping.contractId}`} className="text-brand-700 underline dark:text-brand-300">
          {mapping.contractName}
        </Link>{" "}
        · <span data-testid="mapping-charges">{charges} tied</span>
      </p>
      <EntityHistory entries={history} />
    </div>
  );
}
