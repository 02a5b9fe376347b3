import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff";
import { entityHref, entityTypeLabel, entryReferences, readableChanges, snapshotLabel } from "./readable";

const P1 = "11111111-1111-4111-8111-111111111111";
const P2 = "22222222-2222-4222-8222-222222222222";
const SITE = "33333333-3333-4333-8333-333333333333";
const labels = new Map([
  [`provider:${P1}`, "AWS"],
  [`provider:${P2}`, "Oracle OCI"],
  [`site:${SITE}`, "Abilene"],
]);

describe("readableChanges", () => {
  it("names fields, shows a record's name for its id and leaves out id, createdAt and updatedBy", () => {
    const changes = diffSnapshots(
      { id: "x", providerId: P1, committedAmount: "1000000.00", updatedBy: "a@x", createdAt: "2026-01-01T00:00:00Z" },
      { id: "x", providerId: P2, committedAmount: "750000.00", updatedBy: "b@x", createdAt: "2026-01-01T00:00:00Z" },
    );
    expect(readableChanges(changes, labels)).toEqual([
      { field: "committedAmount", label: "Committed amount", before: "1,000,000.00", after: "750,000.00" },
      { field: "providerId", label: "Provider", before: "AWS", after: "Oracle OCI" },
    ]);
  });

  it("spells out nested fields one by one, naming a site keyed by id", () => {
    const changes = diffSnapshots(
      { overrides: { demandGrowthPct: "5", pueBySite: { [SITE]: "1.2" } } },
      { overrides: { demandGrowthPct: "20", pueBySite: { [SITE]: "1.4" } } },
    );
    expect(readableChanges(changes, labels).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      "Overrides › Demand growth pct: 5 → 20",
      "Overrides › PUE by site › Abilene: 1.2 → 1.4",
    ]);
  });

  it("writes none as —, booleans as yes/no, instants in UTC, lists joined, and hides secrets", () => {
    const changes = diffSnapshots(
      { archivedAt: null, allowCsv: false, sections: ["kpis"], keyHash: "abc", note: "" },
      { archivedAt: "2026-03-04T05:06:07.123+00:00", allowCsv: true, sections: ["kpis", "costs"], keyHash: "def", note: "Q1" },
    );
    expect(readableChanges(changes, labels).map((c) => [c.label, c.before, c.after])).toEqual([
      ["Allow csv", "no", "yes"],
      ["Archived at", "—", "2026-03-04 05:06 UTC"],
      ["Key hash", "(hidden)", "(hidden)"],
      ["Note", "—", "Q1"],
      ["Sections", "kpis", "kpis, costs"],
    ]);
  });

  it("groups a decimal's thousands and drops only zeros past the cents", () => {
    const changes = diffSnapshots(
      { rate: "2.5000000000", pue: "1.20", mw: "-12.125" },
      { rate: "1234.5670000000", pue: "1.25", mw: "8.000" },
    );
    expect(readableChanges(changes, labels).map((c) => [c.before, c.after])).toEqual([
      ["-12.125", "8.00"],
      ["1.20", "1.25"],
      ["2.50", "1,234.567"],
    ]);
  });

  it("keeps an id it cannot name", () => {
    const [change] = readableChanges(diffSnapshots({ providerId: null }, { providerId: P1 }), new Map());
    expect(change).toMatchObject({ label: "Provider", before: "—", after: P1 });
  });
});

describe("entry labels and links", () => {
  it("collects the entry's record and the ids its snapshots point at", () => {
    expect(
      entryReferences({ entityType: "site", entityId: SITE, before: { providerId: P1 }, after: { providerId: P2, name: "x" } }),
    ).toEqual([
      { type: "site", id: SITE },
      { type: "provider", id: P1 },
      { type: "provider", id: P2 },
    ]);
  });

  it("links a record to its page, a budget step to its site, and nothing for an unknown type or a bad id", () => {
    expect(entityHref("contract", P1, {})).toBe(`/contracts/${P1}`);
    expect(entityHref("contract_mapping", P1, {})).toBe(`/costs/mappings/${P1}`);
    expect(entityHref("import", "42", {})).toBe("/imports/42");
    expect(entityHref("power_budget", P1, { siteId: SITE })).toBe(`/sites/${SITE}`);
    expect(entityHref("session", P1, {})).toBeNull();
    expect(entityHref("contract", "not-an-id", {})).toBeNull();
  });

  it("labels a type and a deleted record from its snapshot", () => {
    expect(entityTypeLabel("sku_mapping")).toBe("SKU mapping");
    expect(entityTypeLabel("power_budget")).toBe("Power budget");
    expect(snapshotLabel({ name: "AWS PPA 2026" })).toBe("AWS PPA 2026");
    expect(snapshotLabel({ siteId: SITE, effectiveFrom: "2027-01-01" })).toBe("from 2027-01-01");
    expect(snapshotLabel(null)).toBeNull();
  });
});
