import { z } from "zod";
import { dec } from "@/lib/metrics/decimal";
import { decimalField, idField, textField, versionField } from "@/lib/validation/fields";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

// User-assigned and reserved alpha-2 codes that name no country (XK, Kosovo, is kept).
const NOT_COUNTRIES = /^(AA|ZZ|EU|EZ|UN|Q[M-Z]|X[A-JL-Z])$/;

/** True for an ISO 3166-1 alpha-2 code the runtime knows as a country (e.g. US, SE, NL). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return false;
  try {
    const name = regionNames.of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

export const countryField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
  z
    .string({ message: "Enter a country." })
    .regex(/^[A-Z]{2}$/, "Country must be a two-letter ISO 3166 code, like US.")
    .refine(isCountryCode, "Country is not an ISO 3166 country code."),
);

export const pueField = decimalField("the PUE", 2, "3").refine((v) => dec(v).gte(1), "PUE must be between 1 and 3.");

// Field rules of a site on resolved ids (a bulk import resolves the provider name to its id first).
export const CreateSiteInput = z.object({
  name: textField("a name"),
  providerId: idField("a provider"),
  regionCode: textField("a region code", 100),
  country: countryField,
  pue: pueField,
});

export type CreateSiteInput = z.infer<typeof CreateSiteInput>;

export const UpdateSiteInput = z.object({
  id: idField("a site"),
  version: versionField,
  changes: CreateSiteInput.partial().refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateSiteInput = z.infer<typeof UpdateSiteInput>;

export const ArchiveSiteInput = z.object({ id: idField("a site"), version: versionField });
export type ArchiveSiteInput = z.infer<typeof ArchiveSiteInput>;
