import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { contracts, providers, reservations } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { contractPeriodIssue, type CreateContractInput } from "./schemas";

export type ContractRow = typeof contracts.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

// Rules that need the database: the provider exists and is in use, the reference is unique per provider,
// and (for an edit) every linked reservation still fits the contract's provider, currency and term.
export async function checkContractRules(tx: Executor, data: CreateContractInput, existing?: ContractRow): Promise<void> {
  const period = contractPeriodIssue(data);
  if (period) refuse("endDate", period);
  const [provider] = await tx.select().from(providers).where(eq(providers.id, data.providerId));
  if (!provider) refuse("providerId", "This provider does not exist.");
  if (provider.archivedAt && provider.id !== existing?.providerId)
    refuse("providerId", `${provider.name} is archived; choose another provider.`);
  if (data.reference) {
    const [clash] = await tx
      .select({ id: contracts.id, name: contracts.name })
      .from(contracts)
      .where(
        and(
          eq(contracts.providerId, data.providerId),
          eq(contracts.reference, data.reference),
          existing ? ne(contracts.id, existing.id) : undefined,
        ),
      );
    if (clash) refuse("reference", `${provider.name} already has a contract with the reference ${data.reference} (${clash.name}).`);
  }
  if (existing) await checkLinkedReservations(tx, existing.id, data);
}

async function checkLinkedReservations(tx: Executor, contractId: string, data: CreateContractInput): Promise<void> {
  const linked = and(eq(reservations.contractId, contractId), isNull(reservations.archivedAt));
  const [otherProvider] = await tx
    .select({ name: reservations.name })
    .from(reservations)
    .where(and(linked, ne(reservations.providerId, data.providerId)))
    .limit(1);
  if (otherProvider) refuse("providerId", `Reservation ${otherProvider.name} under this contract is with another provider; move it first.`);
  const [otherCurrency] = await tx
    .select({ name: reservations.name, currency: reservations.currency })
    .from(reservations)
    .where(and(linked, ne(reservations.currency, data.currency)))
    .limit(1);
  if (otherCurrency) refuse("currency", `Reservation ${otherCurrency.name} under this contract is priced in ${otherCurrency.currency}.`);
  const start = new Date(`${data.startDate}T00:00:00Z`);
  const end = new Date(`${data.endDate}T00:00:00Z`);
  const outside = await tx
    .select({ name: reservations.name, startAt: reservations.startAt, endAt: reservations.endAt })
    .from(reservations)
    .where(and(linked, or(sql`${reservations.startAt} < ${start.toISOString()}`, sql`${reservations.endAt} > ${end.toISOString()}`)))
    .limit(3);
  if (outside.length > 0) {
    const names = outside.map((r) => r.name).join(", ");
    const message = `The new term would leave linked reservations outside it (${names}); change or move them first.`;
    throw new ValidationError(message, { startDate: [message], endDate: [message] });
  }
}
