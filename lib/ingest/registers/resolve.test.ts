import { describe, expect, it } from "vitest";
import { fieldOf, resolveContract, resolveName, rowInput, type Lookups } from "./resolve";
import { CONTRACTS_TEMPLATE } from "@/lib/csv/register-templates";
import { DEMAND_PLANS_TEMPLATE } from "@/lib/csv/register-templates-catalog";

const providers = [
  { id: "p-az", name: "Microsoft Azure", archived: false },
  { id: "p-oci", name: "Oracle OCI", archived: false },
  { id: "p-gc", name: "Google Cloud", archived: false },
  { id: "p-gcx", name: "Google Cloud Next", archived: false },
  { id: "p-old", name: "Old Cloud", archived: true },
];

describe("name resolution", () => {
  it("prefers an exact name, ignoring case and spacing", () => {
    expect(resolveName(providers, "  microsoft   AZURE ", "provider")).toEqual({ id: "p-az" });
    expect(resolveName(providers, "Old Cloud", "provider")).toEqual({ id: "p-old" });
  });

  it("accepts whole words of exactly one active name", () => {
    expect(resolveName(providers, "Azure", "provider")).toEqual({ id: "p-az" });
    expect(resolveName(providers, "OCI", "provider")).toEqual({ id: "p-oci" });
    expect(resolveName(providers, "Azu", "provider")).toEqual({ error: 'No provider is named "Azu".' });
    expect(resolveName(providers, "Old", "provider")).toEqual({ error: 'No provider is named "Old".' });
  });

  it("refuses a name that fits several records", () => {
    expect(resolveName(providers, "Cloud", "provider")).toEqual({
      error: '"Cloud" matches several providers (Google Cloud, Google Cloud Next); write the full name.',
    });
    expect(resolveName(providers, "Google Cloud", "provider")).toEqual({ id: "p-gc" });
  });

  it("finds a contract by reference, then by name, preferring the block's provider", () => {
    const contracts = [
      { id: "c1", name: "Universal Credits", reference: "OCI-1", providerId: "p-oci", archived: false },
      { id: "c2", name: "Universal Credits", reference: "AZ-1", providerId: "p-az", archived: false },
    ];
    expect(resolveContract(contracts, "oci-1", undefined)).toEqual({ id: "c1" });
    expect(resolveContract(contracts, "Universal Credits", "p-az")).toEqual({ id: "c2" });
    expect(resolveContract(contracts, "Universal Credits", "p-gc")).toEqual({
      error: '"Universal Credits" names several contracts; use the contract\'s reference.',
    });
    expect(resolveContract(contracts, "", "p-gc")).toEqual({ blank: true });
  });

  it("builds a row's input with ids, undefined blanks and normalized enum spellings", () => {
    const lookups: Lookups = { providers, sites: [], types: [], contracts: [], scenarios: [], teams: [], workloads: [], reservations: [] };
    const values = {
      provider: "Azure",
      name: "EA",
      reference: "",
      start_date: "2026-01-01",
      end_date: "2027-01-01",
      committed_amount: "5",
      currency: "usd",
      discount_pct: "",
      payment_terms: "Usage-Based",
      status: " Active ",
      notes: "",
    };
    expect(rowInput(CONTRACTS_TEMPLATE, values, lookups)).toEqual({
      input: {
        providerId: "p-az",
        name: "EA",
        reference: undefined,
        startDate: "2026-01-01",
        endDate: "2027-01-01",
        committedAmount: "5",
        currency: "usd",
        discountPct: undefined,
        paymentTerms: "usage_based",
        status: "active",
        notes: undefined,
      },
      errors: [],
    });
    expect(rowInput(CONTRACTS_TEMPLATE, { ...values, provider: " " }, lookups).errors).toEqual([
      { column: "provider", message: "Enter the provider name." },
    ]);
  });

  it("leaves blank optional references unset, fills a column's blank value and reports a named but unknown scenario", () => {
    const lookups: Lookups = {
      providers: [],
      sites: [],
      contracts: [],
      types: [{ id: "t-gb", name: "NVIDIA GB200", archived: false }],
      scenarios: [],
      teams: [],
      workloads: [],
      reservations: [],
    };
    const values = {
      name: "Run",
      kind: "Training",
      scenario: "",
      accelerator_family: "GB200",
      accelerator_type: "",
      accelerators: "64",
      h100_equivalents: "",
      start_date: "2027-01-01",
      end_date: "2027-02-01",
      priority: " ",
      notes: "",
    };
    const { input, errors } = rowInput(DEMAND_PLANS_TEMPLATE, values, lookups);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ kind: "training", priority: "3", accelerators: "64" });
    expect(input).not.toHaveProperty("scenarioId");
    expect(input).not.toHaveProperty("acceleratorTypeId");
    expect(rowInput(DEMAND_PLANS_TEMPLATE, { ...values, accelerator_type: "GB200", scenario: "Upside" }, lookups)).toMatchObject({
      input: { acceleratorTypeId: "t-gb" },
      errors: [{ column: "scenario", message: 'No scenario is named "Upside".' }],
    });
  });

  it("maps template columns to service fields", () => {
    expect(["accelerator_type", "start_at", "capacity_reservation_id", "contracted_mw"].map(fieldOf)).toEqual([
      "acceleratorTypeId",
      "startAt",
      "capacityReservationId",
      "contractedMw",
    ]);
  });

  it("resolves a name shared by an archived and an active team to the active one", () => {
    const teams = [
      { id: "old", name: "Platform", archived: true },
      { id: "new", name: "Platform", archived: false },
    ];
    expect(resolveName(teams, "platform", "parent team")).toEqual({ id: "new" });
    expect(resolveName(teams.slice(0, 1), "Platform", "parent team")).toEqual({ id: "old" });
  });
});
