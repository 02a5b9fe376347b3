import { Dec, type DecimalValue } from "./decimal";
import { facilityCapexShare, ownedPerUsefulAh } from "./lease-vs-build";

export type BuildInputs = {
  capexPerAccelerator: DecimalValue;
  /** Facility build cost per W of IT load. */
  facilityCapexPerW: DecimalValue;
  depreciationYears: DecimalValue;
  powerPerMwh: DecimalValue;
  opexPerAh: DecimalValue;
  /** Of the accelerator type. */
  systemW: DecimalValue;
  /** Of the site where it is built. */
  pue: DecimalValue;
};

/** Offer rates are stored with six decimal places, like reservation rates. */
export const RATE_SCALE = 6;

/**
 * The rate per accelerator-hour of a build (owned) offer, comparable with a reserved rate billed every hour of its term:
 * the lease-vs-build owned cost per useful AH at full use = (capex + facility $/W × system W) ÷ (years × 8,760)
 * + system W × PUE × $/MWh ÷ 10⁶ + opex, rounded half-up to six decimals.
 */
export function ownedOfferRate(i: BuildInputs): Dec {
  const owned = ownedPerUsefulAh(
    {
      capexPerAccelerator: i.capexPerAccelerator,
      facilityCapexPerAccelerator: facilityCapexShare(i.facilityCapexPerW, i.systemW),
      depreciationYears: i.depreciationYears,
      systemW: i.systemW,
      pue: i.pue,
      powerUsdPerMwh: i.powerPerMwh,
      opexPerAh: i.opexPerAh,
      // The leased side of the comparison plays no part in the owned cost.
      leasedRate: 0,
      leaseBilling: "reserved",
    },
    1,
  );
  return owned.toDecimalPlaces(RATE_SCALE, Dec.ROUND_HALF_UP);
}
