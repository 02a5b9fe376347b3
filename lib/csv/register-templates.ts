import type { Permission } from "@/lib/auth/permissions";
import { csvLine } from "./write";

// The register CSV templates: the columns each kind takes, in template order, and an example row.
// Pure data (no database), so the upload page can show the same columns the parser accepts. The kinds
// themselves (template + service schema + insert) are one table: lib/services/imports/registers/kinds.ts.

/** A row of a register file as it is (or would be) created: the template's columns, references by the name they resolved to. */
export type SampleRow = { line: number; values: Record<string, string> };

/**
 * A column of a template. Columns named provider, site, accelerator_type, contract or scenario hold names that
 * are resolved to ids; `choice` columns are lower-cased with spaces and hyphens as underscores (On-Demand → on_demand);
 * `blank` is the value a blank cell takes.
 */
export type TemplateColumn = { name: string; required: boolean; help: string; choice?: boolean; blank?: string };

export type RegisterTemplate = {
  label: string;
  singular: string;
  description: string;
  permission: Permission;
  columns: readonly TemplateColumn[];
  note?: string;
  /** The register's list page, where the import's result links to. */
  list: { href: string; label: string };
  /** The example row, built for a day (`today`), so its dates stay in the future and inside the demo contracts' terms. */
  example: (today: Date) => Record<string, string>;
};

export const col = (
  name: string,
  required: boolean,
  help: string,
  more: Pick<TemplateColumn, "choice" | "blank"> = {},
): TemplateColumn => ({
  name,
  required,
  help,
  ...more,
});

export function monthStart(today: Date, offset: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

export const CONTRACTS_TEMPLATE: RegisterTemplate = {
  label: "Contracts",
  singular: "contract",
  description: "Committed spend by provider and term.",
  permission: "contracts.write",
  list: { href: "/contracts", label: "contracts" },
  columns: [
    col("provider", true, "Provider name, e.g. Azure or Microsoft Azure"),
    col("name", true, "Contract name"),
    col("reference", false, "Your reference; unique per provider"),
    col("start_date", true, "YYYY-MM-DD"),
    col("end_date", true, "YYYY-MM-DD, after the start (the term is [start, end))"),
    col("committed_amount", true, "Committed spend, ≥ 0, up to 4 decimals"),
    col("currency", true, "ISO 4217 code, e.g. USD"),
    col("discount_pct", false, "0–100, blank = 0"),
    col("payment_terms", true, "upfront, monthly or usage_based", { choice: true }),
    col("status", true, "proposed, pending, active, exhausted, expired or cancelled", { choice: true }),
    col("notes", false, "Free text"),
  ],
  example: (today) => ({
    provider: "Azure",
    name: "Azure capacity commitment (example)",
    reference: `AZ-EXAMPLE-${monthStart(today, 2).slice(0, 7)}`,
    start_date: monthStart(today, 2),
    end_date: monthStart(today, 26),
    committed_amount: "25000000.00",
    currency: "USD",
    discount_pct: "8.5",
    payment_terms: "monthly",
    status: "proposed",
    notes: "Example row: replace with your own contracts.",
  }),
};

export const RESERVATIONS_TEMPLATE: RegisterTemplate = {
  label: "Reservations",
  singular: "reservation",
  description: "Capacity blocks at a site, optionally under a contract.",
  permission: "reservations.write",
  list: { href: "/reservations", label: "reservations" },
  columns: [
    col("name", true, "Block name; unique"),
    col("provider", true, "Provider name"),
    col("site", true, "Site name"),
    col("accelerator_type", true, "Accelerator type name, e.g. NVIDIA GB200"),
    col("contract", false, "Contract reference or name; the block must lie within its term, with its provider and currency"),
    col("quantity", true, "Accelerators, a whole number ≥ 1"),
    col("start_at", true, "YYYY-MM-DD (UTC midnight) or an ISO timestamp"),
    col("end_at", true, "YYYY-MM-DD or an ISO timestamp, after the start"),
    col("pricing_model", true, "reserved, on_demand or spot", { choice: true }),
    col("rate", true, "Rate per accelerator-hour, ≥ 0, up to 6 decimals"),
    col("currency", true, "ISO 4217 code; the contract's currency when linked"),
    col("status", true, "planned, active or expired", { choice: true }),
    col("delivery_date", false, "YYYY-MM-DD the capacity arrives"),
    col("capacity_reservation_id", false, "The provider's capacity reservation id (matches billing)"),
  ],
  example: (today) => ({
    name: `Abilene GB200 block ${monthStart(today, 2).slice(0, 7)} (example)`,
    provider: "Oracle OCI",
    site: "Abilene",
    accelerator_type: "NVIDIA GB200",
    contract: "OCI-UC-2025-001",
    quantity: "1024",
    start_at: monthStart(today, 2),
    end_at: monthStart(today, 8),
    pricing_model: "reserved",
    rate: "4.25",
    currency: "USD",
    status: "planned",
    delivery_date: monthStart(today, 2),
    capacity_reservation_id: "",
  }),
};

export const SITES_TEMPLATE: RegisterTemplate = {
  label: "Sites",
  singular: "site",
  description: "Data-center sites: provider, region, country and PUE.",
  permission: "sites.write",
  list: { href: "/sites", label: "sites" },
  columns: [
    col("name", true, "Site name; unique"),
    col("provider", true, "Provider name"),
    col("region_code", true, "The provider's region code"),
    col("country", true, "ISO 3166 two-letter code, e.g. US"),
    col("pue", true, "Power usage effectiveness, 1–3"),
  ],
  example: () => ({
    name: "Milam County (example)",
    provider: "Headroom Owned",
    region_code: "own-us-south-1",
    country: "US",
    pue: "1.20",
  }),
};

export const POWER_BUDGETS_TEMPLATE: RegisterTemplate = {
  label: "Power budgets",
  singular: "power budget step",
  description: "Contracted MW of a site over time (ramp steps).",
  permission: "power_budgets.write",
  list: { href: "/sites", label: "sites" },
  columns: [
    col("site", true, "Site name"),
    col("effective_from", true, "YYYY-MM-DD"),
    col("effective_to", false, "YYYY-MM-DD, after the start; blank = open-ended"),
    col("contracted_mw", true, "Contracted MW, > 0, up to 3 decimals"),
  ],
  note: "Steps of a site must not overlap, in the file or with the steps it already has. The template's example row is for the site of the sites template's example: import that first, or write one of your sites.",
  example: (today) => ({
    site: "Milam County (example)",
    effective_from: monthStart(today, 2),
    effective_to: monthStart(today, 14),
    contracted_mw: "120",
  }),
};

/** The template file of a kind: the header and one example row, RFC 4180 with CRLF. */
export function templateCsv({ columns, example }: RegisterTemplate, today = new Date()): string {
  const row = example(today);
  return csvLine(columns.map((c) => c.name)) + csvLine(columns.map((c) => row[c.name] ?? ""));
}

export function templateFileName(kind: string): string {
  return `${kind.replaceAll("_", "-")}-template.csv`;
}
