import { z } from "zod";
import type { Ctx } from "@/lib/auth/context";
import { PRICING_MODELS, RESERVATION_STATUSES } from "@/lib/enums";
import { ARCHIVED_FILTERS } from "@/lib/queries/lists/filters";
import { RESERVATION_LIST, reservationRows, type ReservationListRow } from "@/lib/queries/reservations";
import { DecimalString, Instant, instant } from "../json";
import { listPage, listQuery, nextCursorMeta } from "../list";
import { checkQuery } from "../query";

const id = (what: string) => z.uuid({ message: `must be the id (a UUID) of a ${what}.` }).optional();

export const ReservationsQuery = listQuery(
  RESERVATION_LIST,
  {
    provider: id("provider"),
    site: id("site"),
    family: z.string().trim().min(1, "must not be empty.").max(200, "must be at most 200 characters.").optional(),
    contract: id("contract").meta({ description: "Only the blocks linked to this contract." }),
    status: z.enum(RESERVATION_STATUSES, { message: `must be one of ${RESERVATION_STATUSES.join(", ")}.` }).optional(),
    archived: z.enum(ARCHIVED_FILTERS, { message: "must be only or all." }).optional().meta({
      description: "Archived blocks are left out unless only or all.",
    }),
  },
  "Name or capacity reservation id contains.",
);

const Reservation = z.object({
  id: z.string(),
  name: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  acceleratorTypeId: z.string(),
  typeName: z.string(),
  family: z.string(),
  contractId: z.string().nullable(),
  contractName: z.string().nullable(),
  quantity: z.number().int(),
  startAt: Instant,
  endAt: Instant,
  pricingModel: z.enum(PRICING_MODELS),
  rate: DecimalString.meta({ description: "Per accelerator-hour, in currency." }),
  currency: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  deliveryDate: z.string().nullable().meta({ description: "YYYY-MM-DD when the capacity arrives (or arrived) late." }),
  capacityReservationId: z.string().nullable(),
  archived: z.boolean(),
});

export const ReservationsResponse = z.object({ data: z.array(Reservation), next_cursor: z.string().nullable().meta(nextCursorMeta) });
export type ReservationJson = z.infer<typeof Reservation>;

export function reservationJson(r: ReservationListRow): ReservationJson {
  return {
    id: r.id,
    name: r.name,
    providerId: r.providerId,
    providerName: r.providerName,
    siteId: r.siteId,
    siteName: r.siteName,
    acceleratorTypeId: r.acceleratorTypeId,
    typeName: r.typeName,
    family: r.family,
    contractId: r.contractId,
    contractName: r.contractName,
    quantity: r.quantity,
    startAt: instant(r.startAt),
    endAt: instant(r.endAt),
    pricingModel: r.pricingModel,
    rate: r.rate,
    currency: r.currency,
    status: r.status,
    deliveryDate: r.deliveryDate,
    capacityReservationId: r.capacityReservationId,
    archived: r.archivedAt !== null,
  };
}

/** The reservation register: reservationRows, the page's rows (its filters and sorts). */
export async function readReservations(ctx: Ctx, url: URL): Promise<z.infer<typeof ReservationsResponse>> {
  const page = await listPage(RESERVATION_LIST, checkQuery(url, ReservationsQuery), (params, offset, limit) =>
    reservationRows(ctx, params, offset, limit),
  );
  return { data: page.data.map(reservationJson), next_cursor: page.next_cursor };
}
