import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { importRow, importText, lineItemCount } from "@/lib/testing/focus-import";

// A test-only trigger makes the database itself refuse a file the importer's checks accept, the way a
// constraint, a full disk or a driver would: the user sees a message to act on, the raw text goes to the log.
// The rows are COPYed into a table of the import's own, so the trigger sits on imports and refuses by the file's
// name when the import is marked succeeded, in the load's transaction (on Citus imports is a reference table,
// whose trigger runs on each node's copy and may not query the distributed cost_line_items).
const RAW_TOO_LONG = "value too long for type character varying(8) in cost_line_items_refusal_trigger";
const RAW_INTERNAL = "could not write block 7 of relation base/16384/2619 in cost_line_items_refusal_trigger";

const REFUSING_TRIGGER = [
  `create function refuse_test_rows() returns trigger language plpgsql as $$
   begin
     if new.status <> 'succeeded' then
       return new;
     elsif new.file_name = 'too-long.csv' then
       raise exception '${RAW_TOO_LONG}' using errcode = '22001';
     elsif new.file_name = 'internal.csv' then
       raise exception '${RAW_INTERNAL}' using errcode = 'XX000';
     end if;
     return new;
   end $$`,
  "create trigger refuse_test_rows before update on imports for each row execute function refuse_test_rows()",
];

function file(description: string, day: number): string {
  return [
    "BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,BilledCost,EffectiveCost,ProviderName,ChargeDescription",
    `USD,2025-03-${day}T00:00:00Z,2025-03-${day}T01:00:00Z,Usage,1,1,AWS,ok`,
    `USD,2025-03-${day}T01:00:00Z,2025-03-${day}T02:00:00Z,Usage,2,2,AWS,${description}`,
  ].join("\n");
}

function logged(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls
    .flat()
    .map((a) => (a instanceof Error ? `${a.message} ${String((a.cause as Error | undefined)?.message)}` : String(a)))
    .join("\n");
}

describeOnEachEngine("FOCUS import refused by the database", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    // Citus refuses triggers on its tables unless told it is safe (a placeholder setting elsewhere).
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local citus.enable_unsafe_triggers = on`);
      for (const statement of REFUSING_TRIGGER) await tx.execute(sql.raw(statement));
    });
  });
  afterAll(async () => {
    await handle?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("tells the user what to fix when the database refuses a value, and logs the database's words", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await lineItemCount(handle.db);
    const result = await importText(handle.db, file("refuse: too long", 10), "too-long.csv");
    expect(result.status).toBe("failed");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(0);
    expect(result.errors[0]!.message).toMatch(
      /^The file could not be loaded: a value is too long for the database; .*\(ref [0-9a-f]{8}\)$/,
    );
    const shown = JSON.stringify(result);
    expect(shown).not.toContain("character varying");
    expect(shown).not.toContain("cost_line_items");
    expect(shown).not.toMatch(/insert into|Failed query/i);
    expect((await importRow(handle.db, result.importId!))!.errors).toEqual(result.errors);
    expect(logged(log)).toContain(RAW_TOO_LONG);
    expect(await lineItemCount(handle.db)).toBe(before);
  });

  it("shows an unexpected database failure as a generic message with a reference found in the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await lineItemCount(handle.db);
    const result = await importText(handle.db, file("refuse: internal", 11), "internal.csv");
    expect(result.status).toBe("failed");
    const message = result.errors[0]!.message;
    expect(message).toMatch(/^The database refused the file; nothing was loaded\. \(ref [0-9a-f]{8}\)$/);
    expect(JSON.stringify(result)).not.toMatch(/relation|cost_line_items|could not write/);
    expect((await importRow(handle.db, result.importId!))!.errors).toEqual(result.errors);
    const ref = /ref ([0-9a-f]{8})/.exec(message)![1]!;
    expect(logged(log)).toContain(ref);
    expect(logged(log)).toContain(RAW_INTERNAL);
    expect(await lineItemCount(handle.db)).toBe(before);
  });
});
