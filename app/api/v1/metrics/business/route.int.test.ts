import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { teams, users, workloads } from "@/lib/db/schema";
import { createApiKey } from "@/lib/services/api-keys/create";
import { uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { POST } from "./route";

// The route as Next calls it, on the suite's database.
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<typeof import("@/lib/db/client")>()), getDb: vi.fn() }));

describeOnEachEngine("POST /api/v1/metrics/business", (engine) => {
  let handle: DbHandle;
  let financeKey: string;
  let viewerKey: string;
  let workload: { id: string; name: string };
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [admin] = await handle.db.insert(users).values({ email: "metrics-admin@example.com", name: "Ad", role: "admin" }).returning();
    const ctx = { db: handle.db, actor: { id: admin!.id, email: admin!.email, role: "admin" as const, kind: "user" as const } };
    financeKey = (await createApiKey({ ctx, input: { name: "token-counter", role: "finance" } })).key;
    viewerKey = (await createApiKey({ ctx, input: { name: "dashboard", role: "viewer" } })).key;
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("Inference") })
      .returning();
    [workload] = (await handle.db
      .insert(workloads)
      .values({ name: uniq("Chat inference"), kind: "inference", teamId: team!.id, activeFrom: "2026-01-01" })
      .returning({ id: workloads.id, name: workloads.name })) as [typeof workload];
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    vi.mocked(getDb).mockResolvedValue(handle.db);
  });

  const post = (body: string, key: string | null, type = "application/json") =>
    POST(
      new Request("http://localhost/api/v1/metrics/business", {
        method: "POST",
        headers: { "content-type": type, ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body,
      }),
    );
  const stored = () =>
    queryRows<{ day: string; value: string; by: string }>(
      handle.db,
      sql`select day::text as day, value::text as value, updated_by as by from business_metrics where workload_id = ${workload.id} order by day`,
    );

  it("loads JSON rows with a finance key: 200 and the summary", async () => {
    const body = JSON.stringify({ rows: [{ workload: workload.name, metric: "tokens_served", day: "2026-03-01", value: 250000000000 }] });
    const res = await post(body, financeKey);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "succeeded", rows: 1, summary: { values: 1, metrics: ["tokens_served"] } });
    expect(await stored()).toEqual([
      { day: "2026-03-01", value: "250000000000.000000", by: "api-key:token-counter (" + financeKey.slice(0, 11) + "…)" },
    ]);
  });

  it("loads text/csv and replaces a re-sent day", async () => {
    const res = await post(`workload,metric,day,value\n${workload.name},tokens_served,2026-03-01,260000000000\n`, financeKey, "text/csv");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "succeeded", summary: { replaced: 1 } });
    expect((await stored()).map((r) => r.value)).toEqual(["260000000000.000000"]);
  });

  it("rejects bad rows with 422 and errors by row and column, loading nothing", async () => {
    const body = JSON.stringify({
      rows: [
        { workload: workload.name, metric: "tokens_served", day: "2026-03-02", value: 1 },
        { workload: workload.name, metric: "tokens served", day: "2026-03-03", value: -1 },
      ],
    });
    const res = await post(body, financeKey);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      status: "failed",
      errors: [
        { line: 2, column: "metric", message: expect.stringContaining("snake case") },
        { line: 2, column: "value", message: '"-1" is not a number of 0 or more.' },
      ],
    });
    expect((await stored()).map((r) => r.day)).toEqual(["2026-03-01"]);
  });

  it("refuses a viewer's key with 403, a missing key with 401 and a body that is not JSON with 400", async () => {
    const body = JSON.stringify({ rows: [{ workload: workload.name, metric: "tokens_served", day: "2026-03-05", value: 1 }] });
    const viewer = await post(body, viewerKey);
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toMatch(/allocation\.write/);
    expect((await post(body, null)).status).toBe(401);
    const bad = await post("{rows", financeKey);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
    expect((await stored()).map((r) => r.day)).toEqual(["2026-03-01"]);
  });
});
