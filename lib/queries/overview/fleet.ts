import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { addUtcDays, parseUtc } from "@/lib/metrics/calendar";
import { dec, sumDec, type Dec } from "@/lib/metrics/decimal";
import { expiringWithin } from "@/lib/metrics/expiring";
import { h100Equivalents } from "@/lib/metrics/h100e";
import { isoTs, tsParam } from "./sql";

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

type FamilyRow = { family: string; factor: string; accelerators: number };

function byFamily(rows: FamilyRow[]): FamilyCount[] {
  const families = new Map<string, FamilyCount>();
  for (const r of rows) {
    const f = families.get(r.family) ?? { family: r.family, accelerators: 0, h100e: dec(0) };
    f.accelerators += r.accelerators;
    f.h100e = f.h100e.plus(h100Equivalents(r.accelerators, r.factor));
    families.set(r.family, f);
  }
  return [...families.values()].sort((a, b) => b.h100e.comparedTo(a.h100e) || a.family.localeCompare(b.family));
}

function totals(families: FamilyCount[]) {
  return {
    accelerators: families.reduce((n, f) => n + f.accelerators, 0),
    h100e: sumDec(families.map((f) => f.h100e)),
  };
}

/** Accelerators in service at t (isInServiceAt: status active, t ∈ [start, end)), by family. */
export async function loadFleet(db: Executor, at: Date): Promise<FleetSection> {
  const rows = await queryRows<FamilyRow>(
    db,
    sql`select t.family, t.h100_equivalent::text as factor, sum(r.quantity)::int as accelerators
        from reservations r join accelerator_types t on t.id = r.accelerator_type_id
        where r.archived_at is null and r.status = 'active' and r.start_at <= ${tsParam(at)} and r.end_at > ${tsParam(at)}
        group by t.family, t.h100_equivalent`,
  );
  const families = byFamily(rows);
  return { at, ...totals(families), byFamily: families };
}

export const EXPIRING_DAYS = 90;
const TOP = 10;

/** Blocks not yet expired whose end falls in (asOf, asOf + 90 days]. */
export async function loadExpiring(db: Executor, asOf: Date, days = EXPIRING_DAYS): Promise<ExpiringSection> {
  const until = addUtcDays(asOf, days);
  const rows = await queryRows<{
    id: string;
    name: string;
    provider: string;
    site: string;
    accelerator_type: string;
    family: string;
    factor: string;
    quantity: number;
    end_at: string;
  }>(
    db,
    sql`select r.id, r.name, p.name as provider, s.name as site, t.name as accelerator_type, t.family,
               t.h100_equivalent::text as factor, r.quantity, ${isoTs("r.end_at")} as end_at
        from reservations r
        join providers p on p.id = r.provider_id
        join sites s on s.id = r.site_id
        join accelerator_types t on t.id = r.accelerator_type_id
        where r.archived_at is null and r.status <> 'expired'
          and r.end_at > ${tsParam(asOf)} and r.end_at <= ${tsParam(until)}`,
  );
  const expiring = expiringWithin(
    rows.map((r) => ({
      id: r.id,
      name: r.name,
      provider: r.provider,
      site: r.site,
      acceleratorType: r.accelerator_type,
      family: r.family,
      quantity: r.quantity,
      factor: r.factor,
      h100e: h100Equivalents(r.quantity, r.factor),
      endAt: parseUtc(r.end_at),
    })),
    asOf,
    days,
  );
  const families = byFamily(expiring.map((r) => ({ family: r.family, factor: r.factor, accelerators: r.quantity })));
  const top = [...expiring]
    .sort((a, b) => b.quantity - a.quantity || a.endAt.getTime() - b.endAt.getTime() || a.name.localeCompare(b.name))
    .slice(0, TOP)
    .map(({ factor: _factor, ...r }) => r);
  return { days, until, count: expiring.length, ...totals(families), byFamily: families, top };
}
