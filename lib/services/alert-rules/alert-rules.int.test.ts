import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { readDataVersion } from "@/lib/db/data-version";
import { alertEvaluations, alertEvents, alertRuleChannels, alertRules, alerts, channels } from "@/lib/db/schema";
import { ValidationError } from "@/lib/errors";
import { evaluateIfDue } from "@/lib/alerts/schedule";
import { acknowledgeAlert } from "@/lib/services/alerts/acknowledge";
import { resolveAlert } from "@/lib/services/alerts/resolve";
import { readEvaluationInterval, setEvaluationInterval } from "@/lib/services/alerts/settings";
import { insertCatalog, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { createAlertRule } from "./create";
import { updateAlertRule } from "./update";

describeOnEachEngine("alert rules and alerts", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  const finance = () => roleCtx(handle.db, "finance");
  const ruleCount = async () => (await handle.db.select({ n: count() }).from(alertRules))[0]!.n;

  beforeAll(async () => {
    // The app's own bumps only (audit): the test triggers would count the evaluator's writes as data changes.
    handle = await createTestDatabase(engine, { versionTriggers: false });
    cat = await insertCatalog(handle.db);
  });
  afterAll(() => handle?.close());

  it("creates a rule with its kind's params parsed and its channels linked", async () => {
    const [ch] = await handle.db
      .insert(channels)
      .values({ name: uniq("Ops"), kind: "email", config: { recipients: ["o@example.com"] } })
      .returning();
    const rule = await createAlertRule({
      ctx: finance(),
      input: {
        name: uniq("Headroom"),
        kind: "power_headroom",
        params: { belowMw: "2.5", months: "6" },
        severity: "critical",
        scopeKind: "site",
        scopeValue: cat.site.id,
        channelIds: [ch!.id],
        repeatMinutes: "60",
      },
    });
    expect(rule).toMatchObject({ params: { belowMw: "2.5", months: 6 }, severity: "critical", repeatMinutes: 60, channelIds: [ch!.id] });
    const links = await handle.db.select().from(alertRuleChannels).where(eq(alertRuleChannels.ruleId, rule.id));
    expect(links).toHaveLength(1);
    const updated = await updateAlertRule({
      ctx: finance(),
      input: { id: rule.id, version: 1, changes: { channelIds: [], params: { belowMw: "1", months: 3 } } },
    });
    expect(updated).toMatchObject({ version: 2, params: { belowMw: "1", months: 3 }, channelIds: [] });
  });

  it("refuses bad thresholds, a scope the kind does not take and a duplicate name, naming the field, and saves nothing", async () => {
    const before = await ruleCount();
    const refuse = async (input: Record<string, unknown>, field: string, message: string) => {
      const error = await createAlertRule({ ctx: finance(), input: { name: uniq("Bad"), severity: "warning", ...input } }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors[field]).toEqual([message]);
    };
    await refuse({ kind: "runway", params: { months: "0" } }, "params.months", "Months must be at least 1.");
    await refuse({ kind: "runway", params: { months: "two" } }, "params.months", "Enter the months.");
    await refuse(
      { kind: "power_headroom", params: { belowMw: "-1", months: 3 } },
      "params.belowMw",
      "Headroom in MW must be a number of 0 or more with at most 4 decimals.",
    );
    await refuse(
      { kind: "budget_threshold", params: {}, scopeKind: "site", scopeValue: cat.site.id },
      "scopeKind",
      "A budget threshold rule can be scoped to a provider, a family only.",
    );
    await refuse(
      { kind: "runway", params: { months: 3 }, scopeKind: "provider", scopeValue: "00000000-0000-4000-8000-000000000000" },
      "scopeValue",
      "That provider does not exist.",
    );
    await refuse({ kind: "nope", params: {} }, "kind", "Choose a kind of rule.");
    const name = uniq("Twice");
    await createAlertRule({ ctx: finance(), input: { name, kind: "runway", params: { months: 3 }, severity: "info" } });
    await refuse({ name: name.toUpperCase(), kind: "runway", params: { months: 3 } }, "name", "Another rule has this name.");
    expect(await ruleCount()).toBe(before + 1);
  });

  it("acknowledges and resolves a firing alert by hand, each an event with the user", async () => {
    const [rule] = await handle.db
      .insert(alertRules)
      .values({ name: uniq("Manual"), kind: "runway", params: { months: 3 } })
      .returning();
    const now = new Date();
    const [a] = await handle.db
      .insert(alerts)
      .values({
        ruleId: rule!.id,
        subjectKey: "family:H100",
        status: "firing",
        severity: "warning",
        title: "Runway",
        firstFiredAt: now,
        lastSeenAt: now,
      })
      .returning();
    const acked = await acknowledgeAlert({ ctx: finance(), input: { id: a!.id } });
    expect(acked.acknowledgedAt).not.toBeNull();
    await expect(acknowledgeAlert({ ctx: finance(), input: { id: a!.id } })).rejects.toThrow("This alert is already acknowledged.");
    const resolved = await resolveAlert({ ctx: finance(), input: { id: a!.id } });
    expect(resolved.status).toBe("resolved");
    await expect(resolveAlert({ ctx: finance(), input: { id: a!.id } })).rejects.toThrow("This alert is already resolved.");
    const events = await handle.db.select().from(alertEvents).where(eq(alertEvents.alertId, a!.id)).orderBy(alertEvents.id);
    expect(events.map((e) => [e.event, (e.detail as { by?: string }).by])).toEqual([
      ["acknowledged", "finance@example.com"],
      ["resolved", "finance@example.com"],
    ]);
  });

  it("evaluates on schedule when the interval has passed and when the data moved, and not otherwise", async () => {
    expect(await readEvaluationInterval(handle.db)).toBe(15);
    await expect(setEvaluationInterval({ ctx: finance(), input: { minutes: "0" } })).rejects.toThrow(
      "The interval must be at least 1 minute.",
    );
    await setEvaluationInterval({ ctx: finance(), input: { minutes: "30" } });
    expect(await readEvaluationInterval(handle.db)).toBe(30);
    await handle.db.update(alertRules).set({ enabled: false });
    const t0 = new Date();
    expect(await evaluateIfDue(handle.db, t0)).toMatch(/^Scheduled: /);
    expect(await evaluateIfDue(handle.db, new Date(t0.getTime() + 60_000))).toMatch(/^Not due: /);
    await setEvaluationInterval({ ctx: finance(), input: { minutes: 30 } }); // audited: the data version moves
    expect(await evaluateIfDue(handle.db, new Date(t0.getTime() + 120_000))).toMatch(/^Data changed: /);
    const [last] = await handle.db
      .select()
      .from(alertEvaluations)
      .orderBy(alertEvaluations.id)
      .limit(1)
      .offset((await handle.db.select({ n: count() }).from(alertEvaluations))[0]!.n - 1);
    expect(last).toMatchObject({ trigger: "data", dataVersion: await readDataVersion(handle.db) });
  });
});
