import { describe, expect, it } from "vitest";
import { ReportScope, readScope, scopeFilters, scopePlanInput } from "./scope";

const now = new Date("2026-11-27T10:00:00Z");
const SITE = "0b6f3e8c-2f6b-4a7e-9c1e-6a1d2f3b4c5d";

describe("report scope", () => {
  it("orders sections canonically and drops duplicates", () => {
    const s = ReportScope.parse({ sections: ["costs", "kpis", "costs"], filters: {}, scenarioId: null });
    expect(s.sections).toEqual(["kpis", "costs"]);
  });

  it("refuses unknown sections, unknown filter keys and malformed values", () => {
    expect(ReportScope.safeParse({ sections: ["users"], filters: {} }).success).toBe(false);
    expect(ReportScope.safeParse({ sections: ["kpis"], filters: { sql: "1" } }).success).toBe(false);
    expect(ReportScope.safeParse({ sections: ["kpis"], filters: { from: "2026-13" } }).success).toBe(false);
    expect(ReportScope.safeParse({ sections: ["kpis"], filters: { site: "not-a-uuid" } }).success).toBe(false);
    expect(ReportScope.safeParse({ sections: [], filters: {} }).success).toBe(false);
  });

  it("fixes the planning filters from the stored scope alone", () => {
    const scope = ReportScope.parse({
      sections: ["capacity"],
      filters: { from: "2027-01", to: "2027-06", site: SITE, unit: "accelerators" },
      scenarioId: null,
    });
    const f = scopeFilters(scope, now);
    expect(f.from.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(f.to.toISOString()).toBe("2027-07-01T00:00:00.000Z");
    expect(f.site).toBe(SITE);
    expect(f.provider).toBeNull();
    expect(f.scenario).toBeNull();
    expect(f.unit).toBe("accelerators");
  });

  it("keeps a preset relative to the day the report is viewed", () => {
    const scope = ReportScope.parse({ sections: ["costs"], filters: { range: "12m" }, scenarioId: null });
    expect(scopeFilters(scope, now).from.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(scopeFilters(scope, new Date("2027-02-10T00:00:00Z")).from.toISOString()).toBe("2027-02-01T00:00:00.000Z");
  });

  it("reads a stored scope of another shape as showing nothing", () => {
    expect(readScope({ whatever: true })).toEqual({ sections: [], filters: {}, scenarioId: null });
  });

  it("keeps a plan section's inputs as the query of the /plan address pasted, and refuses inputs a plan would refuse", () => {
    const s = ReportScope.parse({
      sections: ["plan"],
      filters: {},
      scenarioId: SITE,
      plan: "http://localhost:3000/plan?demand=p80&cap_provider=35#x",
    });
    expect(s.plan).toBe("demand=p80&cap_provider=35");
    expect(scopePlanInput(s)).toMatchObject({ demand: "p80", capProvider: 0.35, scenario: SITE });
    expect(ReportScope.parse({ sections: ["plan"], filters: {}, plan: "/plan" }).plan).toBe("");
    const bad = ReportScope.safeParse({ sections: ["plan"], filters: {}, plan: "?demand=p99" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Plan inputs: Demand must be median, p80 or p95.");
  });
});
