import { readReservations } from "@/lib/api/endpoints/reservations";
import { apiRead } from "@/lib/api/read";

export const dynamic = "force-dynamic";

/** Reservations, cursor-paged (API key, any role): the register's rows, filters and sorts. */
export async function GET(request: Request) {
  return apiRead(request, "app.read", readReservations);
}
