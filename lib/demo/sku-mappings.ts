import type { Executor } from "@/lib/db/client";
import { skuMappings } from "@/lib/db/schema";
import type { CatalogIds, Family, ProviderKey } from "./catalog";
import { SEED_ACTOR } from "./constants";

// Instance SKUs as the providers bill them, each a whole server of N accelerators per instance-hour.
export const SKU_MAPPINGS: readonly { provider: ProviderKey; skuId: string; family: Family; perUnit: string }[] = [
  { provider: "aws", skuId: "p5.48xlarge", family: "H100", perUnit: "8" },
  { provider: "aws", skuId: "p5e.48xlarge", family: "H200", perUnit: "8" },
  { provider: "aws", skuId: "trn2.48xlarge", family: "Trainium2", perUnit: "16" },
  { provider: "azure", skuId: "Standard_ND96isr_H100_v5", family: "H100", perUnit: "8" },
  { provider: "azure", skuId: "Standard_ND96isr_MI300X_v5", family: "MI300X", perUnit: "8" },
  { provider: "gcp", skuId: "a3-highgpu-8g", family: "H100", perUnit: "8" },
  { provider: "oci", skuId: "BM.GPU.H100.8", family: "H100", perUnit: "8" },
  { provider: "oci", skuId: "BM.GPU.GB200.4", family: "GB200", perUnit: "4" },
];

export async function insertSkuMappings(tx: Executor, catalog: CatalogIds): Promise<number> {
  await tx.insert(skuMappings).values(
    SKU_MAPPINGS.map((m) => ({
      providerId: catalog.providers.get(m.provider)!,
      skuId: m.skuId,
      acceleratorTypeId: catalog.accelerators.get(m.family)!,
      acceleratorsPerUnit: m.perUnit,
      updatedBy: SEED_ACTOR,
    })),
  );
  return SKU_MAPPINGS.length;
}
