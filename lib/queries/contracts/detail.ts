import { asc, eq } from "drizzle-orm";
import { acceleratorTypes, contracts, providers, reservations, sites } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type Ctx } from "@/lib/auth/context";

/** One contract with its provider and the reservations linked to it (archived ones included, marked). */
export async function getContractDetail(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [[row], linked] = await Promise.all([
    ctx.db
      .select({ contract: contracts, providerName: providers.name })
      .from(contracts)
      .innerJoin(providers, eq(providers.id, contracts.providerId))
      .where(eq(contracts.id, id)),
    ctx.db
      .select({
        id: reservations.id,
        name: reservations.name,
        siteName: sites.name,
        typeName: acceleratorTypes.name,
        family: acceleratorTypes.family,
        quantity: reservations.quantity,
        startAt: reservations.startAt,
        endAt: reservations.endAt,
        pricingModel: reservations.pricingModel,
        rate: reservations.rate,
        currency: reservations.currency,
        status: reservations.status,
        archivedAt: reservations.archivedAt,
      })
      .from(reservations)
      .innerJoin(sites, eq(sites.id, reservations.siteId))
      .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
      .where(eq(reservations.contractId, id))
      .orderBy(asc(reservations.startAt), asc(reservations.name)),
  ]);
  if (!row) throw new NotFoundError("This contract does not exist.");
  return { ...row.contract, providerName: row.providerName, reservations: linked };
}

export type ContractDetail = Awaited<ReturnType<typeof getContractDetail>>;
