import { z } from "zod";
import { dec } from "@/lib/metrics/decimal";

// Field types shared by the contract and reservation schemas (forms send strings, imports send strings,
// tests may send numbers or Dates; all end up in the shape the database column takes).

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

function blankToUndefined(v: unknown): unknown {
  return typeof v === "string" && v.trim() === "" ? undefined : v;
}

function blankToNull(v: unknown): unknown {
  return v === undefined || (typeof v === "string" && v.trim() === "") ? null : v;
}

// A number typed by hand may group its thousands with a comma or a (narrow, no-break) space, one separator throughout:
// "2,000", "2 000", "1,234,567.5". A comma anywhere else ("2,5", "1,23") could be a decimal comma, so it is refused.
const GROUPED_NUMBER = /^-?\d{1,3}([, \u00a0\u202f])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
const SEPARATOR_BETWEEN_DIGITS = /\d[, \u00a0\u202f]+\d/;

/**
 * Form input for a number: a string is trimmed and its thousands separators removed; a comma or space that does not
 * separate thousands is an issue naming the field. Anything that is not a string passes unchanged.
 */
export function numberInput(label: string) {
  return (v: unknown, ctx: z.RefinementCtx): unknown => {
    if (typeof v !== "string") return v;
    const s = v.trim();
    if (GROUPED_NUMBER.test(s)) return s.replace(/[, \u00a0\u202f]/g, "");
    if (s.includes(",") || SEPARATOR_BETWEEN_DIGITS.test(s))
      ctx.addIssue({
        code: "custom",
        message: `${cap(label)} must be a number: a comma or space may only separate thousands, as in 2,000; decimals take a point, as in 2.5.`,
      });
    return s;
  };
}

/** A non-negative decimal with at most `scale` decimal places, kept as a string (never a float). */
export function decimalField(label: string, scale: number, max?: string) {
  const input = numberInput(label);
  return z.preprocess(
    (v, ctx) => (typeof v === "number" ? String(v) : input(v, ctx)),
    z
      .string({ message: `Enter ${label}.` })
      .min(1, `Enter ${label}.`)
      .regex(/^-?\d+(\.\d+)?$/, { message: `${cap(label)} must be a number.`, abort: true })
      .refine((s) => !s.startsWith("-") || dec(s).isZero(), `${cap(label)} must be 0 or more.`)
      .refine((s) => (s.split(".")[1]?.length ?? 0) <= scale, `${cap(label)} has at most ${scale} decimal places.`)
      .refine((s) => max === undefined || dec(s).lte(max), `${cap(label)} must be at most ${max}.`)
      .transform((s) => dec(s).toFixed()),
  );
}

function cap(label: string): string {
  const s = label.replace(/^(a|an|the) /, "");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as `YYYY-MM-DD` (a Date is taken at its UTC day). */
export function dateField(label: string) {
  return z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : typeof v === "string" ? v.trim() : v),
    z
      .string({ message: `Enter ${label}.` })
      .min(1, `Enter ${label}.`)
      .regex(ISO_DATE, `${cap(label)} must be a date (YYYY-MM-DD).`)
      .refine(
        (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
        `${cap(label)} is not a real date.`,
      ),
  );
}

export function optionalDateField(label: string) {
  return z.preprocess(blankToNull, dateField(label).nullable());
}

/** A point in time: an ISO timestamp, or a `YYYY-MM-DD` date meaning its UTC midnight. */
export function instantField(label: string) {
  return z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      const s = v.trim();
      if (s === "") return undefined;
      return new Date(ISO_DATE.test(s) ? `${s}T00:00:00Z` : s);
    },
    z.date({ message: `Enter ${label} as a date.` }).refine((d) => !Number.isNaN(d.getTime()), `${cap(label)} must be a valid date.`),
  );
}

export const currencyField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z
    .string({ message: "Enter a currency." })
    .regex(/^[A-Z]{3}$/, "Currency must be a three-letter ISO 4217 code, like USD.")
    .refine((c) => ISO_CURRENCIES.has(c), "Currency is not an ISO 4217 code."),
);

export function textField(label: string, max = 200) {
  return z
    .string({ message: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `${cap(label)} is at most ${max} characters.`);
}

export function optionalTextField(label: string, max = 200) {
  return z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(max, `${cap(label)} is at most ${max} characters.`)
      .nullable(),
  );
}

export function idField(what: string) {
  return z.preprocess(blankToUndefined, z.string({ message: `Choose ${what}.` }).uuid(`Choose ${what}.`));
}

export function optionalIdField(what: string) {
  return z.preprocess(blankToNull, z.string().uuid(`Choose ${what}.`).nullable());
}

export const versionField = z.coerce.number().int().min(1);
