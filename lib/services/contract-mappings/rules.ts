import { and, eq, ne, sql, type AnyColumn } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { contractMappings, contracts, providers } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import type { CreateContractMappingInput } from "./schemas";

function invalid(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/** A rule names a live provider and a live contract of that provider, and no other rule has the same fields. */
export async function checkContractMapping(tx: Executor, m: CreateContractMappingInput, exceptId?: string): Promise<void> {
  const [[provider], [contract]] = await Promise.all([
    tx.select({ archivedAt: providers.archivedAt }).from(providers).where(eq(providers.id, m.providerId)),
    tx.select({ archivedAt: contracts.archivedAt, providerId: contracts.providerId }).from(contracts).where(eq(contracts.id, m.contractId)),
  ]);
  if (!provider) invalid("providerId", "This provider does not exist.");
  if (provider.archivedAt) invalid("providerId", "This provider is archived; choose a current one.");
  if (!contract) invalid("contractId", "This contract does not exist.");
  if (contract.archivedAt) invalid("contractId", "This contract is archived; choose a current one.");
  if (contract.providerId !== m.providerId) invalid("contractId", "This contract is with another provider; choose one of this provider's.");
  const same = (col: AnyColumn, v: string | null) => sql`coalesce(${col}, '') = ${v ?? ""}`;
  const [clash] = await tx
    .select({ archivedAt: contractMappings.archivedAt })
    .from(contractMappings)
    .where(
      and(
        eq(contractMappings.providerId, m.providerId),
        sql`coalesce(lower(${contractMappings.serviceName}), '') = ${m.serviceName?.toLowerCase() ?? ""}`,
        same(contractMappings.skuId, m.skuId),
        sql`coalesce(lower(${contractMappings.regionId}), '') = ${m.regionId?.toLowerCase() ?? ""}`,
        same(contractMappings.tagKey, m.tagKey),
        same(contractMappings.tagValue, m.tagValue),
        same(contractMappings.subAccountId, m.subAccountId),
        exceptId ? ne(contractMappings.id, exceptId) : undefined,
      ),
    );
  if (clash) {
    invalid(
      "serviceName",
      clash.archivedAt
        ? "An archived rule with exactly these fields exists for this provider; unarchive it instead."
        : "A rule with exactly these fields already exists for this provider.",
    );
  }
}
