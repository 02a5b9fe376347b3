import { and, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, providers, reservations, scenarios, sites } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import type { ScenarioOverrides } from "@/lib/planning/overrides";

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((id): id is string => id !== undefined))];

// Rules that need the database: the name is unique, and everything the overrides name exists (an added block's
// site belongs to its provider, as in the reservation register; newly named catalog rows are not archived).
export async function checkScenarioRules(
  tx: Executor,
  data: { name: string; overrides: ScenarioOverrides },
  existingId?: string,
): Promise<void> {
  const [clash] = await tx
    .select({ id: scenarios.id })
    .from(scenarios)
    .where(and(eq(scenarios.name, data.name), existingId ? ne(scenarios.id, existingId) : undefined));
  if (clash) refuse("name", `A scenario named ${data.name} already exists.`);

  const o = data.overrides;
  const added = o.addReservations ?? [];
  const providerIds = unique([...added.map((r) => r.providerId), ...(o.priceChangePct ?? []).map((p) => p.providerId)]);
  const siteIds = unique([...added.map((r) => r.siteId), ...Object.keys(o.pueBySite ?? {})]);
  const typeIds = unique(added.map((r) => r.acceleratorTypeId));
  const reservationIds = unique([...(o.removeReservationIds ?? []), ...(o.delaySlips ?? []).map((s) => s.reservationId)]);
  const [providerRows, siteRows, typeRows, reservationRows] = await Promise.all([
    providerIds.length
      ? tx.select({ id: providers.id, archivedAt: providers.archivedAt }).from(providers).where(inArray(providers.id, providerIds))
      : [],
    siteIds.length
      ? tx
          .select({ id: sites.id, name: sites.name, providerId: sites.providerId, archivedAt: sites.archivedAt })
          .from(sites)
          .where(inArray(sites.id, siteIds))
      : [],
    typeIds.length
      ? tx
          .select({ id: acceleratorTypes.id, archivedAt: acceleratorTypes.archivedAt })
          .from(acceleratorTypes)
          .where(inArray(acceleratorTypes.id, typeIds))
      : [],
    reservationIds.length
      ? tx
          .select({ id: reservations.id, archivedAt: reservations.archivedAt })
          .from(reservations)
          .where(inArray(reservations.id, reservationIds))
      : [],
  ]);
  const providerById = new Map(providerRows.map((p) => [p.id, p]));
  const siteById = new Map(siteRows.map((s) => [s.id, s]));
  const typeById = new Map(typeRows.map((t) => [t.id, t]));
  const reservationById = new Map(reservationRows.map((r) => [r.id, r]));

  added.forEach((r, i) => {
    const at = `overrides.addReservations.${i}`;
    const provider = providerById.get(r.providerId);
    if (!provider || provider.archivedAt)
      refuse(`${at}.providerId`, `Added reservation ${i + 1}: choose a provider that exists and is not archived.`);
    const site = siteById.get(r.siteId);
    if (!site || site.archivedAt) refuse(`${at}.siteId`, `Added reservation ${i + 1}: choose a site that exists and is not archived.`);
    if (site.providerId !== r.providerId) refuse(`${at}.siteId`, `Added reservation ${i + 1}: ${site.name} belongs to another provider.`);
    const type = typeById.get(r.acceleratorTypeId);
    if (!type || type.archivedAt)
      refuse(`${at}.acceleratorTypeId`, `Added reservation ${i + 1}: choose an accelerator type that exists and is not archived.`);
  });
  (o.priceChangePct ?? []).forEach((p, i) => {
    if (p.providerId && !providerById.has(p.providerId))
      refuse(`overrides.priceChangePct.${i}.providerId`, `Price change ${i + 1}: this provider does not exist.`);
  });
  for (const id of Object.keys(o.pueBySite ?? {})) {
    if (!siteById.has(id)) refuse(`overrides.pueBySite`, "A PUE change names a site that does not exist.");
  }
  (o.removeReservationIds ?? []).forEach((id, i) => {
    const r = reservationById.get(id);
    if (!r || r.archivedAt)
      refuse(`overrides.removeReservationIds.${i}`, `Removed reservation ${i + 1}: choose a reservation that exists and is not archived.`);
  });
  (o.delaySlips ?? []).forEach((s, i) => {
    const r = reservationById.get(s.reservationId);
    if (!r || r.archivedAt)
      refuse(`overrides.delaySlips.${i}.reservationId`, `Delivery slip ${i + 1}: choose a reservation that exists and is not archived.`);
    if (o.removeReservationIds?.includes(s.reservationId)) {
      refuse(
        `overrides.delaySlips.${i}.reservationId`,
        `Delivery slip ${i + 1}: this reservation is also removed; slip it or remove it, not both.`,
      );
    }
  });
}
