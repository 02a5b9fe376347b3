import type { Metadata } from "next";
import Link from "next/link";
import { ContractMappingForm } from "@/components/matching/contract-mapping-form";
import { MapPermissionHint } from "@/components/matching/map-permission-hint";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { registerOptions } from "@/lib/queries/lists/options";
import { createContractMappingAction } from "../actions";

export const metadata: Metadata = { title: "New contract mapping" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

/** `?provider=&service=&sku=&region=` prefill the form (the "Map to a contract" links of the unmatched charges). */
export default async function NewContractMappingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const canMap = can(ctx.actor.role, "billing.map");
  const [raw, options] = await Promise.all([searchParams, registerOptions(ctx)]);
  const provider = options.providers.some((p) => p.value === one(raw.provider)) ? one(raw.provider) : "";
  // With the provider known, only its contracts are offered.
  const contracts = provider ? options.contracts.filter((c) => c.providerId === provider) : options.contracts;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/costs/unmatched" className="text-brand-700 underline dark:text-brand-300">
          Unmatched charges
        </Link>{" "}
        ·{" "}
        <Link href="/costs/mappings" className="text-brand-700 underline dark:text-brand-300">
          Contract mappings
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">New contract mapping</h1>
      {canMap ? (
        <ContractMappingForm
          action={createContractMappingAction}
          providers={options.providers}
          contracts={contracts.map((c) => ({ value: c.value, label: `${c.label} (${c.currency}, ${c.startDate} – ${c.endDate})` }))}
          values={{
            providerId: provider,
            serviceName: one(raw.service),
            skuId: one(raw.sku),
            regionId: one(raw.region),
            tagKey: "",
            tagValue: "",
            subAccountId: "",
            contractId: "",
          }}
        />
      ) : (
        <MapPermissionHint role={ctx.actor.role} />
      )}
    </div>
  );
}
