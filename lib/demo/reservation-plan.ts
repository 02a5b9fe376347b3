import type { Family, ProviderKey } from "./catalog";
import type { ReservationStatus } from "@/lib/metrics/capacity";
import type { PricingModel } from "@/lib/metrics/planned-cost";

// A planned demo reservation: what the reservations seed draws, and what contracts, power and utilization are planned from.

export type ReservationPlan = {
  name: string;
  provider: ProviderKey;
  site: string;
  family: Family;
  contractReference: string | null;
  quantity: number;
  startAt: Date;
  endAt: Date;
  pricingModel: PricingModel;
  rate: string;
  status: ReservationStatus;
  deliveryDate: string | null;
  capacityReservationId: string | null;
};
