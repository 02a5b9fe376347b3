import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, providers, skuMappings } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";

type Mapping = { providerId: string; skuId: string; regionId: string | null; acceleratorTypeId: string };

function invalid(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/** A mapping names a live provider and accelerator type, and is the only one for its provider, SKU and region. */
export async function checkSkuMapping(tx: Executor, m: Mapping, exceptId?: string): Promise<void> {
  const [[provider], [type]] = await Promise.all([
    tx.select({ archivedAt: providers.archivedAt }).from(providers).where(eq(providers.id, m.providerId)),
    tx.select({ archivedAt: acceleratorTypes.archivedAt }).from(acceleratorTypes).where(eq(acceleratorTypes.id, m.acceleratorTypeId)),
  ]);
  if (!provider) invalid("providerId", "This provider does not exist.");
  if (provider.archivedAt) invalid("providerId", "This provider is archived; choose a current one.");
  if (!type) invalid("acceleratorTypeId", "This accelerator type does not exist.");
  if (type.archivedAt) invalid("acceleratorTypeId", "This accelerator type is archived; choose a current one.");
  const [clash] = await tx
    .select({ archivedAt: skuMappings.archivedAt })
    .from(skuMappings)
    .where(
      and(
        eq(skuMappings.providerId, m.providerId),
        eq(skuMappings.skuId, m.skuId),
        sql`coalesce(${skuMappings.regionId}, '') = ${m.regionId ?? ""}`,
        exceptId ? ne(skuMappings.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    const where = m.regionId ? `in region ${m.regionId}` : "for all regions";
    invalid(
      "skuId",
      clash.archivedAt
        ? `An archived mapping of SKU ${m.skuId} ${where} exists for this provider; unarchive it instead.`
        : `SKU ${m.skuId} ${where} is already mapped for this provider.`,
    );
  }
}
