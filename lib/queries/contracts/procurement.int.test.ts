import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { readCsv } from "@/lib/csv/read";
import { csvResponse } from "@/lib/csv/response";
import type { DbHandle } from "@/lib/db/client";
import { contracts, users } from "@/lib/db/schema";
import { Dec } from "@/lib/metrics/decimal";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { procurementIdentityErrors } from "@/lib/testing/procurement-identities";
import { getContractBurndown } from "./burndown";
import { parseContractListParams } from "./index";
import { CONTRACT_REGISTER_HEADER, contractRegisterRows } from "./register-csv";

const AS_OF = new Date("2026-11-17T09:30:00Z");

describeOnEachEngine("the procurement register on the demo data", (engine) => {
  let handle: DbHandle;
  let finance: Ctx;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    const [f] = await handle.db.select().from(users).where(eq(users.role, "finance")).limit(1);
    finance = { db: handle.db, actor: { id: f!.id, email: f!.email, role: "finance", kind: "user" } };
  }, 180_000);
  afterAll(() => handle?.close());

  it("writes, for every contract, projected = consumed + scheduled + other and shortfall = max(0, committed − projected), to the cent", async () => {
    const params = parseContractListParams({ archived: "all" });
    const response = csvResponse("x.csv", CONTRACT_REGISTER_HEADER, contractRegisterRows(finance, params, AS_OF, 7), { bom: false });
    const records: string[][] = [];
    for await (const r of readCsv([await response.text()])) records.push(r.fields);
    const [head, ...body] = records;
    const rows = body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
    expect(rows).toHaveLength((await handle.db.select({ id: contracts.id }).from(contracts)).length);
    expect(procurementIdentityErrors(rows)).toEqual([]);

    // The rows are the contract page's burn-down: booked blocks count in the projection (the OCI case, where
    // the scheduled blocks alone exceed the commitment, has no shortfall).
    for (const row of rows) {
      const b = await getContractBurndown(finance, row.ContractCommitmentId!, AS_OF);
      expect(row.x_consumed, row.x_contract_name).toBe(b.consumed.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2));
      if (b.scheduled.gt(b.committed)) expect(row.x_shortfall, row.x_contract_name).toBe("0.00");
      if (b.ended) expect([row.x_scheduled_remaining, row.x_other_remaining, row.x_term_ended]).toEqual(["0.00", "0.00", "yes"]);
    }
    expect(rows.some((r) => r.x_term_ended === "yes")).toBe(true);
    expect(rows.some((r) => Number(r.x_scheduled_remaining) > 0)).toBe(true);
  }, 120_000);
});
