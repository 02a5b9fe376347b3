import { PRICING_MODELS } from "@/lib/enums";
import { z } from "zod";
import { dec, type Dec, type DecimalValue } from "@/lib/metrics/decimal";
import { numberInput } from "@/lib/validation/fields";

// A scenario is a named set of overrides on the baseline registers (scenarios.overrides, jsonb). They are applied in
// memory by applyScenario(); a scenario never writes to the registers.

// Stored decimals are strings; plain numbers (older rows, hand-written JSON) are accepted and kept exact as text.
function decimalText(label: string, min: number, max: number) {
  return z.preprocess(
    (v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `${label} must be a number.` })
      .regex(/^-?\d{1,12}(\.\d{1,10})?$/, { message: `${label} must be a number such as 12.5.`, abort: true })
      .refine((v) => dec(v).greaterThanOrEqualTo(min) && dec(v).lessThanOrEqualTo(max), `${label} must be between ${min} and ${max}.`)
      .transform((v) => dec(v).toString()),
  );
}

const uuid = (label: string) => z.string({ error: `Choose a ${label}.` }).uuid(`Choose a ${label}.`);

// YYYY-MM-DD (midnight UTC) or a full ISO timestamp; kept as given.
const instant = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(v) && !Number.isNaN(toInstant(v).getTime()),
      `${label} must be a date.`,
    );

export function toInstant(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

export const addedReservationSchema = z
  .object({
    name: z.string({ error: "Name is required." }).trim().min(1, "Name is required.").max(200, "Name is at most 200 characters."),
    providerId: uuid("provider"),
    siteId: uuid("site"),
    acceleratorTypeId: uuid("accelerator type"),
    quantity: z.preprocess(
      numberInput("quantity"),
      z.coerce
        .number({ error: "Quantity must be a whole number." })
        .int("Quantity must be a whole number.")
        .min(1, "Quantity must be at least 1.")
        .max(10_000_000, "Quantity is at most 10,000,000."),
    ),
    startAt: instant("Start"),
    endAt: instant("End"),
    pricingModel: z.enum(PRICING_MODELS, { error: "Choose reserved, on-demand or spot." }),
    rate: decimalText("Rate", 0, 1_000_000),
  })
  .strict()
  .refine((r) => toInstant(r.endAt) > toInstant(r.startAt), { message: "End must be after start.", path: ["endAt"] });

export const priceChangeSchema = z
  .object({
    providerId: uuid("provider").optional(),
    family: z.string().trim().min(1).max(100).optional(),
    pct: decimalText("Price change", -100, 1000),
  })
  .strict()
  .refine((p) => p.providerId !== undefined || p.family !== undefined, {
    message: "A price change names a provider, a family or both.",
    path: ["providerId"],
  });

export const delaySlipSchema = z
  .object({
    reservationId: uuid("reservation"),
    months: z.coerce
      .number({ error: "Months must be a whole number." })
      .int("Months must be a whole number.")
      .min(1, "A slip is at least 1 month.")
      .max(60, "A slip is at most 60 months."),
  })
  .strict();

export const scenarioOverridesSchema = z
  .object({
    demandGrowthPct: decimalText("Demand growth", -100, 1000).optional(),
    addReservations: z.array(addedReservationSchema).max(200).optional(),
    removeReservationIds: z.array(uuid("reservation")).max(10_000).optional(),
    pueBySite: z.record(uuid("site"), decimalText("PUE", 1, 3)).optional(),
    priceChangePct: z.array(priceChangeSchema).max(100).optional(),
    delaySlips: z.array(delaySlipSchema).max(1000).optional(),
  })
  .strict()
  .refine((o) => new Set(o.delaySlips?.map((s) => s.reservationId)).size === (o.delaySlips?.length ?? 0), {
    message: "Each reservation slips at most once.",
    path: ["delaySlips"],
  });

export type ScenarioOverrides = z.output<typeof scenarioOverridesSchema>;

/** value × (1 + pct ÷ 100): a scenario's price change applied to a rate. */
export function applyPct(value: DecimalValue, pct: DecimalValue): Dec {
  return dec(value).times(dec(pct).div(100).plus(1));
}

/** Removes empty parts so stored overrides stay small and comparable. */
export function compactOverrides(o: ScenarioOverrides): ScenarioOverrides {
  const out: ScenarioOverrides = {};
  if (o.demandGrowthPct !== undefined && !dec(o.demandGrowthPct).isZero()) out.demandGrowthPct = o.demandGrowthPct;
  if (o.addReservations?.length) out.addReservations = o.addReservations;
  if (o.removeReservationIds?.length) out.removeReservationIds = [...new Set(o.removeReservationIds)];
  if (o.pueBySite && Object.keys(o.pueBySite).length) out.pueBySite = o.pueBySite;
  if (o.priceChangePct?.length) out.priceChangePct = o.priceChangePct;
  if (o.delaySlips?.length) out.delaySlips = o.delaySlips;
  return out;
}
