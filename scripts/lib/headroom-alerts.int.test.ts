import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { alertEvaluations, alertRules } from "@/lib/db/schema";
import { insertCatalog, insertContractRow, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { runHeadroom } from "./headroom-cli";

// `npm run headroom -- alerts evaluate`: the evaluator on the configured database, what fired printed or as JSON.
describeOnEachEngine("npm run headroom -- alerts evaluate", (engine) => {
  let handle: DbHandle;
  let cat: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    cat = await insertCatalog(handle.db);
  });
  afterAll(() => handle?.close());

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const code = await runHeadroom(argv, {
      open: async () => ({ ...handle, close: async () => {} }),
      out: (line) => out.push(line),
      progress: () => {},
    });
    return { code, out: out.join("\n") };
  }

  it("evaluates as of --at and prints what fired as JSON, then as a table what still fires", async () => {
    const c = await insertContractRow(handle.db, cat, { startDate: "2026-02-01", endDate: "2027-01-31" });
    const [rule] = await handle.db
      .insert(alertRules)
      .values({
        name: uniq("CLI notice"),
        kind: "notice_date",
        params: { withinDays: 0, noticeDays: 90, of: "contract" },
        severity: "critical",
      })
      .returning();
    const json = await cli("alerts", "evaluate", "--at", "2026-12-06T09:00:00Z", "--json");
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out) as {
      evaluationId: number;
      asOf: string;
      fired: { ruleId: string; summary: string; severity: string }[];
    };
    expect(result.asOf).toBe("2026-12-06T09:00:00.000Z");
    expect(result.fired.filter((f) => f.ruleId === rule!.id)).toEqual([
      expect.objectContaining({ severity: "critical", summary: expect.stringContaining(`contract ${c.name}`) as unknown }),
    ]);
    const [evaluation] = await handle.db.select().from(alertEvaluations).where(eq(alertEvaluations.id, result.evaluationId));
    expect(evaluation).toMatchObject({ trigger: "cli", fired: 1, firing: 1, error: null });
    const table = await cli("alerts", "evaluate", "--at", "2026-12-06T10:00:00Z");
    expect(table.code).toBe(0);
    expect(table.out).toMatch(
      /^Evaluation #\d+ as of 2026-12-06T10:00:00.000Z: 0 fired, 0 repeated, 0 resolved, 1 firing; 0 notifications\.$/m,
    );
    expect(table.out).toContain("Fired (0):");
    expect(table.out).toMatch(/Firing \(1\):\n {2}critical .*The notice date of contract/);
  });

  it("refuses a bad --at or a missing verb with the usage and exit code 2", async () => {
    const bad = await cli("alerts", "evaluate", "--at", "yesterday");
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("--at must be an ISO time, like 2027-01-15T09:00:00Z (got yesterday).");
    expect((await cli("alerts")).code).toBe(2);
  });
});
