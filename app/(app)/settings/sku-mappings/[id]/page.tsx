import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { SkuMappingForm } from "@/components/matching/sku-mapping-form";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { SavedNotice, wasSaved } from "@/components/ui/saved-notice";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDecimal } from "@/lib/format/number";
import { entityHistory } from "@/lib/queries/lists/history";
import { registerOptions } from "@/lib/queries/lists/options";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { isUuid } from "@/lib/db/uuid";
import { getSkuMapping } from "@/lib/queries/settings/sku-mappings";
import { setSkuMappingArchivedAction, updateSkuMappingAction } from "../actions";

export const metadata: Metadata = { title: "SKU mapping" };
export const dynamic = "force-dynamic";

export default async function SkuMappingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const ctx = await requireCtx();
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const mapping = isUuid(id) ? await getSkuMapping(ctx, id) : null;
  if (!mapping) notFound();
  const [history, options] = await Promise.all([entityHistory(ctx, "sku_mapping", id), registerOptions(ctx)]);
  const canEdit = can(ctx.actor.role, "billing.map");
  const archived = mapping.archivedAt !== null;
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link href="/settings/sku-mappings" className="text-brand-700 underline dark:text-brand-300">
          SKU mappings
        </Link>
      </p>
      <SavedNotice show={wasSaved(raw)}>
        Mapping saved. {mapping.charges.toLocaleString("en-US")} charges of {mapping.providerName} are now matched to{" "}
        {mapping.acceleratorTypeName}.
      </SavedNotice>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          {mapping.skuId} {archived ? <StatusBadge status="archived" /> : null}
        </h1>
        {canEdit ? (
          <ArchiveButton
            id={mapping.id}
            version={mapping.version}
            archived={archived}
            what="SKU mapping"
            action={setSkuMappingArchivedAction}
          />
        ) : null}
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {mapping.providerName} · {mapping.regionId ?? "all regions"} · {formatDecimal(mapping.acceleratorsPerUnit, 4)} ×{" "}
        {mapping.acceleratorTypeName} per unit ·{" "}
        <span data-testid="mapping-charges">{mapping.charges.toLocaleString("en-US")} charges matched</span>
      </p>
      {canEdit && !archived ? (
        <section
          aria-labelledby="edit-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit
          </h2>
          <SkuMappingForm
            key={mapping.version}
            action={updateSkuMappingAction}
            providers={withCurrent(options.providers, mapping.providerId, mapping.providerName)}
            types={withCurrent(options.types, mapping.acceleratorTypeId, mapping.acceleratorTypeName)}
            values={{
              providerId: mapping.providerId,
              skuId: mapping.skuId,
              regionId: mapping.regionId ?? "",
              acceleratorTypeId: mapping.acceleratorTypeId,
              acceleratorsPerUnit: mapping.acceleratorsPerUnit,
            }}
            edit={{ id: mapping.id, version: mapping.version }}
          />
        </section>
      ) : null}
      <EntityHistory entries={history} />
    </div>
  );
}

// An archived provider or type stays selectable on the mapping that already uses it.
function withCurrent(options: { value: string; label: string }[], value: string, label: string) {
  return options.some((o) => o.value === value) ? options : [...options, { value, label: `${label} (archived)` }];
}
