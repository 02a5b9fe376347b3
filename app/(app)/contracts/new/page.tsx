import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContractForm } from "@/components/contracts/contract-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { registerOptions } from "@/lib/queries/lists/options";
import { createContractAction } from "../actions";

export const metadata: Metadata = { title: "New contract" };
export const dynamic = "force-dynamic";

export default async function NewContractPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "contracts.write")) notFound();
  const options = await registerOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New contract</h1>
      <ContractForm
        action={createContractAction}
        providers={options.providers}
        values={{
          providerId: "",
          name: "",
          reference: "",
          startDate: "",
          endDate: "",
          committedAmount: "",
          currency: "USD",
          discountPct: "0",
          paymentTerms: "monthly",
          status: "proposed",
          notes: "",
        }}
      />
    </div>
  );
}
