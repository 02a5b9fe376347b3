import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { auditLog, imports, offers } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { ownedOfferRate } from "@/lib/metrics/offer-rate";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { commitRegisterImport, previewRegisterImport } from "./import";

const HEADER =
  "provider,site,region,accelerator_type,pricing_model,term_months,rate,currency,capex_per_accelerator,facility_capex_per_w," +
  "depreciation_years,power_per_mwh,opex_per_ah,min_quantity,max_quantity,step,lead_time_days,valid_from,valid_until,source,note";

async function rowCounts(db: Db) {
  const [o] = await db.select({ n: count() }).from(offers);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { offers: o!.n, audit: a!.n };
}

describeOnEachEngine("register CSV import of offers", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db, "offers-import");
  });
  afterAll(() => handle.close());
  const load = (content: string, role: "admin" | "infra" | "finance" | "viewer" = "finance") =>
    commitRegisterImport({ ctx: roleCtx(handle.db, role), input: { kind: "offers", fileName: "offers.csv", content } });

  it("loads a quote in a region, an on-demand list price and a build at a site, pricing models as people type them", async () => {
    const { provider, site, type } = catalog;
    const csv = [
      HEADER,
      `${provider.name},,us-east-1,${type.name},Reserved,36,2.15,usd,,,,,,1024,8192,1024,120,2026-12-01,2027-03-01,Quote,Q-77`,
      `${provider.name},,us-west-2,${type.name},On-Demand,,4.50,USD,,,,,,8,,8,,2026-12-01,,list,`,
      `${provider.name},${site.name},,${type.name},owned,60,,USD,25000,10,5,80,0.2,512,,512,365,2026-12-01,,quote,Build`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await load(csv);
    expect(result).toMatchObject({ status: "succeeded", rows: 3, created: 3, errors: [] });
    expect(result.sample[2]!.values).toMatchObject({ provider: provider.name, site: site.name, accelerator_type: type.name });
    const rows = await handle.db.select().from(offers).where(eq(offers.providerId, provider.id)).orderBy(offers.leadTimeDays);
    expect(
      rows.map((o) => [
        o.region,
        o.siteId,
        o.pricingModel,
        o.termMonths,
        o.currency,
        o.minQuantity,
        o.maxQuantity,
        o.step,
        o.leadTimeDays,
        o.source,
      ]),
    ).toEqual([
      ["us-west-2", null, "on_demand", null, "USD", 8, null, 8, 0, "list"],
      ["us-east-1", null, "reserved", 36, "USD", 1024, 8192, 1024, 120, "quote"],
      [null, site.id, "owned", 60, "USD", 512, null, 512, 365, "quote"],
    ]);
    // The build's rate from its inputs: (25,000 + 10 × 1,400) ÷ (5 × 8,760) = 0.890411, + 1,400 × 1.2 × 80 ÷ 10⁶ = 0.1344, + 0.2.
    const build = ownedOfferRate({
      capexPerAccelerator: "25000",
      facilityCapexPerW: "10",
      depreciationYears: "5",
      powerPerMwh: "80",
      opexPerAh: "0.2",
      systemW: 1400,
      pue: "1.20",
    });
    expect(build.toFixed(6)).toBe("1.224811");
    expect(rows[2]!.rate).toBe(build.toFixed(6));
    expect((await rowCounts(handle.db)).audit - before.audit).toBe(4);
  });

  it("refuses a file with cross-field mistakes by line and column, loading nothing", async () => {
    const { provider, site, type } = catalog;
    const csv = [
      HEADER,
      `${provider.name},,eu-west-1,${type.name},reserved,12,3.00,USD,,,,,,8,,8,30,2026-12-01,,quote,fine`,
      `${provider.name},,,${type.name},spot,,1.00,USD,,,,,,8,,8,,2026-12-01,,list,no where`,
      `${provider.name},,eu-west-1,${type.name},reserved,,3.00,USD,,,,,,8,,8,,2026-12-01,,quote,no term`,
      `${provider.name},${site.name},,${type.name},reserved,12,3.00,USD,,,,,,100,,64,,2026-12-01,,quote,steps`,
      `${provider.name},,eu-west-1,${type.name},leased,12,3.00,USD,,,,,,8,,8,,2026-12-01,,quote,model`,
      `Nobody,,eu-west-1,${type.name},reserved,12,3.00,USD,,,,,,8,,8,,2026-12-01,,quote,provider`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await load(csv);
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([
      { line: 3, column: "region", message: "Choose a site, or enter the cloud region (a region with no power limit of ours)." },
      { line: 4, column: "term_months", message: "Enter the term in months: a reserved or owned offer has one." },
      { line: 5, column: "min_quantity", message: "The minimum quantity must be a whole number of steps of 64." },
      { line: 6, column: "pricing_model", message: "Pricing model must be reserved, on-demand, spot or owned." },
      { line: 7, column: "provider", message: expect.stringMatching(/Nobody/) },
    ]);
    expect(await rowCounts(handle.db)).toEqual(before);
    const [failed] = await handle.db.select().from(imports).where(eq(imports.id, result.importId!));
    expect(failed).toMatchObject({ kind: "offers", status: "failed" });
  });

  it("refuses a viewer and infra-less roles without offers.write, and changes nothing", async () => {
    const content = `${HEADER}\n${catalog.provider.name},,r1,${catalog.type.name},spot,,1,USD,,,,,,8,,8,,2026-12-01,,list,\n`;
    const before = await rowCounts(handle.db);
    const input = { kind: "offers", fileName: "x.csv", content };
    await expect(commitRegisterImport({ ctx: roleCtx(handle.db, "viewer"), input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewRegisterImport({ ctx: roleCtx(handle.db, "viewer"), input })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await rowCounts(handle.db)).toEqual(before);
    expect((await previewRegisterImport({ ctx: roleCtx(handle.db, "infra"), input })).status).toBe("valid");
  });
});
