import type { Metadata } from "next";
import Link from "next/link";
import { MapPermissionHint } from "@/components/matching/map-permission-hint";
import { SkuMappingForm } from "@/components/matching/sku-mapping-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { registerOptions } from "@/lib/queries/lists/options";
import { createSkuMappingAction } from "../actions";

export const metadata: Metadata = { title: "New SKU mapping" };
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";

/** `?provider=&sku=&region=` prefill the form (the "Map this SKU" links of the unmatched charges). */
export default async function NewSkuMappingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const [raw, options] = await Promise.all([searchParams, registerOptions(ctx)]);
  const provider = one(raw.provider);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/settings/sku-mappings" className="text-brand-700 underline dark:text-brand-300">
          SKU mappings
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">New SKU mapping</h1>
      {can(ctx.actor.role, "billing.map") ? (
        <SkuMappingForm
          action={createSkuMappingAction}
          providers={options.providers}
          types={options.types}
          values={{
            providerId: options.providers.some((p) => p.value === provider) ? provider : "",
            skuId: one(raw.sku),
            regionId: one(raw.region),
            acceleratorTypeId: "",
            acceleratorsPerUnit: "1",
          }}
        />
      ) : (
        <MapPermissionHint role={ctx.actor.role} />
      )}
    </div>
  );
}
