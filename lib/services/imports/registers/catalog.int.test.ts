import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { acceleratorTypes, auditLog, demandPlans, imports, providers, scenarios } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { insertCatalog, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { commitRegisterImport, previewRegisterImport } from "./import";

const TYPE_HEADER = "name,vendor,family,memory_gb,bf16_tflops,fp8_tflops,tdp_w,system_w,h100_equivalent";
const PLAN_HEADER =
  "name,kind,scenario,accelerator_family,accelerator_type,accelerators,h100_equivalents,start_date,end_date,priority,notes";

async function rowCounts(db: Db) {
  const [p] = await db.select({ n: count() }).from(providers);
  const [t] = await db.select({ n: count() }).from(acceleratorTypes);
  const [d] = await db.select({ n: count() }).from(demandPlans);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { providers: p!.n, types: t!.n, plans: d!.n, audit: a!.n };
}

describeOnEachEngine("register CSV import of providers, accelerator types and demand plans", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let scenarioId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    const [s] = await handle.db.insert(scenarios).values({ name: "Upside 2027" }).returning();
    scenarioId = s!.id;
  });
  afterAll(() => handle.close());
  const admin = () => roleCtx(handle.db, "admin");
  const load = (kind: string, content: string, role: "admin" | "infra" | "finance" | "viewer" = "admin") =>
    commitRegisterImport({ ctx: roleCtx(handle.db, role), input: { kind, fileName: `${kind}.csv`, content } });

  it("loads a providers file, kinds spelled as people type them, with an audit row each", async () => {
    const [a, b] = [uniq("Nebius"), uniq("Equinix")];
    const before = await rowCounts(handle.db);
    const result = await load("providers", `Name,Kind\n${a},Neocloud\n"${b}", colo \n`);
    expect(result).toMatchObject({ status: "succeeded", rows: 2, created: 2, errors: [] });
    const rows = await handle.db
      .select()
      .from(providers)
      .where(sql`${providers.name} in (${a}, ${b})`)
      .orderBy(providers.name);
    expect(rows.map((p) => [p.name, p.kind])).toEqual([
      [b, "colo"],
      [a, "neocloud"],
    ]);
    const after = await rowCounts(handle.db);
    expect(after.audit - before.audit).toBe(3);
  });

  it("refuses a providers file with a bad kind on line 3 and a name repeated on line 4, loading nothing", async () => {
    const [a, b] = [uniq("Lambda"), uniq("Crusoe")];
    const before = await rowCounts(handle.db);
    const result = await load("providers", `name,kind\n${a},neocloud\n${b},cloudy\n${a.toUpperCase()},neocloud\n`);
    expect(result).toMatchObject({ status: "failed", created: 0, errorCount: 2 });
    expect(result.errors).toEqual([
      { line: 3, column: "kind", message: "Kind must be hyperscaler, neocloud, colo or owned." },
      { line: 4, column: "name", message: `A provider named ${a} already exists.` },
    ]);
    expect(await rowCounts(handle.db)).toEqual(before);
  });

  it("loads accelerator types, defaulting a blank H100-equivalent factor to the nameplate one", async () => {
    const [a, b] = [uniq("MI355X"), uniq("B300")];
    const csv = [TYPE_HEADER, `${a},AMD,MI355X,288,2500,5000,1400,2000,`, `${b},NVIDIA,B300,288,2250.5,,,2600,2.3`].join("\r\n");
    const result = await load("accelerator_types", csv);
    expect(result).toMatchObject({ status: "succeeded", created: 2, errors: [] });
    const rows = await handle.db
      .select()
      .from(acceleratorTypes)
      .where(sql`${acceleratorTypes.name} in (${a}, ${b})`)
      .orderBy(acceleratorTypes.family);
    expect(rows.map((t) => [t.family, t.bf16Tflops, t.fp8Tflops, t.tdpW, t.systemW, t.h100Equivalent])).toEqual([
      ["B300", "2250.5", null, null, 2600, "2.3000"],
      ["MI355X", "2500.0", "5000.0", 1400, 2000, "2.5268"], // 2500 ÷ 989.4 = 2.52678…
    ]);
  });

  it("refuses an accelerator type with fractional watts on line 3, loading nothing, and names line and column", async () => {
    const before = await rowCounts(handle.db);
    const csv = [TYPE_HEADER, `${uniq("T")},AMD,MI355X,288,2500,,,2000,`, `${uniq("T")},AMD,MI355X,288,2500,,,2000.5,`].join("\n");
    const result = await load("accelerator_types", csv);
    expect(result).toMatchObject({ status: "failed", created: 0, errorCount: 1 });
    expect(result.errors).toEqual([{ line: 3, column: "system_w", message: "System power must be a whole number of watts." }]);
    expect(await rowCounts(handle.db)).toEqual(before);
  });

  it("loads demand plans, one row per plan and period, resolving scenario and type by name, priority blank = 3", async () => {
    const name = uniq("Pretraining");
    const csv = [
      PLAN_HEADER,
      `${name},Training,,H100,${catalog.type.name},4096,,2027-01-01,2027-07-01,1,First half`,
      `${name},training,,H100,,8192,,2027-07-01,2028-01-01,,Second half`,
      `${name} upside,Inference,upside 2027,H100,,,1500.5,2027-03-01,2027-09-01,5,`,
    ].join("\n");
    const result = await load("demand_plans", csv, "infra");
    expect(result).toMatchObject({ status: "succeeded", created: 3, errors: [] });
    expect(result.sample[0]!.values).toMatchObject({ accelerator_type: catalog.type.name, scenario: "", accelerators: "4096" });
    expect(result.sample[2]!.values).toMatchObject({ scenario: "Upside 2027", h100_equivalents: "1500.50" });
    const rows = await handle.db
      .select()
      .from(demandPlans)
      .where(sql`${demandPlans.name} like ${`${name}%`}`)
      .orderBy(demandPlans.startDate);
    expect(rows.map((p) => [p.kind, p.scenarioId, p.acceleratorTypeId, p.accelerators, p.h100Equivalents, p.priority, p.endDate])).toEqual([
      ["training", null, catalog.type.id, 4096, null, 1, "2027-07-01"],
      ["inference", scenarioId, null, null, "1500.50", 5, "2027-09-01"],
      ["training", null, null, 8192, null, 3, "2028-01-01"],
    ]);
  });

  it("refuses demand plans with an unknown scenario, a sizeless row and a backwards period, by line and column, loading nothing", async () => {
    const name = uniq("Bad plan");
    const csv = [
      PLAN_HEADER,
      `${name} ok,training,,H100,,64,,2027-01-01,2027-02-01,,`,
      `${name} a,training,Downside,H100,,64,,2027-01-01,2027-02-01,,`,
      `${name} b,research,,H100,,,,2027-01-01,2027-02-01,,`,
      `${name} c,training,,H100,,64,,2027-03-01,2027-02-01,,`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await load("demand_plans", csv, "infra");
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([
      { line: 3, column: "scenario", message: 'No scenario is named "Downside".' },
      { line: 4, column: "accelerators", message: "Give the plan's size: accelerators, H100-equivalents or both." },
      { line: 5, column: "end_date", message: "The end date must be after the start date." },
    ]);
    expect(await rowCounts(handle.db)).toEqual(before);
    const [failed] = await handle.db.select().from(imports).where(eq(imports.id, result.importId!));
    expect(failed).toMatchObject({ kind: "demand_plans", status: "failed" });
  });

  it("refuses a viewer every new kind, infra and finance the catalogs, finance demand plans, and changes nothing", async () => {
    const before = await rowCounts(handle.db);
    const files = {
      providers: `name,kind\n${uniq("P")},colo\n`,
      accelerator_types: `${TYPE_HEADER}\n${uniq("T")},AMD,MI355X,288,2500,,,2000,\n`,
      demand_plans: `${PLAN_HEADER}\n${uniq("D")},training,,H100,,64,,2027-01-01,2027-02-01,,\n`,
    };
    for (const [role, kind] of [
      ["viewer", "providers"],
      ["viewer", "accelerator_types"],
      ["viewer", "demand_plans"],
      ["infra", "providers"],
      ["infra", "accelerator_types"],
      ["finance", "accelerator_types"],
      ["finance", "demand_plans"],
    ] as const) {
      const input = { kind, fileName: "x.csv", content: files[kind] };
      await expect(commitRegisterImport({ ctx: roleCtx(handle.db, role), input })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(previewRegisterImport({ ctx: roleCtx(handle.db, role), input })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await rowCounts(handle.db)).toEqual(before);
    expect(
      (await previewRegisterImport({ ctx: admin(), input: { kind: "providers", fileName: "x.csv", content: files.providers } })).status,
    ).toBe("valid");
  });
});
