import { OFFER_PRICING_MODELS, OFFER_SOURCES } from "@/lib/enums";
import { z } from "zod";
import {
  currencyField,
  dateField,
  decimalField,
  idField,
  numberInput,
  optionalDateField,
  optionalIdField,
  optionalTextField,
  versionField,
} from "@/lib/validation/fields";

function blankToNull(v: unknown): unknown {
  return v === undefined || (typeof v === "string" && v.trim() === "") ? null : v;
}

function wholeNumber(label: string, min: number, max: number) {
  return z.preprocess(
    numberInput(label),
    z.coerce
      .number({ message: `Enter ${label}.` })
      .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number.`)
      .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min.toLocaleString("en-US")}.`)
      .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} is at most ${max.toLocaleString("en-US")}.`),
  );
}

const optionalWholeNumber = (label: string, min: number, max: number) => z.preprocess(blankToNull, wholeNumber(label, min, max).nullable());
const optionalDecimal = (label: string, scale: number, max: string) =>
  z.preprocess(blankToNull, decimalField(label, scale, max).nullable());

export const BUILD_FIELDS = ["capexPerAccelerator", "facilityCapexPerW", "depreciationYears", "powerPerMwh", "opexPerAh"] as const;

// Field rules of an offer on resolved ids. An owned offer's rate is computed from its build inputs (lib/metrics/offer-rate.ts).
export const OfferFields = z.object({
  providerId: idField("a provider"),
  siteId: optionalIdField("a site"),
  region: optionalTextField("region", 100),
  acceleratorTypeId: idField("an accelerator type"),
  pricingModel: z.enum(OFFER_PRICING_MODELS, { message: "Pricing model must be reserved, on-demand, spot or owned." }),
  termMonths: optionalWholeNumber("the term in months", 1, 600),
  rate: optionalDecimal("the rate", 6, "99999999"),
  currency: currencyField,
  capexPerAccelerator: optionalDecimal("the capex per accelerator", 4, "100000000"),
  facilityCapexPerW: optionalDecimal("the facility capex per W", 4, "10000"),
  depreciationYears: optionalDecimal("the depreciation in years", 1, "30"),
  powerPerMwh: optionalDecimal("the power price per MWh", 2, "100000"),
  opexPerAh: optionalDecimal("the opex per accelerator-hour", 6, "10000"),
  minQuantity: wholeNumber("the minimum quantity", 1, 10_000_000),
  maxQuantity: optionalWholeNumber("the maximum quantity", 1, 10_000_000),
  step: wholeNumber("the step", 1, 10_000_000),
  leadTimeDays: wholeNumber("the lead time in days", 0, 3650),
  validFrom: dateField("a valid-from date"),
  validUntil: optionalDateField("a valid-until date"),
  source: z.enum(OFFER_SOURCES, { message: "Source must be quote, list or renewal." }),
  note: optionalTextField("note", 1000),
});
type OfferValues = z.infer<typeof OfferFields>;

/**
 * The rules between fields, as messages by field: where (a site, or a region with no site), a term for reserved and
 * owned offers only, a rate for leased offers, build inputs for owned offers only (at a site), quantities in whole steps,
 * a validity that ends after it starts. Empty when the offer is consistent.
 */
export function offerIssues(o: OfferValues): Record<string, string> {
  const issues: Record<string, string> = {};
  const owned = o.pricingModel === "owned";
  const termed = owned || o.pricingModel === "reserved";
  if (!o.siteId && !o.region) issues.region = "Choose a site, or enter the cloud region (a region with no power limit of ours).";
  if (owned && !o.siteId) issues.siteId = "A build (owned) offer is at one of our sites; choose it.";
  if (termed && o.termMonths === null) issues.termMonths = "Enter the term in months: a reserved or owned offer has one.";
  if (!termed && o.termMonths !== null) issues.termMonths = "On-demand and spot offers have no term; leave it blank.";
  if (!owned && o.rate === null) issues.rate = "Enter the rate per accelerator-hour.";
  for (const f of BUILD_FIELDS) {
    if (owned && o[f] === null)
      issues[f] = "A build (owned) offer needs every build input: capex, facility $/W, years, power price and opex.";
    if (!owned && o[f] !== null) issues[f] = "Build inputs are for owned offers only; leave them blank.";
  }
  if (owned && o.depreciationYears !== null && Number(o.depreciationYears) === 0)
    issues.depreciationYears = "Depreciation must be above 0 years.";
  if (o.minQuantity % o.step !== 0)
    issues.minQuantity = `The minimum quantity must be a whole number of steps of ${o.step.toLocaleString("en-US")}.`;
  if (o.maxQuantity !== null && o.maxQuantity < o.minQuantity) issues.maxQuantity = "The maximum quantity must be at least the minimum.";
  else if (o.maxQuantity !== null && o.maxQuantity % o.step !== 0)
    issues.maxQuantity = `The maximum quantity must be a whole number of steps of ${o.step.toLocaleString("en-US")}.`;
  if (o.validUntil !== null && o.validUntil <= o.validFrom) issues.validUntil = "The offer must end after it starts.";
  return issues;
}

export const CreateOfferInput = OfferFields.superRefine((o, ctx) => {
  for (const [field, message] of Object.entries(offerIssues(o))) ctx.addIssue({ code: "custom", path: [field], message });
});
export type CreateOfferInput = z.infer<typeof CreateOfferInput>;

export const UpdateOfferInput = z.object({
  id: idField("an offer"),
  version: versionField,
  changes: OfferFields.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateOfferInput = z.infer<typeof UpdateOfferInput>;

export const ArchiveOfferInput = z.object({ id: idField("an offer"), version: versionField });
export type ArchiveOfferInput = z.infer<typeof ArchiveOfferInput>;
