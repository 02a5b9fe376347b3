import Decimal from "decimal.js";
import { facilityCapexShare, type LeaseBilling, type LeaseVsBuildInput } from "@/lib/metrics/lease-vs-build";

// The calculator's inputs live in the URL so a result can be shared. Only what the user changed is stored; the rest
// comes from the catalog (system W of the type, PUE of the site, median leased rate) and the documented defaults.

export type LeaseType = {
  id: string;
  name: string;
  family: string;
  systemW: number;
  /** Median rate of current USD reservations of this type, billed every hour (reserved) or per use (on demand, spot). */
  medianRate: { reserved: string | null; usage: string | null };
  rateCounts: { reserved: number; usage: number };
};
export type LeaseSite = { id: string; name: string; pue: string; owned: boolean };
export type LeaseCatalog = { types: LeaseType[]; sites: LeaseSite[] };

export const NUMERIC_FIELDS = ["qty", "capex", "facility", "years", "util", "power", "opex", "rate"] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];
export type LeaseParams = { type: string | null; site: string | null; billing: LeaseBilling | null } & Partial<
  Record<NumericField, string>
>;

export const FIELD_LABELS: Record<NumericField, string> = {
  qty: "Accelerators",
  capex: "Capex per accelerator (USD)",
  facility: "Facility capex share per accelerator (USD)",
  years: "Depreciation (years)",
  util: "Expected utilization (%)",
  power: "Power price (USD per MWh)",
  opex: "Opex per accelerator-hour (USD)",
  rate: "Leased rate per accelerator-hour (USD)",
};

const BOUNDS: Record<NumericField, { min: number; max: number; minExclusive?: boolean }> = {
  qty: { min: 1, max: 10_000_000 },
  capex: { min: 0, max: 10_000_000 },
  facility: { min: 0, max: 10_000_000 },
  years: { min: 0, max: 30, minExclusive: true },
  util: { min: 0, max: 100, minExclusive: true },
  power: { min: 0, max: 100_000 },
  opex: { min: 0, max: 10_000 },
  rate: { min: 0, max: 100_000 },
};

/** Rough public figures per family (server share included), to be replaced by a real quote. */
const CAPEX_BY_FAMILY: [RegExp, number][] = [
  [/^gb[23]\d\d/i, 65_000],
  [/^b[23]\d\d/i, 50_000],
  [/^h200/i, 40_000],
  [/^h100/i, 35_000],
  [/^mi3[2-9]/i, 30_000],
  [/^mi300/i, 25_000],
];
export const DEFAULTS = {
  qty: "10000",
  capexOther: "30000",
  /** Facility build cost per W of IT load: $10 M per MW. */
  facilityPerW: "10",
  years: "5",
  util: "70",
  power: "80",
  opex: "0.25",
  pue: "1.2",
  systemW: 1000,
  rate: "2",
} as const;

export function defaultCapex(family: string | null): string {
  const hit = family ? CAPEX_BY_FAMILY.find(([p]) => p.test(family.trim())) : null;
  return hit ? String(hit[1]) : DEFAULTS.capexOther;
}

function first(v: string | string[] | undefined | null): string | undefined {
  return Array.isArray(v) ? v[0] : (v ?? undefined);
}

/** Reads the calculator's URL parameters; anything that is not a number is kept as typed so the form can say so. */
export function parseLeaseParams(raw: Record<string, string | string[] | undefined> | URLSearchParams): LeaseParams {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : first(raw[k]));
  const billing = get("billing");
  const params: LeaseParams = {
    type: get("type")?.trim().slice(0, 64) || null,
    site: get("site")?.trim().slice(0, 64) || null,
    billing: billing === "reserved" || billing === "usage" ? billing : null,
  };
  for (const f of NUMERIC_FIELDS) {
    const v = get(f)?.trim().slice(0, 32);
    if (v) params[f] = v;
  }
  return params;
}

export function leaseQuery(params: LeaseParams): string {
  const s = new URLSearchParams();
  if (params.type) s.set("type", params.type);
  if (params.site) s.set("site", params.site);
  if (params.billing) s.set("billing", params.billing);
  for (const f of NUMERIC_FIELDS) if (params[f] !== undefined && params[f] !== "") s.set(f, params[f]);
  const q = s.toString();
  return q ? `?${q}` : "";
}

export type ResolvedLease = {
  type: LeaseType | null;
  site: LeaseSite | null;
  billing: LeaseBilling;
  /** The value of every field (as typed, or its default) and where the default came from. */
  values: Record<NumericField, string>;
  sources: Partial<Record<NumericField, string>>;
  errors: Partial<Record<NumericField, string>>;
  /** Null while any field is invalid. */
  input: LeaseVsBuildInput | null;
  utilization: string;
  quantity: string;
};

function check(field: NumericField, value: string): string | null {
  let n: Decimal;
  try {
    n = new Decimal(value);
  } catch {
    return "must be a number";
  }
  if (!n.isFinite()) return "must be a number";
  const b = BOUNDS[field];
  if (b.minExclusive ? n.lessThanOrEqualTo(b.min) : n.lessThan(b.min))
    return b.minExclusive ? `must be above ${b.min}` : `must be at least ${b.min}`;
  if (n.greaterThan(b.max)) return `must be at most ${b.max.toLocaleString("en-US")}`;
  if (field === "qty" && !n.isInteger()) return "must be a whole number";
  return null;
}

/** The inputs of the calculation: typed values where given, else the catalog's and the documented defaults. */
export function resolveLease(params: LeaseParams, catalog: LeaseCatalog): ResolvedLease {
  // Defaults: the type most leased today, and a site of our own (building happens there).
  const mostLeased = [...catalog.types].sort(
    (a, b) => b.rateCounts.reserved + b.rateCounts.usage - (a.rateCounts.reserved + a.rateCounts.usage),
  )[0];
  const type = catalog.types.find((t) => t.id === params.type) ?? mostLeased ?? null;
  const site = catalog.sites.find((s) => s.id === params.site) ?? catalog.sites.find((s) => s.owned) ?? catalog.sites[0] ?? null;
  const billing = params.billing ?? "reserved";
  const systemW = type?.systemW ?? DEFAULTS.systemW;
  const other: LeaseBilling = billing === "reserved" ? "usage" : "reserved";
  const rateBilling: LeaseBilling = type?.medianRate[billing] ? billing : other;
  const median = type?.medianRate[rateBilling] ?? null;
  const defaults: Record<NumericField, string> = {
    qty: DEFAULTS.qty,
    capex: defaultCapex(type?.family ?? null),
    facility: facilityCapexShare(DEFAULTS.facilityPerW, systemW).toString(),
    years: DEFAULTS.years,
    util: DEFAULTS.util,
    power: DEFAULTS.power,
    opex: DEFAULTS.opex,
    rate: median ?? DEFAULTS.rate,
  };
  const sources: Partial<Record<NumericField, string>> = {
    capex: `rough public price for ${type?.family ?? "an accelerator"}, server share included`,
    facility: `${systemW} W × $10 per W of IT load ($10 M per MW)`,
    rate: median
      ? `median of ${type!.rateCounts[rateBilling]} current ${rateBilling === "reserved" ? "reserved" : "on-demand and spot"} ${type!.name} blocks`
      : "no current reservation of this type: a placeholder",
  };
  const values = {} as Record<NumericField, string>;
  const errors: Partial<Record<NumericField, string>> = {};
  for (const f of NUMERIC_FIELDS) {
    const typed = params[f] || undefined;
    values[f] = typed ?? defaults[f];
    if (typed !== undefined) delete sources[f];
    const error = check(f, values[f]);
    if (error) errors[f] = `${FIELD_LABELS[f]} ${error}.`;
  }
  const valid = Object.keys(errors).length === 0;
  return {
    type,
    site,
    billing,
    values,
    sources,
    errors,
    utilization: valid ? new Decimal(values.util).div(100).toString() : "0",
    quantity: values.qty,
    input: valid
      ? {
          capexPerAccelerator: values.capex,
          facilityCapexPerAccelerator: values.facility,
          depreciationYears: values.years,
          systemW,
          pue: site?.pue ?? DEFAULTS.pue,
          powerUsdPerMwh: values.power,
          opexPerAh: values.opex,
          leasedRate: values.rate,
          leaseBilling: billing,
        }
      : null,
  };
}
