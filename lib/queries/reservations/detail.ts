import { aliasedTable, asc, eq } from "drizzle-orm";
import { acceleratorTypes, contracts, providers, reservations, sites, utilizationMonthly } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import { idleCost, utilization } from "@/lib/metrics/utilization";
import { requirePermission, type Ctx } from "@/lib/auth/context";

const linkedContract = aliasedTable(contracts, "linked_contract");

export type UsageMonth = { month: string; usedAh: Dec; capacityAh: Dec; utilization: Dec | null; idleCost: Dec };

/**
 * One reservation with its names, contract and monthly utilization from utilization_monthly. A month's capacity
 * is quantity × the hours the block reported that month, so a block that reports part of a month is measured
 * on those hours; idle cost = (capacity − used) × rate for reserved blocks.
 */
export async function getReservationDetail(ctx: Ctx, id: string) {
  requirePermission(ctx, "app.read");
  const [[row], usage] = await Promise.all([
    ctx.db
      .select({
        reservation: reservations,
        providerName: providers.name,
        siteName: sites.name,
        typeName: acceleratorTypes.name,
        family: acceleratorTypes.family,
        contractName: linkedContract.name,
        contractStartDate: linkedContract.startDate,
        contractEndDate: linkedContract.endDate,
      })
      .from(reservations)
      .innerJoin(providers, eq(providers.id, reservations.providerId))
      .innerJoin(sites, eq(sites.id, reservations.siteId))
      .innerJoin(acceleratorTypes, eq(acceleratorTypes.id, reservations.acceleratorTypeId))
      .leftJoin(linkedContract, eq(linkedContract.id, reservations.contractId))
      .where(eq(reservations.id, id)),
    ctx.db
      .select({ month: utilizationMonthly.month, usedAh: utilizationMonthly.usedAh, hoursReported: utilizationMonthly.hoursReported })
      .from(utilizationMonthly)
      .where(eq(utilizationMonthly.reservationId, id))
      .orderBy(asc(utilizationMonthly.month)),
  ]);
  if (!row) throw new NotFoundError("This reservation does not exist.");
  const r = row.reservation;
  const months: UsageMonth[] = usage.map((u) => {
    const capacityAh = dec(u.hoursReported).times(r.quantity);
    return {
      month: u.month,
      usedAh: dec(u.usedAh),
      capacityAh,
      utilization: utilization(u.usedAh, capacityAh),
      idleCost: idleCost({ pricingModel: r.pricingModel, rate: r.rate, capacityAh, usedAh: u.usedAh }),
    };
  });
  const usedAh = sumDec(months.map((m) => m.usedAh));
  const capacityAh = sumDec(months.map((m) => m.capacityAh));
  return {
    ...r,
    providerName: row.providerName,
    siteName: row.siteName,
    typeName: row.typeName,
    family: row.family,
    contract: r.contractId
      ? { id: r.contractId, name: row.contractName!, startDate: row.contractStartDate!, endDate: row.contractEndDate! }
      : null,
    usage: months.length
      ? { months, usedAh, capacityAh, utilization: utilization(usedAh, capacityAh), idleCost: sumDec(months.map((m) => m.idleCost)) }
      : null,
  };
}

export type ReservationDetail = Awaited<ReturnType<typeof getReservationDetail>>;
