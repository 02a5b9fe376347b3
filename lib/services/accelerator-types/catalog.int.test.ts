import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { acceleratorTypes, providers } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { archiveProvider } from "../providers/archive";
import { createProvider } from "../providers/create";
import { updateProvider } from "../providers/update";
import { createSite } from "../sites/create";
import { archiveAcceleratorType } from "./archive";
import { createAcceleratorType } from "./create";
import { updateAcceleratorType } from "./update";

describeOnEachEngine("catalog verbs", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());
  const admin = () => roleCtx(handle.db, "admin");

  const type = (extra: Record<string, unknown> = {}) => ({
    name: uniq("B200"),
    vendor: "NVIDIA",
    family: "B200",
    memoryGb: "180",
    bf16Tflops: "2250",
    fp8Tflops: "",
    tdpW: "1000",
    systemW: "1800",
    ...extra,
  });

  it("gives a new type the nameplate H100-equivalent when the factor is left blank", async () => {
    const created = await createAcceleratorType({ ctx: admin(), input: type({ h100Equivalent: "" }) });
    // 2,250 ÷ 989.4 = 2.2741
    expect(created).toMatchObject({ h100Equivalent: "2.2741", fp8Tflops: null, tdpW: 1000, systemW: 1800 });
  });

  it("keeps a measured factor given instead of the nameplate one, and lets it be edited", async () => {
    const created = await createAcceleratorType({ ctx: admin(), input: type({ h100Equivalent: "2.6" }) });
    expect(created.h100Equivalent).toBe("2.6000");
    const edited = await updateAcceleratorType({
      ctx: admin(),
      input: { id: created.id, version: 1, changes: { h100Equivalent: "2.45" } },
    });
    expect(edited).toMatchObject({ h100Equivalent: "2.4500", version: 2 });
  });

  it("refuses a zero factor, zero BF16 and a fractional system wattage beside their fields", async () => {
    const e = await createAcceleratorType({ ctx: admin(), input: type({ h100Equivalent: "0", bf16Tflops: "0", systemW: "12.5" }) }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    const fields = (e as ValidationError).fieldErrors;
    expect(fields.h100Equivalent?.[0]).toMatch(/more than 0/);
    expect(fields.bf16Tflops?.[0]).toMatch(/more than 0/);
    expect(fields.systemW?.[0]).toMatch(/whole number/);
  });

  it("refuses a stale edit of a type and keeps the other edit", async () => {
    const created = await createAcceleratorType({ ctx: admin(), input: type() });
    await updateAcceleratorType({ ctx: admin(), input: { id: created.id, version: 1, changes: { systemW: 1900 } } });
    const e = await updateAcceleratorType({ ctx: admin(), input: { id: created.id, version: 1, changes: { systemW: 1700 } } }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).changes).toContainEqual({ field: "systemW", before: 1800, after: 1900 });
    const [row] = await handle.db.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, created.id));
    expect(row?.systemW).toBe(1900);
  });

  it("archives a type instead of deleting it", async () => {
    const created = await createAcceleratorType({ ctx: admin(), input: type() });
    await archiveAcceleratorType({ ctx: admin(), input: { id: created.id, version: 1 } });
    const [row] = await handle.db.select().from(acceleratorTypes).where(eq(acceleratorTypes.id, created.id));
    expect(row?.archivedAt).not.toBeNull();
  });

  it("refuses catalog edits from infra and viewers", async () => {
    await expect(createProvider({ ctx: roleCtx(handle.db, "infra"), input: { name: "Nope", kind: "colo" } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createAcceleratorType({ ctx: roleCtx(handle.db, "viewer"), input: type() })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await handle.db.select().from(providers).where(eq(providers.name, "Nope"))).toHaveLength(0);
  });

  it("refuses a duplicate provider name and a stale provider edit", async () => {
    const p = await createProvider({ ctx: admin(), input: { name: "Lambda", kind: "neocloud" } });
    await expect(createProvider({ ctx: admin(), input: { name: "lambda", kind: "colo" } })).rejects.toThrow(/already exists/);
    await updateProvider({ ctx: admin(), input: { id: p.id, version: 1, changes: { name: "Lambda Labs" } } });
    const e = await updateProvider({ ctx: admin(), input: { id: p.id, version: 1, changes: { kind: "colo" } } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).changes).toContainEqual({ field: "name", before: "Lambda", after: "Lambda Labs" });
  });

  it("keeps an archived provider off new sites", async () => {
    const p = await createProvider({ ctx: admin(), input: { name: uniq("Gone"), kind: "colo" } });
    await archiveProvider({ ctx: admin(), input: { id: p.id, version: 1 } });
    const e = await createSite({
      ctx: admin(),
      input: { name: uniq("Site"), providerId: p.id, regionCode: "r", country: "US", pue: "1.2" },
    }).catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors.providerId?.[0]).toMatch(/archived/);
  });
});
