import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { auditLog, scenarios, sites } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { insertCatalog, insertReservationRow, roleCtx, uniq, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { archiveScenario, unarchiveScenario } from "./archive";
import { createScenario } from "./create";
import { updateScenario } from "./update";

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ValidationError)) throw new Error(`expected a validation refusal, got ${String(e)}`);
  return e;
}

describeOnEachEngine("scenario verbs", (engine) => {
  let handle: DbHandle;
  let infra: Ctx;
  let catalog: Catalog;
  let blockId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    infra = roleCtx(handle.db, "infra");
    catalog = await insertCatalog(handle.db);
    blockId = (await insertReservationRow(handle.db, catalog)).id;
  });
  afterAll(() => handle.close());

  const addition = (over: Record<string, unknown> = {}) => ({
    name: "Extra H100",
    providerId: catalog.provider.id,
    siteId: catalog.site.id,
    acceleratorTypeId: catalog.type.id,
    quantity: "512",
    startAt: "2026-06-01",
    endAt: "2027-06-01",
    pricingModel: "reserved",
    rate: "2.40",
    ...over,
  });

  it("creates a scenario with its overrides compacted, an audit row in the same transaction, and no register change", async () => {
    const registers = await queryRows<{ n: string }>(
      handle.db,
      sql`select count(*)::text || ':' || sum(version)::text as n from reservations`,
    );
    const created = await createScenario({
      ctx: infra,
      input: {
        name: "Bigger H100 fleet",
        description: "",
        overrides: {
          demandGrowthPct: "12.5",
          addReservations: [addition()],
          removeReservationIds: [],
          delaySlips: [],
          pueBySite: { [catalog.site.id]: "1.35" },
        },
      },
    });
    expect(created.description).toBeNull();
    expect(created.overrides).toEqual({
      demandGrowthPct: "12.5",
      addReservations: [{ ...addition(), quantity: 512, rate: "2.4" }],
      pueBySite: { [catalog.site.id]: "1.35" },
    });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "scenario.create", entityType: "scenario", actor: "infra@example.com" });
    expect(await queryRows(handle.db, sql`select count(*)::text || ':' || sum(version)::text as n from reservations`)).toEqual(registers);
  });

  it("refuses an added block at another provider's site, an unknown reservation, and a slip of a removed block, saving nothing", async () => {
    const count = async () => (await handle.db.select().from(scenarios)).length;
    const before = await count();
    const other = await refusal(
      createScenario({
        ctx: infra,
        input: { name: uniq("S"), overrides: { addReservations: [addition({ providerId: catalog.other.id })] } },
      }),
    );
    expect(other.fieldErrors["overrides.addReservations.0.siteId"]?.[0]).toMatch(/belongs to another provider/);
    const unknown = await refusal(
      createScenario({
        ctx: infra,
        input: { name: uniq("S"), overrides: { removeReservationIds: ["00000000-0000-4000-8000-000000000000"] } },
      }),
    );
    expect(unknown.message).toMatch(/Removed reservation 1/);
    const both = await refusal(
      createScenario({
        ctx: infra,
        input: { name: uniq("S"), overrides: { removeReservationIds: [blockId], delaySlips: [{ reservationId: blockId, months: 2 }] } },
      }),
    );
    expect(both.message).toMatch(/slip it or remove it/);
    const bad = await refusal(
      createScenario({
        ctx: infra,
        input: { name: uniq("S"), overrides: { addReservations: [addition({ rate: "-1", endAt: "2026-01-01" })] } },
      }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["overrides.addReservations.0.endAt", "overrides.addReservations.0.rate"]);
    expect(await count()).toBe(before);
  });

  it("refuses a duplicate name and a viewer", async () => {
    const name = uniq("Dup");
    await createScenario({ ctx: infra, input: { name } });
    const dup = await refusal(createScenario({ ctx: infra, input: { name } }));
    expect(dup.fieldErrors.name?.[0]).toMatch(/already exists/);
    await expect(createScenario({ ctx: roleCtx(handle.db, "viewer"), input: { name: uniq("V") } })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("updates at the current version, refuses a stale one with what changed, archives and unarchives", async () => {
    const s = await createScenario({ ctx: infra, input: { name: uniq("Edit"), overrides: { demandGrowthPct: "10" } } });
    const v2 = await updateScenario({
      ctx: infra,
      input: { id: s.id, version: 1, changes: { overrides: { delaySlips: [{ reservationId: blockId, months: "3" }] } } },
    });
    expect(v2.version).toBe(2);
    expect(v2.overrides).toEqual({ delaySlips: [{ reservationId: blockId, months: 3 }] });
    const stale = await updateScenario({
      ctx: roleCtx(handle.db, "admin"),
      input: { id: s.id, version: 1, changes: { name: "Late" } },
    }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).changes.map((c) => c.field)).toContain("overrides");
    const archived = await archiveScenario({ ctx: infra, input: { id: s.id, version: 2 } });
    expect(archived.archivedAt).not.toBeNull();
    await expect(updateScenario({ ctx: infra, input: { id: s.id, version: 3, changes: { name: "x" } } })).rejects.toThrow(/archived/);
    const back = await unarchiveScenario({ ctx: infra, input: { id: s.id, version: 3 } });
    expect(back.archivedAt).toBeNull();
    const actions = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(actions.map((a) => a.action)).toEqual(["scenario.create", "scenario.update", "scenario.archive", "scenario.unarchive"]);
  });

  it("keeps a PUE change within 1–3 and on a site that exists", async () => {
    const high = await refusal(
      createScenario({ ctx: infra, input: { name: uniq("P"), overrides: { pueBySite: { [catalog.site.id]: "3.2" } } } }),
    );
    expect(high.message).toMatch(/PUE must be between 1 and 3/);
    const [site] = await handle.db.select().from(sites).where(eq(sites.id, catalog.site.id));
    expect(site!.pue).toBe("1.20");
  });
});
