import { ValidationError } from "@/lib/errors";
import { addUtcMonths, isoDay } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import { monthStart } from "@/lib/planning/procurement/hours";
import type { PlanBlock } from "@/lib/planning/procurement/types";

export type AddedReservation = NonNullable<ScenarioOverrides["addReservations"]>[number];

/** A scenario holds at most this many added reservations (scenarioOverridesSchema). */
export const MAX_ADDED_RESERVATIONS = 200;

/** Blocks of the same offer starting in the same month as one block (same term, so the same end), quantities summed. */
export function mergeBlocks(blocks: readonly PlanBlock[]): PlanBlock[] {
  const merged = new Map<string, PlanBlock>();
  for (const b of blocks) {
    const key = `${b.offerId}|${b.startMonth}|${b.endMonth}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...b });
      continue;
    }
    seen.quantity += b.quantity;
    seen.h100e += b.h100e;
    seen.committedCost = dec(seen.committedCost).plus(b.committedCost).toFixed();
    seen.costInHorizon = dec(seen.costInHorizon).plus(b.costInHorizon).toFixed();
  }
  return [...merged.values()];
}

/**
 * Each plan block as a scenario's added reservation: named by its offer and start month, from the first day of its
 * start month to the first day of the month after its last, at its rate per accelerator-hour. Refuses a block with no
 * site (a cloud region where the provider has no site of ours) or with no accelerator type.
 */
export function blocksAsReservations(blocks: readonly PlanBlock[]): AddedReservation[] {
  return blocks.map((b) => {
    if (b.siteId === null)
      throw new ValidationError(
        `The plan buys ${b.providerName} in ${b.region ?? "a cloud region"}, where ${b.providerName} has no site of ours: add a site for it under Sites first.`,
        { blocks: [`${b.providerName} ${b.region ?? ""}: no site.`] },
      );
    if (!b.acceleratorTypeId) throw new ValidationError(`The block "${b.label}" has no accelerator type.`);
    return {
      name: `${b.label} · ${b.startMonth}`.slice(0, 200),
      providerId: b.providerId,
      siteId: b.siteId,
      acceleratorTypeId: b.acceleratorTypeId,
      quantity: b.quantity,
      startAt: isoDay(monthStart(b.startMonth)),
      endAt: isoDay(addUtcMonths(monthStart(b.endMonth), 1)),
      // A build (owned) has no pricing model among a reservation's: it is saved as "reserved" for its term, at the
      // lease-vs-build rate the plan priced it at.
      pricingModel: b.pricingModel === "owned" ? "reserved" : b.pricingModel,
      // Scenario rates keep at most 10 decimals (a build's computed rate may carry more).
      rate: dec(b.ratePerHour).toDecimalPlaces(10).toFixed(),
    };
  });
}
