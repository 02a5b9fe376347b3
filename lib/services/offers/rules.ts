import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, offers, providers, sites } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { ownedOfferRate } from "@/lib/metrics/offer-rate";
import { offerIssues, type CreateOfferInput } from "./schemas";

export type OfferRow = typeof offers.$inferSelect;

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { [field]: [message] });
}

/**
 * Rules that need the database: the provider, site and type exist (and are not archived, unless the offer already had
 * them). Returns the values to store: an owned offer's rate computed from its build inputs, the type's system W and the
 * site's PUE.
 */
export async function checkOfferRules(
  tx: Executor,
  data: CreateOfferInput,
  existing?: OfferRow,
): Promise<CreateOfferInput & { rate: string }> {
  const issues = Object.entries(offerIssues(data));
  if (issues.length) {
    throw new ValidationError(`Please fix the highlighted fields (${issues[0]![1]})`, Object.fromEntries(issues.map(([f, m]) => [f, [m]])));
  }
  const [[provider], [site], [type]] = await Promise.all([
    tx.select().from(providers).where(eq(providers.id, data.providerId)),
    data.siteId ? tx.select().from(sites).where(eq(sites.id, data.siteId)) : Promise.resolve([]),
    tx.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, data.acceleratorTypeId)),
  ]);
  if (!provider) refuse("providerId", "This provider does not exist.");
  if (provider.archivedAt && provider.id !== existing?.providerId)
    refuse("providerId", `${provider.name} is archived; choose another provider.`);
  if (data.siteId && !site) refuse("siteId", "This site does not exist.");
  if (site?.archivedAt && site.id !== existing?.siteId) refuse("siteId", `${site.name} is archived; choose another site.`);
  if (!type) refuse("acceleratorTypeId", "This accelerator type does not exist.");
  if (type.archivedAt && type.id !== existing?.acceleratorTypeId)
    refuse("acceleratorTypeId", `${type.name} is archived; choose another type.`);
  if (data.pricingModel !== "owned") return { ...data, rate: data.rate! };
  const rate = ownedOfferRate({
    capexPerAccelerator: data.capexPerAccelerator!,
    facilityCapexPerW: data.facilityCapexPerW!,
    depreciationYears: data.depreciationYears!,
    powerPerMwh: data.powerPerMwh!,
    opexPerAh: data.opexPerAh!,
    systemW: type.systemW,
    pue: site!.pue,
  });
  return { ...data, rate: rate.toFixed() };
}
