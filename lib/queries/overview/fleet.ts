import { addUtcDays } from "@/lib/metrics/calendar";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import { EXPIRING_DAYS, expiringWithin } from "@/lib/metrics/expiring";
import { h100Equivalents } from "@/lib/metrics/h100e";
import { contains } from "@/lib/metrics/period";
import type { PlanningBlock } from "@/lib/planning/model";

export type FamilyCount = { family: string; accelerators: number; h100e: Dec };
export type FleetSection = { at: Date; accelerators: number; h100e: Dec; byFamily: FamilyCount[] };

export type ExpiringReservation = {
  id: string;
  name: string;
  provider: string;
  site: string;
  acceleratorType: string;
  family: string;
  quantity: number;
  h100e: Dec;
  endAt: Date;
  /** A block that exists only in the scenario shown. */
  added: boolean;
};
export type ExpiringSection = {
  days: number;
  until: Date;
  count: number;
  accelerators: number;
  h100e: Dec;
  byFamily: FamilyCount[];
  top: ExpiringReservation[];
};

type FleetBlock = Pick<PlanningBlock, "family" | "quantity" | "h100eFactor">;

function byFamily(blocks: readonly FleetBlock[]): FamilyCount[] {
  const families = new Map<string, FamilyCount>();
  for (const b of blocks) {
    const f = families.get(b.family) ?? { family: b.family, accelerators: 0, h100e: dec(0) };
    f.accelerators += b.quantity;
    f.h100e = f.h100e.plus(h100Equivalents(b.quantity, b.h100eFactor));
    families.set(b.family, f);
  }
  return [...families.values()].sort((a, b) => b.h100e.comparedTo(a.h100e) || a.family.localeCompare(b.family));
}

function totals(families: FamilyCount[]) {
  return {
    accelerators: families.reduce((n, f) => n + f.accelerators, 0),
    h100e: sumDec(families.map((f) => f.h100e)),
  };
}

/** Accelerators in service at t, by family: the planning model's blocks whose [start, end) holds t — what /capacity and /concentration count. */
export function fleetAt(blocks: readonly PlanningBlock[], at: Date): FleetSection {
  const families = byFamily(blocks.filter((b) => contains(b.startAt, b.endAt, at)));
  return { at, ...totals(families), byFamily: families };
}

const TOP = 10;

/** Blocks not marked expired whose end falls in (asOf, asOf + 90 days], the largest listed first. */
export function expiringFrom(blocks: readonly PlanningBlock[], asOf: Date, days = EXPIRING_DAYS): ExpiringSection {
  const expiring = expiringWithin(
    blocks.filter((b) => b.status !== "expired"),
    asOf,
    days,
  );
  const families = byFamily(expiring);
  const top = [...expiring]
    .sort((a, b) => b.quantity - a.quantity || a.endAt.getTime() - b.endAt.getTime() || a.name.localeCompare(b.name))
    .slice(0, TOP)
    .map((b) => ({
      id: b.id,
      name: b.name,
      provider: b.providerName,
      site: b.siteName,
      acceleratorType: b.typeName,
      family: b.family,
      quantity: b.quantity,
      h100e: h100Equivalents(b.quantity, b.h100eFactor),
      endAt: b.endAt,
      added: b.added ?? false,
    }));
  return { days, until: addUtcDays(asOf, days), count: expiring.length, ...totals(families), byFamily: families, top };
}
