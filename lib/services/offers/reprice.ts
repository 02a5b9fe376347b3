import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { acceleratorTypes, offers, sites } from "@/lib/db/schema";
import type { Ctx } from "@/lib/auth/context";
import { ownedOfferRate } from "@/lib/metrics/offer-rate";
import { audit } from "../audit";

/**
 * Recomputes the rate of the build (owned) offers not archived at a site or of an accelerator type, inside the
 * caller's transaction, after the site's PUE or the type's system W changed: a build's rate follows from them.
 * Each changed offer gets a new version and an `offer.reprice` audit row. Returns how many changed.
 */
export async function repriceBuildOffers(
  tx: Executor,
  ctx: Ctx,
  where: { siteId: string } | { acceleratorTypeId: string },
): Promise<number> {
  const scope: SQL = "siteId" in where ? eq(offers.siteId, where.siteId) : eq(offers.acceleratorTypeId, where.acceleratorTypeId);
  const rows = await tx
    .select({ offer: offers, systemW: acceleratorTypes.systemW, pue: sites.pue })
    .from(offers)
    .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, offers.acceleratorTypeId))
    .innerJoin(sites, eq(sites.id, offers.siteId))
    .where(and(scope, eq(offers.pricingModel, "owned"), isNull(offers.archivedAt)))
    .for("update", { of: offers });
  let changed = 0;
  for (const { offer: before, systemW, pue } of rows) {
    const rate = ownedOfferRate({
      capexPerAccelerator: before.capexPerAccelerator!,
      facilityCapexPerW: before.facilityCapexPerW!,
      depreciationYears: before.depreciationYears!,
      powerPerMwh: before.powerPerMwh!,
      opexPerAh: before.opexPerAh!,
      systemW,
      pue,
    });
    if (rate.equals(before.rate)) continue;
    const [after] = await tx
      .update(offers)
      .set({ rate: rate.toFixed(), version: before.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.email })
      .where(eq(offers.id, before.id))
      .returning();
    await audit(tx, ctx, { action: "offer.reprice", entityType: "offer", entityId: before.id, before, after });
    changed++;
  }
  return changed;
}
