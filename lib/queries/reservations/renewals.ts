import { inBatches } from "@/lib/csv/response";
import { sql } from "drizzle-orm";
import type { CsvValue } from "@/lib/csv/write";
import { money, num } from "@/lib/csv/write";
import { queryRows } from "@/lib/db/rows";
import { addUtcMonths, startOfUtcDay } from "@/lib/metrics/calendar";
import { isoTs, tsParam } from "@/lib/db/sql";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import type { AllDayEvent } from "@/lib/csv/ical";
import { noticeDate } from "./notice";

export type Renewal = {
  kind: "contract" | "reservation";
  id: string;
  name: string;
  reference: string | null;
  provider: string;
  endAt: Date;
  noticeDate: Date;
  /** The notice date has passed (it is before asOf's UTC day): renewing on the usual terms may no longer be possible. */
  noticeOverdue: boolean;
  /** Contracts: the committed amount; null for reservations. */
  committedAmount: string | null;
  /** Reservations: the rate per accelerator-hour; null for contracts. */
  ratePerAh: string | null;
  currency: string;
  quantity: number | null;
};

export const RENEWALS_HEADER = [
  "kind",
  "name",
  "reference",
  "provider",
  "end_at",
  "notice_date",
  "notice_overdue",
  "committed_amount",
  "rate_per_ah",
  "currency",
  "quantity",
  "id",
] as const;

type RawRenewal = {
  kind: Renewal["kind"];
  id: string;
  name: string;
  reference: string | null;
  provider: string;
  end_at: string;
  amount: string;
  currency: string;
  quantity: number | null;
};

/** Contracts and reservations (not archived) whose term ends in (asOf, asOf + 12 months], soonest first. */
export async function renewalPage(ctx: Ctx, asOf: Date, noticeDays: number, offset: number, limit: number): Promise<Renewal[]> {
  requirePermission(ctx, "app.read");
  const from = tsParam(asOf);
  const to = tsParam(addUtcMonths(asOf, 12));
  const rows = await queryRows<RawRenewal>(
    ctx.db,
    sql`select * from (
          select 'contract' as kind, c.id::text as id, c.name, c.reference, p.name as provider,
                 ${isoTs("(c.end_date::timestamp at time zone 'UTC')")} as end_at, c.committed_amount::text as amount, c.currency, null::int as quantity
            from contracts c join providers p on p.id = c.provider_id
           where c.archived_at is null and (c.end_date::timestamp at time zone 'UTC') > ${from} and (c.end_date::timestamp at time zone 'UTC') <= ${to}
          union all
          select 'reservation', r.id::text, r.name, r.capacity_reservation_id, p.name, ${isoTs("r.end_at")}, r.rate::text, r.currency, r.quantity
            from reservations r join providers p on p.id = r.provider_id
           where r.archived_at is null and r.end_at > ${from} and r.end_at <= ${to}
        ) u order by end_at, kind, name, id limit ${limit} offset ${offset}`,
  );
  const today = startOfUtcDay(asOf);
  return rows.map((r) => {
    const endAt = new Date(r.end_at);
    const notice = noticeDate(endAt, noticeDays);
    return {
      kind: r.kind,
      id: r.id,
      name: r.name,
      reference: r.reference,
      provider: r.provider,
      endAt,
      noticeDate: notice,
      noticeOverdue: notice < today,
      committedAmount: r.kind === "contract" ? r.amount : null,
      ratePerAh: r.kind === "reservation" ? r.amount : null,
      currency: r.currency,
      quantity: r.quantity === null ? null : Number(r.quantity),
    };
  });
}

/** A renewal as CSV: the committed amount to the cent, the rate exact (README, "Exports"), each in its own column. */
export function renewalCsvRow(r: Renewal): CsvValue[] {
  return [
    r.kind,
    r.name,
    r.reference,
    r.provider,
    r.endAt,
    r.noticeDate,
    r.noticeOverdue ? "yes" : "no",
    money(r.committedAmount),
    num(r.ratePerAh),
    r.currency,
    r.quantity,
    r.id,
  ];
}

/** The calendar event of a renewal: on its notice date, naming what ends and when. */
export function renewalEvent(r: Renewal, stamp: Date): AllDayEvent {
  const what = r.kind === "contract" ? "Contract" : "Reservation";
  const end = r.endAt.toISOString().slice(0, 10);
  const terms =
    r.kind === "contract" ? `committed ${r.committedAmount} ${r.currency}` : `${r.quantity} accelerators at ${r.ratePerAh} ${r.currency}/h`;
  return {
    uid: `${r.kind}-${r.id}-renewal@headroom`,
    stamp,
    day: r.noticeDate,
    summary: `Renewal notice: ${what} ${r.name} ends ${end}`,
    description: `${what} ${r.name}${r.reference ? ` (${r.reference})` : ""} with ${r.provider} ends on ${end}; ${terms}. Decide by this date whether to renew.`,
  };
}

/** Every renewal in the next 12 months from asOf with `noticeDays` of notice, read page by page as the download pulls. */
export function renewalRows(ctx: Ctx, asOf: Date, noticeDays: number): AsyncGenerator<Renewal> {
  return inBatches((offset, limit) => renewalPage(ctx, asOf, noticeDays, offset, limit));
}
