import { afterAll, beforeAll, expect, it } from "vitest";
import { inBatches } from "@/lib/csv/response";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, apiKeys, powerBudgets, providers, reservations, sites, users } from "@/lib/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import type { HeadroomPoint } from "@/lib/metrics/power-headroom";
import { getPowerPage } from "@/lib/queries/power";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { acceleratorRows, listAcceleratorTypes, parseAcceleratorListParams } from "./accelerator-types";
import { listApiKeys, parseApiKeyListParams } from "./api-keys";
import { listProviders, parseProviderListParams } from "./providers";
import { getSiteDetail } from "@/lib/queries/sites/detail";
import { listSites, parseSiteListParams, siteRows } from "@/lib/queries/sites";
import { listUsers, parseUserListParams } from "./users";

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describeOnEachEngine("site and settings lists", (engine) => {
  let handle: DbHandle;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    const [oci, azure] = await db
      .insert(providers)
      .values([
        { name: "Oracle OCI", kind: "hyperscaler" },
        { name: "Azure", kind: "hyperscaler" },
      ])
      .returning();
    await db.insert(providers).values({ name: "Old colo", kind: "colo", archivedAt: new Date() });
    ids.oci = oci!.id;
    const siteRowsIn = [
      { name: "Abilene", providerId: oci!.id, regionCode: "us-abilene-1", country: "US", pue: "1.25" },
      { name: "Phoenix", providerId: oci!.id, regionCode: "us-phoenix-1", country: "US", pue: "1.40" },
      { name: "Gävle", providerId: azure!.id, regionCode: "swedencentral", country: "SE", pue: "1.15" },
      { name: "Closed", providerId: azure!.id, regionCode: "x", country: "US", pue: "1.5", archivedAt: new Date() },
    ];
    for (let i = 0; i < 7; i++)
      siteRowsIn.push({ name: `Edge ${i}`, providerId: azure!.id, regionCode: `edge-${i}`, country: "NL", pue: "1.10" });
    const inserted = await db.insert(sites).values(siteRowsIn).returning();
    for (const s of inserted) ids[s.name] = s.id;
    // Today's budget: Abilene 300 MW (open), Phoenix 50 MW (open), others none.
    await db.insert(powerBudgets).values([
      { siteId: ids.Abilene!, effectiveFrom: "2020-01-01", effectiveTo: null, contractedMw: "300" },
      { siteId: ids.Phoenix!, effectiveFrom: "2020-01-01", effectiveTo: null, contractedMw: "50" },
    ]);
    const [h100] = await db
      .insert(acceleratorTypes)
      .values([
        {
          name: "NVIDIA H100 SXM",
          vendor: "NVIDIA",
          family: "H100",
          memoryGb: "80",
          bf16Tflops: "989.4",
          systemW: 1250,
          h100Equivalent: "1",
        },
        {
          name: "NVIDIA B200",
          vendor: "NVIDIA",
          family: "B200",
          memoryGb: "180",
          bf16Tflops: "2250",
          systemW: 2000,
          h100Equivalent: "2.5",
        },
        { name: "TPU v5p", vendor: "Google", family: "TPU v5p", memoryGb: "95", bf16Tflops: "459", systemW: 700, h100Equivalent: "0.4639" },
      ])
      .returning();
    // Phoenix: 40,000 × 1,250 W = 50 MW IT × 1.4 = 70 MW facility from a year ago to 10 years ahead: over its 50 MW budget.
    const now = Date.now();
    await db.insert(reservations).values({
      name: "PHX-1",
      providerId: oci!.id,
      siteId: ids.Phoenix!,
      acceleratorTypeId: h100!.id,
      quantity: 40_000,
      startAt: new Date(now - 365 * 86_400_000),
      endAt: new Date(now + 3650 * 86_400_000),
      pricingModel: "reserved",
      rate: "2",
      status: "active",
    });
    ids.h100 = h100!.id;
    await db.insert(users).values([
      { email: "a@example.com", name: "A", role: "admin" },
      { email: "f@example.com", name: "F", role: "finance" },
      { email: "v@example.com", name: "V", role: "viewer", disabled: true },
    ]);
    await db.insert(apiKeys).values([
      { name: "push", prefix: "hr_aaaaaaaa", keyHash: "h1", role: "infra" },
      { name: "old", prefix: "hr_bbbbbbbb", keyHash: "h2", role: "viewer", revokedAt: new Date() },
    ]);
  });
  afterAll(() => handle.close());
  const viewer = () => roleCtx(handle.db, "viewer");
  const admin = () => roleCtx(handle.db, "admin");

  it("lists current sites only by default, sorted by name, with today's budget and accelerators", async () => {
    const result = await listSites(viewer(), parseSiteListParams({ size: "100" }));
    expect(result.total).toBe(10);
    expect(result.rows.map((r) => r.name).slice(0, 4)).toEqual(["Abilene", "Edge 0", "Edge 1", "Edge 2"]);
    const phoenix = result.rows.find((r) => r.name === "Phoenix");
    expect(phoenix).toMatchObject({ budgetMwToday: "50.000", acceleratorsNow: 40_000, providerName: "Oracle OCI" });
  });

  it("filters sites by provider, country, search and archived state, and sorts by budget", async () => {
    expect((await listSites(viewer(), parseSiteListParams({ provider: ids.oci }))).rows.map((r) => r.name)).toEqual(["Abilene", "Phoenix"]);
    expect((await listSites(viewer(), parseSiteListParams({ country: "se" }))).rows.map((r) => r.name)).toEqual(["Gävle"]);
    expect((await listSites(viewer(), parseSiteListParams({ q: "PHOEN" }))).rows.map((r) => r.name)).toEqual(["Phoenix"]);
    expect((await listSites(viewer(), parseSiteListParams({ archived: "only" }))).rows.map((r) => r.name)).toEqual(["Closed"]);
    const byBudget = await listSites(viewer(), parseSiteListParams({ sort: "budget", dir: "desc" }));
    expect(byBudget.rows.slice(0, 2).map((r) => r.name)).toEqual(["Abilene", "Phoenix"]);
  });

  it("pages sites in SQL and the export reads exactly the filtered rows in batches", async () => {
    const params = parseSiteListParams({ country: "NL", size: "25", sort: "name", dir: "desc" });
    const page = await listSites(viewer(), { ...params, pageSize: 25 });
    expect(page.total).toBe(7);
    const exported = await collect(inBatches((offset, limit) => siteRows(viewer(), params, offset, limit), 3));
    expect(exported.map((r) => r.name)).toEqual(["Edge 6", "Edge 5", "Edge 4", "Edge 3", "Edge 2", "Edge 1", "Edge 0"]);
    const second = await listSites(viewer(), { ...params, pageSize: 25, page: 1 });
    expect(second.rows.map((r) => r.name)).toEqual(exported.map((r) => r.name));
  });

  it("projects a site's facility load against its budget for 24 months as /power does, and flags each month over", async () => {
    const asOf = new Date();
    const detail = await getSiteDetail(viewer(), ids.Phoenix!, asOf);
    expect(detail!.power.site!.monthly).toHaveLength(24);
    expect(detail!.power.months).toHaveLength(24);
    // 40,000 × 1,250 W ÷ 10⁶ = 50 MW IT × 1.40 = 70 MW facility vs 50 MW: −20 MW every month.
    for (const m of detail!.power.site!.monthly) {
      expect([m.itMw.toString(), m.facilityMw.toString(), m.headroomMw.toString(), m.overBudget]).toEqual(["50", "70", "-20", true]);
    }
    expect(detail!.power.causes!.blocks.map((b) => b.name)).toEqual(["PHX-1"]);
    // the same numbers as /power (default range) for the site
    const power = await getPowerPage(viewer(), parsePlanningFilters({}, { now: asOf, defaults: { range: "24m" } }), null, asOf);
    const shape = (monthly: HeadroomPoint[]) =>
      monthly.map((m) => [
        m.at.toISOString(),
        String(m.budgetMw),
        String(m.itMw),
        String(m.facilityMw),
        String(m.headroomMw),
        m.overBudget,
      ]);
    for (const name of ["Phoenix", "Abilene"]) {
      const site = await getSiteDetail(viewer(), ids[name]!, asOf);
      expect(shape(site!.power.site!.monthly)).toEqual(shape(power.sites.find((s) => s.siteId === ids[name])!.monthly));
    }
    const abilene = await getSiteDetail(viewer(), ids.Abilene!, asOf);
    expect(abilene!.power.site!.monthly.every((m) => !m.overBudget && m.budgetMw.toString() === "300")).toBe(true);
    expect(abilene!.power.causes).toBeNull();
    // No budget (Gävle) or archived (Closed): /power does not rank them, and the site page shows no headroom
    for (const name of ["Gävle", "Closed"]) expect((await getSiteDetail(viewer(), ids[name]!, asOf))!.power.site).toBeNull();
    expect(await getSiteDetail(viewer(), "not-a-uuid")).toBeNull();
  });

  it("lists providers with site counts and filters by kind and archived state", async () => {
    const result = await listProviders(viewer(), parseProviderListParams({ sort: "sites", dir: "desc" }));
    expect(result.rows.map((r) => [r.name, r.siteCount])).toEqual([
      ["Azure", 8],
      ["Oracle OCI", 2],
    ]);
    expect((await listProviders(viewer(), parseProviderListParams({ archived: "only" }))).rows.map((r) => r.name)).toEqual(["Old colo"]);
    expect((await listProviders(viewer(), parseProviderListParams({ kind: "colo", archived: "all" }))).total).toBe(1);
  });

  it("lists accelerator types with the nameplate factor beside the one in use", async () => {
    const result = await listAcceleratorTypes(viewer(), parseAcceleratorListParams({ sort: "h100e", dir: "desc" }));
    expect(result.rows.map((r) => [r.name, r.h100Equivalent, r.nameplateH100e])).toEqual([
      ["NVIDIA B200", "2.5000", "2.2741"],
      ["NVIDIA H100 SXM", "1.0000", "1.0000"],
      ["TPU v5p", "0.4639", "0.4639"],
    ]);
    expect(result.rows.find((r) => r.name === "NVIDIA H100 SXM")?.reservationCount).toBe(1);
    expect(result.rows.find((r) => r.name === "NVIDIA B200")?.reservationCount).toBe(0);
    const google = await acceleratorRows(viewer(), parseAcceleratorListParams({ vendor: "Google" }), 0, 10);
    expect(google.map((r) => r.name)).toEqual(["TPU v5p"]);
  });

  it("lists users and API keys to admins only, filtered by status", async () => {
    await expect(listUsers(viewer(), parseUserListParams({}))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listApiKeys(roleCtx(handle.db, "infra"), parseApiKeyListParams({}))).rejects.toBeInstanceOf(ForbiddenError);
    const disabled = await listUsers(admin(), parseUserListParams({ status: "disabled" }));
    expect(disabled.rows.map((u) => u.email)).toEqual(["v@example.com"]);
    expect(disabled.rows[0]).not.toHaveProperty("passwordHash");
    const active = await listApiKeys(admin(), parseApiKeyListParams({ status: "active" }));
    expect(active.rows.map((k) => k.name)).toEqual(["push"]);
    expect(active.rows[0]).not.toHaveProperty("keyHash");
    expect((await listApiKeys(admin(), parseApiKeyListParams({ status: "revoked" }))).rows.map((k) => k.name)).toEqual(["old"]);
  });
});
