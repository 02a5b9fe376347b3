import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { auditLog, powerBudgets, providers, sites } from "@/lib/db/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { createPowerBudget } from "../power-budgets/create";
import { deletePowerBudget } from "../power-budgets/delete";
import { updatePowerBudget } from "../power-budgets/update";
import { archiveSite, unarchiveSite } from "./archive";
import { createSite } from "./create";
import { updateSite } from "./update";

async function failure(p: Promise<unknown>): Promise<ValidationError | ConflictError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ValidationError || e instanceof ConflictError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describeOnEachEngine("site and power budget verbs", (engine) => {
  let handle: DbHandle;
  let infra: Ctx;
  let providerId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    infra = roleCtx(handle.db, "infra");
    const [p] = await handle.db.insert(providers).values({ name: "Oracle OCI", kind: "hyperscaler" }).returning();
    providerId = p!.id;
  });
  afterAll(() => handle.close());

  const newSite = (name = uniq("Abilene")) =>
    createSite({ ctx: infra, input: { name, providerId, regionCode: "us-abilene-1", country: "us", pue: "1.25" } });

  describe("sites", () => {
    it("creates a site with an upper-cased country and an audit row in the same transaction", async () => {
      const site = await newSite();
      expect(site.country).toBe("US");
      expect(site.pue).toBe("1.25");
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, site.id));
      expect(entry?.action).toBe("site.create");
      expect(entry?.actor).toBe("infra@example.com");
    });

    it("refuses a PUE outside 1–3, a country that is not ISO-2 and an unknown provider, field by field", async () => {
      const e = await failure(createSite({ ctx: infra, input: { name: "Bad", providerId, regionCode: "x", country: "USA", pue: "0.9" } }));
      expect((e as ValidationError).fieldErrors.pue?.[0]).toMatch(/between 1 and 3/);
      expect((e as ValidationError).fieldErrors.country?.[0]).toMatch(/two-letter/);
      const high = await failure(
        createSite({ ctx: infra, input: { name: "Bad", providerId, regionCode: "x", country: "US", pue: "3.01" } }),
      );
      expect((high as ValidationError).fieldErrors.pue?.[0]).toMatch(/at most 3/);
      const fake = await failure(
        createSite({ ctx: infra, input: { name: "Bad", providerId, regionCode: "x", country: "ZZ", pue: "1.1" } }),
      );
      expect((fake as ValidationError).fieldErrors.country?.[0]).toMatch(/not an ISO 3166/);
      const unknown = await failure(
        createSite({
          ctx: infra,
          input: { name: "Bad", providerId: "00000000-0000-4000-8000-000000000000", regionCode: "x", country: "US", pue: "1.1" },
        }),
      );
      expect((unknown as ValidationError).fieldErrors.providerId?.[0]).toMatch(/does not exist/);
      expect(await handle.db.select().from(sites).where(eq(sites.name, "Bad"))).toHaveLength(0);
    });

    it("refuses a second site with the same name in another case", async () => {
      const site = await newSite();
      const e = await failure(newSite(site.name.toUpperCase()));
      expect((e as ValidationError).fieldErrors.name?.[0]).toMatch(/already exists/);
    });

    it("refuses a stale edit, lists what changed meanwhile and keeps the newer value", async () => {
      const site = await newSite();
      await updateSite({ ctx: roleCtx(handle.db, "admin"), input: { id: site.id, version: 1, changes: { pue: "1.40" } } });
      const e = await failure(updateSite({ ctx: infra, input: { id: site.id, version: 1, changes: { regionCode: "changed" } } }));
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).changedBy).toBe("admin@example.com");
      expect((e as ConflictError).changes).toContainEqual({ field: "pue", before: "1.25", after: "1.40" });
      const [row] = await handle.db.select().from(sites).where(eq(sites.id, site.id));
      expect(row).toMatchObject({ pue: "1.40", regionCode: "us-abilene-1", version: 2 });
    });

    it("archives and restores a site, keeping its budgets", async () => {
      const site = await newSite();
      await createPowerBudget({
        ctx: infra,
        input: { siteId: site.id, effectiveFrom: "2026-01-01", effectiveTo: null, contractedMw: "200" },
      });
      const archived = await archiveSite({ ctx: infra, input: { id: site.id, version: 1 } });
      expect(archived.archivedAt).not.toBeNull();
      await expect(archiveSite({ ctx: infra, input: { id: site.id, version: 2 } })).rejects.toThrow(/already archived/);
      const restored = await unarchiveSite({ ctx: infra, input: { id: site.id, version: 2 } });
      expect(restored.archivedAt).toBeNull();
      expect(await handle.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, site.id))).toHaveLength(1);
    });
  });

  describe("power budgets", () => {
    it("accepts a ramp of adjacent steps ending in an open one", async () => {
      const site = await newSite();
      for (const [from, to, mw] of [
        ["2026-01-01", "2027-01-01", "200"],
        ["2027-01-01", "2028-01-01", "600"],
        ["2028-01-01", null, "1200"],
      ] as const) {
        await createPowerBudget({ ctx: infra, input: { siteId: site.id, effectiveFrom: from, effectiveTo: to, contractedMw: mw } });
      }
      const rows = await handle.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, site.id));
      expect(rows.map((r) => r.contractedMw).sort()).toEqual(["1200.000", "200.000", "600.000"]);
    });

    it("refuses a step overlapping another, including an open-ended one, and saves nothing", async () => {
      const site = await newSite();
      const base = { siteId: site.id, contractedMw: "100" };
      await createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2026-01-01", effectiveTo: "2027-01-01" } });
      await createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2028-01-01", effectiveTo: null } });
      const inside = await failure(
        createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2026-06-01", effectiveTo: "2026-07-01" } }),
      );
      expect((inside as ValidationError).fieldErrors.effectiveFrom?.[0]).toMatch(
        /already has a budget of 100 MW from 2026-01-01 to 2027-01-01/,
      );
      const late = await failure(
        createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2030-01-01", effectiveTo: "2031-01-01" } }),
      );
      expect((late as ValidationError).message).toMatch(/from 2028-01-01 onwards/);
      const open = await failure(createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2027-06-01", effectiveTo: null } }));
      expect((open as ValidationError).message).toMatch(/2028-01-01 onwards/);
      await createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2027-01-01", effectiveTo: "2028-01-01" } });
      expect(await handle.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, site.id))).toHaveLength(3);
    });

    it("lets another site use the same period", async () => {
      const a = await newSite();
      const b = await newSite();
      for (const site of [a, b]) {
        await createPowerBudget({
          ctx: infra,
          input: { siteId: site.id, effectiveFrom: "2026-01-01", effectiveTo: null, contractedMw: "50" },
        });
      }
      expect(await handle.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, b.id))).toHaveLength(1);
    });

    it("refuses zero MW and an end not after the start", async () => {
      const site = await newSite();
      const zero = await failure(
        createPowerBudget({ ctx: infra, input: { siteId: site.id, effectiveFrom: "2026-01-01", effectiveTo: "", contractedMw: "0" } }),
      );
      expect((zero as ValidationError).fieldErrors.contractedMw?.[0]).toMatch(/more than 0/);
      const backwards = await failure(
        createPowerBudget({
          ctx: infra,
          input: { siteId: site.id, effectiveFrom: "2026-01-01", effectiveTo: "2026-01-01", contractedMw: "5" },
        }),
      );
      expect((backwards as ValidationError).fieldErrors.effectiveTo?.[0]).toMatch(/after the start/);
    });

    it("refuses an edit that would make a step overlap its neighbour", async () => {
      const site = await newSite();
      const base = { siteId: site.id, contractedMw: "100" };
      const first = await createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2026-01-01", effectiveTo: "2027-01-01" } });
      await createPowerBudget({ ctx: infra, input: { ...base, effectiveFrom: "2027-01-01", effectiveTo: null } });
      const e = await failure(
        updatePowerBudget({ ctx: infra, input: { id: first.id, version: 1, changes: { effectiveTo: "2027-02-01" } } }),
      );
      expect(e.message).toMatch(/overlap/);
      const raised = await updatePowerBudget({ ctx: infra, input: { id: first.id, version: 1, changes: { contractedMw: "150" } } });
      expect(raised).toMatchObject({ contractedMw: "150.000", version: 2 });
    });

    it("refuses a stale edit of a step with the change made meanwhile", async () => {
      const site = await newSite();
      const step = await createPowerBudget({
        ctx: infra,
        input: { siteId: site.id, effectiveFrom: "2026-01-01", effectiveTo: null, contractedMw: "80" },
      });
      await updatePowerBudget({ ctx: infra, input: { id: step.id, version: 1, changes: { contractedMw: "90" } } });
      const e = await failure(updatePowerBudget({ ctx: infra, input: { id: step.id, version: 1, changes: { contractedMw: "70" } } }));
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).changes).toContainEqual({ field: "contractedMw", before: "80.000", after: "90.000" });
      const [row] = await handle.db.select().from(powerBudgets).where(eq(powerBudgets.id, step.id));
      expect(row?.contractedMw).toBe("90.000");
    });

    it("removes a future step with an audit row keeping it, but not one already in force", async () => {
      const site = await newSite();
      const current = await createPowerBudget({
        ctx: infra,
        input: { siteId: site.id, effectiveFrom: "2020-01-01", effectiveTo: "2099-01-01", contractedMw: "10" },
      });
      const future = await createPowerBudget({
        ctx: infra,
        input: { siteId: site.id, effectiveFrom: "2099-01-01", effectiveTo: null, contractedMw: "20" },
      });
      await expect(deletePowerBudget({ ctx: infra, input: { id: current.id, version: 1 } })).rejects.toThrow(/already in force/);
      await deletePowerBudget({ ctx: infra, input: { id: future.id, version: 1 } });
      expect(await handle.db.select().from(powerBudgets).where(eq(powerBudgets.siteId, site.id))).toHaveLength(1);
      const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "power_budget.delete"));
      expect(entry?.before).toMatchObject({ id: future.id, contractedMw: "20.000", effectiveFrom: "2099-01-01" });
    });

    it("refuses a new step on an archived site", async () => {
      const site = await newSite();
      await archiveSite({ ctx: infra, input: { id: site.id, version: 1 } });
      const e = await failure(
        createPowerBudget({ ctx: infra, input: { siteId: site.id, effectiveFrom: "2026-01-01", effectiveTo: null, contractedMw: "5" } }),
      );
      expect((e as ValidationError).fieldErrors.siteId?.[0]).toMatch(/archived/);
    });
  });
});
