import { afterAll, beforeAll, expect, it } from "vitest";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import type { DbHandle } from "@/lib/db/client";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { createDemoTestDatabase, DEMO_AS_OF } from "@/lib/testing/demo-database";

// The demo's alert rules run clean on the demo portfolio: every kind evaluates without error, and the ones a lab in its
// position would see fire (runway within a year, tight sites, budgets crossed) do; a second evaluation fires nothing new.
describeOnEachEngine("the demo's alert rules on the demo portfolio", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
  }, 240_000);
  afterAll(() => handle?.close());

  it("evaluate without error, fire on runway, site headroom and budgets, and stay put when evaluated again", async () => {
    const first = await evaluateAlerts(handle.db, { asOf: DEMO_AS_OF, trigger: "cli" });
    expect(first.errors).toEqual([]);
    const rules = new Set(first.fired.map((a) => a.ruleName));
    for (const name of ["Runway under 12 months", "Site headroom under 5 MW", "Budget thresholds"]) expect(rules).toContain(name);
    // No channel is set up in the demo: nothing to send.
    expect(first.notifications).toBe(0);
    const again = await evaluateAlerts(handle.db, { asOf: DEMO_AS_OF, trigger: "cli" });
    expect(again.errors).toEqual([]);
    expect(again.fired).toEqual([]);
    expect(again.resolved).toEqual([]);
    expect(again.firing.map((a) => a.alertId).sort()).toEqual(first.firing.map((a) => a.alertId).sort());
  }, 240_000);
});
