import type { Executor } from "@/lib/db/client";
import { allocationRules } from "@/lib/db/schema";
import type { CatalogIds, ProviderKey } from "./catalog";
import { SEED_ACTOR } from "./constants";

type RuleSeed = {
  provider?: ProviderKey;
  serviceName?: string;
  resourceIdPrefix?: string;
  tag?: [string, string];
  workload: string;
  notes: string;
};

// The demo's allocation rules, in order (first match wins): they give the storage and network charges the demo bills
// (lib/demo/billing.ts: no block, tagged team=platform) to workloads, so the showback has direct costs.
export const ALLOCATION_RULES: readonly RuleSeed[] = [
  {
    provider: "aws",
    serviceName: "Object storage",
    workload: "Frontier pre-training",
    notes: "Checkpoints of the pre-training runs live in AWS object storage.",
  },
  {
    serviceName: "Data transfer",
    resourceIdPrefix: "gcp:",
    workload: "Chat inference",
    notes: "Chat serves from Google Cloud: its egress is inference traffic.",
  },
  { serviceName: "Object storage", workload: "Post-training and fine-tunes", notes: "Datasets and fine-tune checkpoints." },
  { tag: ["team", "platform"], workload: "Cluster platform and evals", notes: "Everything else the platform team tags." },
];

/** Inserts the demo allocation rules (before the billing loads, so the import applies them); returns how many. */
export async function insertAllocationRules(tx: Executor, catalog: CatalogIds, workloadIds: ReadonlyMap<string, string>): Promise<number> {
  await tx.insert(allocationRules).values(
    ALLOCATION_RULES.map((r, i) => ({
      position: i + 1,
      providerId: r.provider ? catalog.providers.get(r.provider)! : null,
      serviceName: r.serviceName ?? null,
      resourceIdPrefix: r.resourceIdPrefix ?? null,
      tagKey: r.tag?.[0] ?? null,
      tagValue: r.tag?.[1] ?? null,
      workloadId: workloadIds.get(r.workload)!,
      notes: r.notes,
      updatedBy: SEED_ACTOR,
    })),
  );
  return ALLOCATION_RULES.length;
}
