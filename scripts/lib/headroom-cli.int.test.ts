import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { auditLog, demandPlans, imports, jobRuns, providers, sites, teams, users, workloads } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { insertCatalog, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { runHeadroom } from "./headroom-cli";
import { JOBS } from "@/lib/jobs/definitions";

// The CLI's main function against a test database: the same register import verbs as the page, exit code and output.
describeOnEachEngine("npm run headroom -- import <kind>", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let dir: string;
  let closed = 0;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db);
    await handle.db.insert(users).values({ email: "viewer-cli@example.com", name: "Vi", role: "viewer" });
    await handle.db.insert(users).values({ email: "infra-cli@example.com", name: "In", role: "infra" });
    dir = mkdtempSync(path.join(tmpdir(), "headroom-doors-cli-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  });

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const code = await runHeadroom(argv, {
      open: async () => ({ ...handle, close: async () => void closed++ }),
      out: (line) => out.push(line),
      progress: () => {},
    });
    return { code, out: out.join("\n") };
  }

  function file(name: string, content: string): string {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  }

  const auditRows = async () => (await handle.db.select({ n: count() }).from(auditLog))[0]!.n;

  it("imports a providers file with --json, printing the result, and exits 0", async () => {
    const [a, b] = [uniq("CLI neocloud"), uniq("CLI colo")];
    const before = closed;
    const { code, out } = await cli("import", "providers", file("providers.csv", `name,kind\n${a},neocloud\n${b},colo\n`), "--json");
    expect(code).toBe(0);
    const result = JSON.parse(out) as { status: string; created: number; kind: string; importId: number };
    expect(result).toMatchObject({ kind: "providers", status: "succeeded", created: 2, fileName: "providers.csv" });
    const rows = await handle.db
      .select()
      .from(providers)
      .where(sql`${providers.name} in (${a}, ${b})`);
    expect(rows).toHaveLength(2);
    const [imp] = await handle.db.select().from(imports).where(eq(imports.id, result.importId));
    expect(imp).toMatchObject({ kind: "providers", status: "succeeded", rows: 2 });
    expect(closed).toBe(before + 1);
  });

  it("refuses a demand plans file with a bad row, printing its line and column, loads nothing and exits 1", async () => {
    const name = uniq("CLI plan");
    const csv = [
      "name,kind,scenario,accelerator_family,accelerators,start_date,end_date",
      `${name} a,training,,H100,64,2027-01-01,2027-02-01`,
      `${name} b,training,Nowhere,H100,64,2027-01-01,2027-02-01`,
    ].join("\n");
    const audits = await auditRows();
    const { code, out } = await cli("import", "demand_plans", file("plans.csv", csv), "--as", "infra-cli@example.com");
    expect(code).toBe(1);
    expect(out).toMatch(/^plans\.csv was rejected; nothing was loaded \(import #\d+\)\. 1 error in 2 rows:$/m);
    expect(out).toContain('  line 3, scenario: No scenario is named "Nowhere".');
    expect(
      await handle.db
        .select()
        .from(demandPlans)
        .where(sql`${demandPlans.name} like ${`${name}%`}`),
    ).toEqual([]);
    expect(await auditRows()).toBe(audits);
  });

  it("checks a file with --check without loading it, and imports it as a named user", async () => {
    const site = uniq("CLI site");
    const csv = file("sites.csv", `name,provider,region_code,country,pue\n${site},${catalog.provider.name},eu-9,NL,1.15\n`);
    const checked = await cli("import", "sites", csv, "--check", "--as", "infra-cli@example.com");
    expect(checked).toEqual({ code: 0, out: "All 1 row of sites.csv are valid; nothing was loaded (--check)." });
    expect(await handle.db.select().from(sites).where(eq(sites.name, site))).toEqual([]);
    const loaded = await cli("import", "sites", csv, "--as", "infra-cli@example.com");
    expect(loaded.code).toBe(0);
    expect(loaded.out).toMatch(/^Imported 1 site from sites\.csv as import #\d+\.$/);
    const [row] = await handle.db.select().from(sites).where(eq(sites.name, site));
    expect(row).toMatchObject({ updatedBy: "infra-cli@example.com", country: "NL" });
  });

  it("imports teams, then their workloads, as an infra lead", async () => {
    const org = uniq("CLI org");
    const teamsCsv = file("teams.csv", `name,cost_centre,parent_team\n${org},CC-7,\n${org} API,CC-71,${org}\n`);
    const t = await cli("import", "teams", teamsCsv, "--as", "infra-cli@example.com");
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^Imported 2 teams from teams\.csv as import #\d+\.$/);
    const [child] = await handle.db
      .select()
      .from(teams)
      .where(eq(teams.name, `${org} API`));
    const [parent] = await handle.db.select().from(teams).where(eq(teams.name, org));
    expect(child!.parentId).toBe(parent!.id);
    const w = await cli(
      "import",
      "workloads",
      file("workloads.csv", `name,kind,team,active_from,sale_price,currency\n${org} resale,external,${org} API,2026-01-01,4.2,USD\n`),
      "--as",
      "infra-cli@example.com",
    );
    expect(w.code).toBe(0);
    const [row] = await handle.db
      .select()
      .from(workloads)
      .where(eq(workloads.name, `${org} resale`));
    expect(row).toMatchObject({ teamId: child!.id, salePrice: "4.200000", updatedBy: "infra-cli@example.com" });
  });

  it("refuses a viewer with the permission error and changes nothing", async () => {
    const audits = await auditRows();
    const csv = file("viewer.csv", `name,kind\n${uniq("Viewer cloud")},colo\n`);
    await expect(cli("import", "providers", csv, "--as", "viewer-cli@example.com")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cli("import", "providers", csv, "--as", "nobody@example.com")).rejects.toThrow(/No active user/);
    expect(await auditRows()).toBe(audits);
  });

  it("prints the usage with every register kind for an unknown kind or a missing file, exiting 2", async () => {
    const unknown = await cli("import", "widgets", "x.csv");
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain(
      "import <providers|accelerator_types|sites|power_budgets|contracts|reservations|teams|workloads|allocations|demand_plans|offers> FILE [--check] [--json] [--as EMAIL]",
    );
    expect(unknown.out).toContain("import business-metrics FILE [--json] [--as EMAIL]");
    expect((await cli("import", "providers")).code).toBe(2);
    expect((await cli()).code).toBe(0);
    await expect(cli("import", "providers", path.join(dir, "missing.csv"))).rejects.toThrow(/No such file/);
  });

  it("imports business metrics by workload name, refuses a bad line by column, and refuses a viewer", async () => {
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("CLI product") })
      .returning();
    const name = uniq("CLI chat");
    await handle.db.insert(workloads).values({ name, kind: "inference", teamId: team!.id, activeFrom: "2026-01-01" });
    const good = file(
      "metrics.csv",
      `workload,metric,day,value\n${name},tokens_served,2026-03-01,250000000000\n${name},tokens_served,2026-03-02,260000000000\n`,
    );
    const ok = await cli("import", "business-metrics", good, "--as", "infra-cli@example.com");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      /^Imported 2 daily values from metrics\.csv as import #\d+\.\n {2}1 workloads, metrics tokens_served, 2026-03-01 to 2026-03-02; 0 replaced/,
    );
    const bad = await cli(
      "import",
      "business-metrics",
      file("bad.csv", `workload,metric,day,value\n${name},tokens_served,2026-03-03,-1\n`),
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('line 2, value: "-1" is not a number of 0 or more.');
    await expect(cli("import", "business-metrics", good, "--as", "viewer-cli@example.com")).rejects.toBeInstanceOf(ForbiddenError);
    const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from business_metrics`);
    expect(Number(row!.n)).toBe(2);
  });

  it("jobs run NAME runs a job now as the command line and jobs list shows its last run; a viewer and an unknown job are refused", async () => {
    const run = await cli("jobs", "run", "imports.recover");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^imports\.recover: No interrupted import\. \(\d+ ms\)$/);
    const [last] = await handle.db.select().from(jobRuns).where(eq(jobRuns.name, "imports.recover"));
    expect(last).toMatchObject({ trigger: "cli", status: "succeeded", actor: "cli" });
    const list = await cli("jobs", "list");
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^imports\.recover +\*\/5 \* \* \* \* +last: succeeded 20\d\d-/m);
    expect(list.out).toMatch(/^connectors\.sync +\* \* \* \* \* +last: never run$/m);
    await expect(cli("jobs", "run", "imports.recover", "--as", "viewer-cli@example.com")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cli("jobs", "run", "no.such")).rejects.toThrow(`No job is named "no.such". Jobs: ${JOBS.map((j) => j.name).join(", ")}.`);
    expect((await cli("jobs", "run")).code).toBe(2);
  });
});
