import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { acceleratorTypes, auditLog, contracts, imports, powerBudgets, providers, reservations, sites } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { commitRegisterImport, previewRegisterImport } from "./import";
import { templateCsv } from "@/lib/csv/register-templates";
import { REGISTER_KIND_NAMES, REGISTER_KINDS } from "./kinds";

const CONTRACT_HEADER = "provider,name,reference,start_date,end_date,committed_amount,currency,discount_pct,payment_terms,status,notes";
const RESERVATION_HEADER =
  "name,provider,site,accelerator_type,contract,quantity,start_at,end_at,pricing_model,rate,currency,status,delivery_date,capacity_reservation_id";

async function rowCounts(db: Db) {
  const [c] = await db.select({ n: count() }).from(contracts);
  const [r] = await db.select({ n: count() }).from(reservations);
  const [s] = await db.select({ n: count() }).from(sites);
  const [b] = await db.select({ n: count() }).from(powerBudgets);
  const [a] = await db.select({ n: count() }).from(auditLog);
  const [i] = await db.select({ n: count() }).from(imports);
  return { contracts: c!.n, reservations: r!.n, sites: s!.n, budgets: b!.n, audit: a!.n, imports: i!.n };
}

describeOnEachEngine("register CSV import", (engine) => {
  let handle: DbHandle;
  let contractId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    const [azure, oci] = await db
      .insert(providers)
      .values([
        { name: "Microsoft Azure", kind: "hyperscaler" },
        { name: "Oracle OCI", kind: "hyperscaler" },
      ])
      .returning();
    await db.insert(sites).values([
      { name: "Abilene", providerId: oci!.id, regionCode: "us-abilene-1", country: "US", pue: "1.25" },
      { name: "Fairwater Atlanta", providerId: azure!.id, regionCode: "eastus2", country: "US", pue: "1.12" },
    ]);
    await db.insert(acceleratorTypes).values({
      name: "NVIDIA GB200",
      vendor: "NVIDIA",
      family: "GB200",
      memoryGb: "186",
      bf16Tflops: "2500",
      systemW: 2300,
      h100Equivalent: "2.5",
    });
    const [contract] = await db
      .insert(contracts)
      .values({
        providerId: oci!.id,
        name: "OCI Universal Credits",
        reference: "OCI-UC-1",
        startDate: "2026-01-01",
        endDate: "2028-01-01",
        committedAmount: "1000000",
        paymentTerms: "upfront",
        status: "active",
      })
      .returning();
    contractId = contract!.id;
  });
  afterAll(() => handle.close());
  const admin = () => roleCtx(handle.db, "admin");

  it("loads a contracts file, resolving the provider by a name it contains, with an audit row per contract and one for the import", async () => {
    const tag = uniq("C");
    const csv = `\ufeff${CONTRACT_HEADER}\r\nAzure,Azure EA ${tag},${tag}-1,2026-01-01,2027-01-01,"1,200,000.50",usd,5,monthly,active,"Signed, countersigned"\r\nmicrosoft azure,Azure MACC ${tag},,2026-06-01,2029-06-01,3000000,USD,,Usage-Based,proposed,\r\n`;
    const before = await rowCounts(handle.db);
    const result = await commitRegisterImport({
      ctx: roleCtx(handle.db, "finance"),
      input: { kind: "contracts", fileName: "contracts.csv", content: csv },
    });
    expect(result).toMatchObject({ status: "succeeded", rows: 2, created: 2, errorCount: 0, errors: [] });
    expect(result.sample[0]).toEqual({
      line: 2,
      values: expect.objectContaining({
        provider: "Microsoft Azure",
        committed_amount: "1200000.5000",
        currency: "USD",
        notes: "Signed, countersigned",
      }),
    });
    const created = await handle.db
      .select()
      .from(contracts)
      .where(sql`${contracts.name} like ${`%${tag}`}`);
    expect(created.map((c) => [c.name, c.paymentTerms, c.discountPct]).sort()).toEqual([
      [`Azure EA ${tag}`, "monthly", "5.00"],
      [`Azure MACC ${tag}`, "usage_based", "0.00"],
    ]);
    const after = await rowCounts(handle.db);
    expect(after.audit - before.audit).toBe(3);
    const [imp] = await handle.db.select().from(imports).where(eq(imports.id, result.importId!));
    expect(imp).toMatchObject({ kind: "contracts", fileName: "contracts.csv", sha256: result.sha256, rows: 2, status: "succeeded" });
    const [importAudit] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(result.importId)));
    expect(importAudit).toMatchObject({ action: "import.register", entityType: "import", actor: "finance@example.com" });
  });

  it("reports an unknown provider on its line and column and loads nothing", async () => {
    const tag = uniq("C");
    const csv = [
      CONTRACT_HEADER,
      `Azure,Good ${tag},,2026-01-01,2027-01-01,10,USD,,monthly,active,`,
      `Azuer,Bad ${tag},,2026-01-01,2027-01-01,10,USD,,monthly,active,`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await commitRegisterImport({ ctx: admin(), input: { kind: "contracts", fileName: "c.csv", content: csv } });
    expect(result).toMatchObject({ status: "failed", created: 0, errorCount: 1 });
    expect(result.errors).toEqual([{ line: 3, column: "provider", message: 'No provider is named "Azuer".' }]);
    const after = await rowCounts(handle.db);
    expect({ ...after, imports: before.imports }).toEqual(before);
    const [imp] = await handle.db.select().from(imports).where(eq(imports.id, result.importId!));
    expect(imp).toMatchObject({ status: "failed", errors: result.errors });
  });

  it("lists every bad field of every row, with the service's rules, by line and column", async () => {
    const csv = [
      CONTRACT_HEADER,
      "Azure,Ends early,,2026-06-01,2026-01-01,10,USD,,monthly,active,",
      "Oracle,Bad numbers,,2026-01-01,2027-01-01,abc,EUX,101,weekly,active,",
      "Azure,Dup ref,DUP-1,2026-01-01,2027-01-01,10,USD,,monthly,active,",
      "Azure,Dup ref again,DUP-1,2026-01-01,2027-01-01,10,USD,,monthly,active,",
    ].join("\r\n");
    const result = await previewRegisterImport({ ctx: admin(), input: { kind: "contracts", fileName: "c.csv", content: csv } });
    expect(result.status).toBe("invalid");
    expect(result.errors).toEqual([
      { line: 2, column: "end_date", message: "The end date must be after the start date." },
      { line: 3, column: "committed_amount", message: "Committed amount must be a number." },
      { line: 3, column: "currency", message: "Currency is not an ISO 4217 code." },
      { line: 3, column: "discount_pct", message: "Discount must be at most 100." },
      { line: 3, column: "payment_terms", message: "Payment terms must be upfront, monthly or usage-based." },
      { line: 5, column: "reference", message: expect.stringMatching(/already has a contract with the reference DUP-1/) },
    ]);
  });

  it("loads nothing from a thousand good rows and one bad one, and reports that line", async () => {
    const tag = uniq("K");
    const lines = [CONTRACT_HEADER];
    for (let i = 0; i < 1001; i++) {
      lines.push(
        i === 700
          ? `Nowhere Cloud,Row ${i} ${tag},,2026-01-01,2027-01-01,10,USD,,monthly,active,`
          : `Azure,Row ${i} ${tag},${tag}-${i},2026-01-01,2027-01-01,10,USD,,monthly,active,`,
      );
    }
    const before = await rowCounts(handle.db);
    const result = await commitRegisterImport({
      ctx: admin(),
      input: { kind: "contracts", fileName: "big.csv", content: lines.join("\n") },
    });
    expect(result).toMatchObject({ status: "failed", rows: 1001, created: 0, errorCount: 1 });
    expect(result.errors).toEqual([{ line: 702, column: "provider", message: 'No provider is named "Nowhere Cloud".' }]);
    const after = await rowCounts(handle.db);
    expect({ ...after, imports: before.imports }).toEqual(before);
  }, 120_000);

  it("loads reservations resolving provider, site, accelerator type and contract by reference", async () => {
    const tag = uniq("R");
    const csv = [
      RESERVATION_HEADER,
      `Block A ${tag},Oracle OCI,Abilene,NVIDIA GB200,OCI-UC-1,1024,2026-03-01,2026-09-01,reserved,4.25,USD,planned,2026-03-15,ocid1.${tag}`,
      `Block B ${tag},oracle oci,abilene,GB200,OCI Universal Credits,8,2026-04-01,2026-05-01,On-Demand,6,usd,active,,`,
      `Block C ${tag},Azure,Fairwater Atlanta,NVIDIA GB200,,16,2026-01-01T12:00:00Z,2026-02-01,spot,1.5,USD,expired,,`,
    ].join("\n");
    const result = await commitRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: { kind: "reservations", fileName: "r.csv", content: csv },
    });
    expect(result).toMatchObject({ status: "succeeded", created: 3, errors: [] });
    expect(result.sample[0]!.values).toMatchObject({
      provider: "Oracle OCI",
      site: "Abilene",
      accelerator_type: "NVIDIA GB200",
      contract: "OCI Universal Credits",
      start_at: "2026-03-01",
    });
    const rows = await handle.db
      .select()
      .from(reservations)
      .where(sql`${reservations.name} like ${`%${tag}`}`)
      .orderBy(reservations.name);
    expect(rows.map((r) => [r.contractId, r.pricingModel, r.quantity])).toEqual([
      [contractId, "reserved", 1024],
      [contractId, "on_demand", 8],
      [null, "spot", 16],
    ]);
    expect(rows[2]!.startAt.toISOString()).toBe("2026-01-01T12:00:00.000Z");
  });

  it("refuses a reservation outside its contract's term or in another currency, on its line", async () => {
    const tag = uniq("R");
    const csv = [
      RESERVATION_HEADER,
      `Late ${tag},Oracle OCI,Abilene,NVIDIA GB200,OCI-UC-1,8,2027-06-01,2028-06-01,reserved,4,USD,planned,,`,
      `Euro ${tag},Oracle OCI,Abilene,NVIDIA GB200,OCI-UC-1,8,2026-06-01,2026-07-01,reserved,4,EUR,planned,,`,
      `Wrong site ${tag},Oracle OCI,Abilen,NVIDIA GB200,,8,2026-06-01,2026-07-01,reserved,4,USD,planned,,`,
      `Other provider ${tag},Azure,Fairwater Atlanta,NVIDIA GB200,OCI-UC-1,8,2026-06-01,2026-07-01,reserved,4,USD,planned,,`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await commitRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: { kind: "reservations", fileName: "r.csv", content: csv },
    });
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([
      { line: 2, column: "start_at, end_at", message: expect.stringMatching(/within its contract's term \(2026-01-01 to 2028-01-01\)/) },
      { line: 3, column: "currency", message: expect.stringMatching(/is in USD/) },
      { line: 4, column: "site", message: 'No site is named "Abilen".' },
      { line: 5, column: "contract", message: expect.stringMatching(/with another provider/) },
    ]);
    expect({ ...(await rowCounts(handle.db)), imports: before.imports }).toEqual(before);
  });

  it("loads sites, then power budgets by site name, and refuses two budget rows of a site that overlap in the file", async () => {
    const site = uniq("Site");
    const sitesCsv = `Name,Provider,Region Code,COUNTRY,pue\n${site},Oracle,us-x-1,us,1.3\n`;
    const loaded = await commitRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: { kind: "sites", fileName: "s.csv", content: sitesCsv },
    });
    expect(loaded).toMatchObject({ status: "succeeded", created: 1 });
    const [row] = await handle.db.select().from(sites).where(eq(sites.name, site));
    expect(row).toMatchObject({ country: "US", pue: "1.30" });

    const overlapping = `site,effective_from,effective_to,contracted_mw\n${site},2026-01-01,2027-01-01,10\n${site},2026-07-01,,20\n`;
    const before = await rowCounts(handle.db);
    const refused = await commitRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: { kind: "power_budgets", fileName: "b.csv", content: overlapping },
    });
    expect(refused.errors).toEqual([
      {
        line: 3,
        column: "effective_from, effective_to",
        message: expect.stringMatching(/already has a budget of 10 MW from 2026-01-01 to 2027-01-01/),
      },
    ]);
    expect({ ...(await rowCounts(handle.db)), imports: before.imports }).toEqual(before);

    const ramp = `site,effective_from,effective_to,contracted_mw\n${site},2026-01-01,2027-01-01,10\n${site},2027-01-01,,20.5\n`;
    const ok = await commitRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: { kind: "power_budgets", fileName: "b.csv", content: ramp },
    });
    expect(ok).toMatchObject({ status: "succeeded", created: 2 });
    const steps = await handle.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, row!.id)).orderBy(powerBudgets.effectiveFrom);
    expect(steps.map((s) => [s.effectiveFrom, s.effectiveTo, s.contractedMw])).toEqual([
      ["2026-01-01", "2027-01-01", "10.000"],
      ["2027-01-01", null, "20.500"],
    ]);
  });

  it("refuses a role without the kind's permission and changes nothing", async () => {
    const before = await rowCounts(handle.db);
    const csv = `site,effective_from,effective_to,contracted_mw\nAbilene,2040-01-01,,10\n`;
    for (const [role, kind] of [
      ["finance", "power_budgets"],
      ["viewer", "contracts"],
      ["infra", "contracts"],
      ["finance", "reservations"],
      ["finance", "sites"],
    ] as const) {
      await expect(
        commitRegisterImport({ ctx: roleCtx(handle.db, role), input: { kind, fileName: "x.csv", content: csv } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        previewRegisterImport({ ctx: roleCtx(handle.db, role), input: { kind, fileName: "x.csv", content: csv } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rowCounts(handle.db)).toEqual(before);
  });

  it("previews a good file with its rows as they would be created, changing nothing", async () => {
    const tag = uniq("P");
    const csv = `${RESERVATION_HEADER}\nPreview ${tag},OCI,Abilene,NVIDIA GB200,OCI-UC-1,64,2026-05-01,2026-08-01,reserved,3.5,USD,planned,,\n`;
    const before = await rowCounts(handle.db);
    const result = await previewRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: { kind: "reservations", fileName: "p.csv", content: csv },
    });
    expect(result).toMatchObject({ status: "valid", rows: 1, importId: null, created: 0, errorCount: 0 });
    expect(result.sample).toEqual([
      { line: 2, values: expect.objectContaining({ name: `Preview ${tag}`, provider: "Oracle OCI", quantity: "64", rate: "3.500000" }) },
    ]);
    expect(await rowCounts(handle.db)).toEqual(before);
  });

  it("names unknown and missing columns in the header and refuses a file imported before", async () => {
    const bad = await previewRegisterImport({
      ctx: admin(),
      input: { kind: "sites", fileName: "s.csv", content: "name,provider,colour,region_code\nX,Azure,red,eu\n" },
    });
    expect(bad.errors).toEqual([
      {
        line: 1,
        column: "colour",
        message: expect.stringMatching(
          /^Unknown column colour\. A sites file has the columns name, provider, region_code, country, pue\.$/,
        ),
      },
      { line: 1, column: "country, pue", message: "Missing required columns country, pue." },
    ]);
    const csv = `name,provider,region_code,country,pue\n${uniq("Twice")},Azure,eu-1,NL,1.1\n`;
    expect((await commitRegisterImport({ ctx: admin(), input: { kind: "sites", fileName: "s.csv", content: csv } })).status).toBe(
      "succeeded",
    );
    const again = await commitRegisterImport({ ctx: admin(), input: { kind: "sites", fileName: "s.csv", content: csv } });
    expect(again.status).toBe("failed");
    expect(again.errors[0]!.message).toMatch(/already imported/);
  });

  it("lists at most 100 errors with the full count", async () => {
    const lines = [CONTRACT_HEADER];
    for (let i = 0; i < 150; i++) lines.push(`Nowhere,Row ${i},,2026-01-01,2027-01-01,10,USD,,monthly,active,`);
    const result = await previewRegisterImport({
      ctx: admin(),
      input: { kind: "contracts", fileName: "c.csv", content: lines.join("\n") },
    });
    expect(result.errorCount).toBe(150);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[99]!.line).toBe(101);
  });

  it("imports each kind's template example row (sites before power budgets) on a catalog like the demo's", async () => {
    const today = new Date("2026-11-27T00:00:00Z");
    const [owned] = await handle.db.insert(providers).values({ name: "Headroom Owned", kind: "owned" }).returning();
    expect(owned).toBeDefined();
    await handle.db.update(contracts).set({ reference: "OCI-UC-2025-001", endDate: "2028-05-01" }).where(eq(contracts.id, contractId));
    for (const kind of REGISTER_KIND_NAMES) {
      const result = await commitRegisterImport({
        ctx: admin(),
        input: { kind, fileName: `${kind}.csv`, content: templateCsv(REGISTER_KINDS[kind].template, today) },
      });
      expect({ kind, status: result.status, errors: result.errors }).toEqual({ kind, status: "succeeded", errors: [] });
    }
    await handle.db.update(contracts).set({ reference: "OCI-UC-1", endDate: "2028-01-01" }).where(eq(contracts.id, contractId));
  });
});
