import type { MappedRow } from "./rows";

/** A charge's ties to the registers, as the matching rules give them (README, "Matching charges"). */
export type ChargeTies = {
  providerId: string | null;
  contractId: string | null;
  reservationId: string | null;
  acceleratorTypeId: string | null;
};

/** What the loader asks of the matching rules: one row's ties. */
export type ChargeTier = { tie(row: MappedRow): ChargeTies };
