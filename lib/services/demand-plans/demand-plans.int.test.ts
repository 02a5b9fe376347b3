import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, auditLog, demandPlans, scenarios } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { loadPlanningModel } from "@/lib/planning/model";
import { insertCatalog, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { archiveDemandPlan, unarchiveDemandPlan } from "./archive";
import { createDemandPlan } from "./create";
import { updateDemandPlan } from "./update";

async function refusal(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ValidationError)) throw new Error(`expected a validation refusal, got ${String(e)}`);
  return e;
}

describeOnEachEngine("demand plan verbs", (engine) => {
  let handle: DbHandle;
  let infra: Ctx;
  let catalog: Catalog;
  let scenarioId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    infra = roleCtx(handle.db, "infra");
    catalog = await insertCatalog(handle.db);
    const [s] = await handle.db.insert(scenarios).values({ name: "Upside" }).returning();
    scenarioId = s!.id;
  });
  afterAll(() => handle.close());

  const plan = (over: Record<string, unknown> = {}) => ({
    name: "Pretraining run",
    kind: "training",
    scenarioId: "",
    acceleratorFamily: "H100",
    acceleratorTypeId: catalog.type.id,
    accelerators: "4096",
    h100Equivalents: "",
    startDate: "2027-01-01",
    endDate: "2027-07-01",
    priority: "1",
    notes: "",
    ...over,
  });

  it("creates a baseline plan with an audit row, and a scenario's own plan that only that scenario counts", async () => {
    const created = await createDemandPlan({ ctx: infra, input: plan() });
    expect(created).toMatchObject({ accelerators: 4096, h100Equivalents: null, scenarioId: null, priority: 1, notes: null });
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(entry).toMatchObject({ action: "demand_plan.create", entityType: "demand_plan" });
    const own = await createDemandPlan({
      ctx: infra,
      input: plan({ name: "Upside serving", kind: "inference", scenarioId, accelerators: "", h100Equivalents: "1500.5" }),
    });
    expect(own.h100Equivalents).toBe("1500.50");
    const baseline = await loadPlanningModel(infra, { asOf: new Date("2026-11-01T00:00:00Z") });
    const upside = await loadPlanningModel(infra, { asOf: new Date("2026-11-01T00:00:00Z"), scenarioId });
    expect(baseline.demandPlans.map((p) => p.name)).toEqual(["Pretraining run"]);
    expect(upside.demandPlans.map((p) => [p.name, p.h100e])).toEqual([
      ["Pretraining run", "4096"],
      ["Upside serving", "1500.5"],
    ]);
  });

  it("refuses a plan without a size, ending before it starts, of a type from another family, or of an unknown family", async () => {
    const before = (await handle.db.select().from(demandPlans)).length;
    const sizeless = await refusal(createDemandPlan({ ctx: infra, input: plan({ accelerators: "", h100Equivalents: "" }) }));
    expect(sizeless.fieldErrors.accelerators?.[0]).toMatch(/size/);
    const backwards = await refusal(createDemandPlan({ ctx: infra, input: plan({ endDate: "2026-12-01" }) }));
    expect(backwards.fieldErrors.endDate?.[0]).toMatch(/after the start/);
    const [mi300] = await handle.db
      .insert(acceleratorTypes)
      .values({
        name: "MI300X test",
        vendor: "AMD",
        family: "MI300X",
        memoryGb: "192",
        bf16Tflops: "1307",
        systemW: 1200,
        h100Equivalent: "1.32",
      })
      .returning();
    const wrongFamily = await refusal(createDemandPlan({ ctx: infra, input: plan({ acceleratorTypeId: mi300!.id }) }));
    expect(wrongFamily.fieldErrors.acceleratorTypeId?.[0]).toMatch(/is a MI300X, not a H100/);
    const unknown = await refusal(createDemandPlan({ ctx: infra, input: plan({ acceleratorTypeId: "", acceleratorFamily: "Z9000" }) }));
    expect(unknown.fieldErrors.acceleratorFamily?.[0]).toMatch(/No accelerator type of the family Z9000/);
    expect((await handle.db.select().from(demandPlans)).length).toBe(before);
    await expect(createDemandPlan({ ctx: roleCtx(handle.db, "finance"), input: plan() })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("edits at the current version with the rules on the merged plan, refuses a stale version, archives and unarchives", async () => {
    const p = await createDemandPlan({ ctx: infra, input: plan({ name: "Edit me" }) });
    const edited = await updateDemandPlan({
      ctx: infra,
      input: { id: p.id, version: 1, changes: { accelerators: "8192", priority: "2" } },
    });
    expect(edited).toMatchObject({ version: 2, accelerators: 8192, priority: 2 });
    const merged = await refusal(updateDemandPlan({ ctx: infra, input: { id: p.id, version: 2, changes: { startDate: "2027-08-01" } } }));
    expect(merged.fieldErrors.endDate?.[0]).toMatch(/after the start/);
    await expect(updateDemandPlan({ ctx: infra, input: { id: p.id, version: 1, changes: { priority: "3" } } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const archived = await archiveDemandPlan({ ctx: infra, input: { id: p.id, version: 2 } });
    expect(archived.archivedAt).not.toBeNull();
    const model = await loadPlanningModel(infra, { asOf: new Date("2026-11-01T00:00:00Z") });
    expect(model.demandPlans.some((x) => x.id === p.id)).toBe(false);
    const back = await unarchiveDemandPlan({ ctx: infra, input: { id: p.id, version: 3 } });
    expect(back.archivedAt).toBeNull();
  });
});
