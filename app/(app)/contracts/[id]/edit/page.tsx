import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContractForm } from "@/components/contracts/contract-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getContractDetail } from "@/lib/queries/contracts/detail";
import { registerOptions } from "@/lib/queries/lists/options";
import { updateContractAction } from "../../actions";

export const metadata: Metadata = { title: "Edit contract" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditContractPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!can(ctx.actor.role, "contracts.write") || !UUID.test(id)) notFound();
  const [contract, options] = await Promise.all([getContractDetail(ctx, id), registerOptions(ctx)]).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const providers = options.providers.some((p) => p.value === contract.providerId)
    ? options.providers
    : [...options.providers, { value: contract.providerId, label: contract.providerName }];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {contract.name}</h1>
      <ContractForm
        action={updateContractAction}
        providers={providers}
        edit={{ id, version: contract.version }}
        values={{
          providerId: contract.providerId,
          name: contract.name,
          reference: contract.reference ?? "",
          startDate: contract.startDate,
          endDate: contract.endDate,
          committedAmount: contract.committedAmount,
          currency: contract.currency,
          discountPct: contract.discountPct,
          paymentTerms: contract.paymentTerms,
          status: contract.status,
          notes: contract.notes ?? "",
        }}
      />
    </div>
  );
}
