import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db, DbHandle } from "@/lib/db/client";
import { auditLog, demandPlans, teams, workloads } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { insertCatalog, roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { commitRegisterImport, previewRegisterImport } from "./import";

async function rowCounts(db: Db) {
  const [t] = await db.select({ n: count() }).from(teams);
  const [w] = await db.select({ n: count() }).from(workloads);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { teams: t!.n, workloads: w!.n, audit: a!.n };
}

describeOnEachEngine("register CSV import of teams and workloads", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await insertCatalog(handle.db, "allocation-import");
  });
  afterAll(() => handle.close());
  const load = (kind: "teams" | "workloads" | "demand_plans", content: string, role: "infra" | "finance" | "viewer" = "finance") =>
    commitRegisterImport({ ctx: roleCtx(handle.db, role), input: { kind, fileName: `${kind}.csv`, content } });

  it("loads a hierarchy whose parents are rows above their sub-teams, audited per team", async () => {
    const org = uniq("Research");
    const csv = [
      "name,cost_centre,parent_team",
      `${org},CC-1000,`,
      `Pre-training ${org},CC-1100,${org}`,
      `Data ${org},,Pre-training ${org}`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await load("teams", csv);
    expect(result).toMatchObject({ status: "succeeded", rows: 3, created: 3, errors: [] });
    expect(result.sample[2]!.values).toEqual({ name: `Data ${org}`, cost_centre: "", parent_team: `Pre-training ${org}` });
    const after = await rowCounts(handle.db);
    expect(after.teams - before.teams).toBe(3);
    expect(after.audit - before.audit).toBe(4); // three team.create and the import.register
  });

  it("refuses a file whose fifth level or unknown parent is named, by line and column, loading nothing", async () => {
    const a = uniq("L1");
    const csv = [
      "name,cost_centre,parent_team",
      `${a},,`,
      `${a}-2,,${a}`,
      `${a}-3,,${a}-2`,
      `${a}-4,,${a}-3`,
      `${a}-5,,${a}-4`,
      `${a}-x,,Nowhere ${a}`,
    ].join("\n");
    const before = await rowCounts(handle.db);
    const result = await load("teams", csv);
    expect(result.status).toBe("failed");
    expect(result.errors).toEqual([
      {
        line: 6,
        column: "parent_team",
        message: `Teams nest at most 4 levels deep: ${a}-4 is at level 4 (${a} › ${a}-2 › ${a}-3 › ${a}-4), so ${a}-5 would reach level 5.`,
      },
      { line: 7, column: "parent_team", message: `No parent team is named "Nowhere ${a}".` },
    ]);
    expect(await rowCounts(handle.db)).toEqual({ ...before, audit: before.audit });
  });

  it("loads workloads with kinds as people type them and an exact sale price; refuses a price on an internal one", async () => {
    const owner = uniq("Platform");
    await load("teams", `name\n${owner}\n`);
    const ok = await load(
      "workloads",
      [
        "name,kind,team,active_from,active_to,sale_price,currency,notes",
        `Resale ${owner},External,${owner},2026-01-01,2027-01-01,3.141593,usd,`,
        `Evals ${owner},Platform,${owner},2026-01-01,,,,`,
      ].join("\n"),
    );
    expect(ok).toMatchObject({ status: "succeeded", created: 2 });
    const [resale] = await handle.db
      .select()
      .from(workloads)
      .where(eq(workloads.name, `Resale ${owner}`));
    expect(resale).toMatchObject({ kind: "external", salePrice: "3.141593", currency: "USD", activeTo: "2027-01-01" });
    const bad = await previewRegisterImport({
      ctx: roleCtx(handle.db, "infra"),
      input: {
        kind: "workloads",
        fileName: "w.csv",
        content: `name,kind,team,active_from,sale_price\nX ${owner},training,${owner},2026-01-01,2\n`,
      },
    });
    expect(bad.errors).toEqual([
      { line: 2, column: "sale_price", message: "A sale price is for external workloads only; leave it blank." },
    ]);
  });

  it("ties imported demand plans to a workload by name", async () => {
    const owner = uniq("Product");
    await load("teams", `name\n${owner}\n`);
    await load("workloads", `name,kind,team,active_from\nChat ${owner},inference,${owner},2026-01-01\n`);
    const result = await load(
      "demand_plans",
      `name,kind,workload,accelerator_family,accelerators,start_date,end_date\nGrowth ${owner},inference,Chat ${owner},H100,64,2027-01-01,2027-04-01\n`,
      "infra",
    );
    expect(result).toMatchObject({ status: "succeeded", created: 1 });
    expect(result.sample[0]!.values.workload).toBe(`Chat ${owner}`);
    const [plan] = await handle.db
      .select()
      .from(demandPlans)
      .where(eq(demandPlans.name, `Growth ${owner}`));
    const [w] = await handle.db
      .select()
      .from(workloads)
      .where(eq(workloads.name, `Chat ${owner}`));
    expect(plan!.workloadId).toBe(w!.id);
  });

  it("refuses a viewer, loading nothing", async () => {
    const before = await rowCounts(handle.db);
    await expect(load("teams", `name\n${uniq("No")}\n`, "viewer")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await rowCounts(handle.db)).toEqual(before);
  });
});
