import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, contracts, providers, reservations, sites } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { reservationPeriodIssue, type CreateReservationInput } from "./schemas";

export type ReservationRow = typeof reservations.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The contract-term rule: a linked block runs within [contract start, contract end) at UTC midnight. */
export function outsideContractTerm(r: { startAt: Date; endAt: Date }, c: { startDate: string; endDate: string }): boolean {
  return r.startAt < new Date(`${c.startDate}T00:00:00Z`) || r.endAt > new Date(`${c.endDate}T00:00:00Z`);
}

// Rules that need the database: referenced rows exist (and, when newly chosen, are not archived), the name
// is unique, and a linked contract has the same provider and currency and a term that holds the block.
export async function checkReservationRules(tx: Executor, data: CreateReservationInput, existing?: ReservationRow): Promise<void> {
  const period = reservationPeriodIssue(data);
  if (period) refuse("endAt", period);
  const [[provider], [site], [type]] = await Promise.all([
    tx.select().from(providers).where(eq(providers.id, data.providerId)),
    tx.select().from(sites).where(eq(sites.id, data.siteId)),
    tx.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, data.acceleratorTypeId)),
  ]);
  if (!provider) refuse("providerId", "This provider does not exist.");
  if (provider.archivedAt && provider.id !== existing?.providerId)
    refuse("providerId", `${provider.name} is archived; choose another provider.`);
  if (!site) refuse("siteId", "This site does not exist.");
  if (site.archivedAt && site.id !== existing?.siteId) refuse("siteId", `${site.name} is archived; choose another site.`);
  if (!type) refuse("acceleratorTypeId", "This accelerator type does not exist.");
  if (type.archivedAt && type.id !== existing?.acceleratorTypeId)
    refuse("acceleratorTypeId", `${type.name} is archived; choose another type.`);
  const [clash] = await tx
    .select({ id: reservations.id })
    .from(reservations)
    .where(and(eq(reservations.name, data.name), existing ? ne(reservations.id, existing.id) : undefined));
  if (clash) refuse("name", `A reservation named ${data.name} already exists.`);
  if (data.contractId) {
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, data.contractId));
    if (!contract) refuse("contractId", "This contract does not exist.");
    if (contract.archivedAt && contract.id !== existing?.contractId)
      refuse("contractId", `Contract ${contract.name} is archived; choose another.`);
    if (contract.providerId !== data.providerId) {
      refuse("contractId", `Contract ${contract.name} is with another provider; a reservation must be with its contract's provider.`);
    }
    if (contract.currency !== data.currency)
      refuse("currency", `Contract ${contract.name} is in ${contract.currency}; price the reservation in ${contract.currency}.`);
    if (outsideContractTerm(data, contract)) {
      const message = `The reservation must lie within its contract's term (${contract.startDate} to ${contract.endDate}); it runs ${day(data.startAt)} to ${day(data.endAt)}.`;
      throw new ValidationError(message, { startAt: [message], endAt: [message] });
    }
  }
}
