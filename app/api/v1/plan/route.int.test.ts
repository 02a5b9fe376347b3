import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createApiKey } from "@/lib/services/api-keys/create";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { planJson } from "@/lib/queries/plan/json";
import { POST } from "./route";

type PlanAnswer = ReturnType<typeof planJson>;

// The route as Next calls it, on a migrated database with no registers: the app's database is replaced by the suite's.
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<typeof import("@/lib/db/client")>()), getDb: vi.fn() }));

describeOnEachEngine("POST /api/v1/plan", (engine) => {
  let handle: DbHandle;
  let viewerKey: string;
  let infraKey: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [admin] = await handle.db.insert(users).values({ email: "plan-admin@example.com", name: "Ad", role: "admin" }).returning();
    const ctx = { db: handle.db, actor: { id: admin!.id, email: admin!.email, role: "admin" as const, kind: "user" as const } };
    viewerKey = (await createApiKey({ ctx, input: { name: "planner", role: "viewer" } })).key;
    infraKey = (await createApiKey({ ctx, input: { name: "buyer", role: "infra" } })).key;
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    vi.mocked(getDb).mockResolvedValue(handle.db);
  });

  const post = (body: string | null, key: string | null = viewerKey) =>
    POST(
      new Request("http://localhost/api/v1/plan", {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body,
      }),
    );

  it("refuses a request without a key, or with an unknown one", async () => {
    const none = await post("{}", null);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: "An API key is required (Authorization: Bearer hr_…)." });
    expect((await post("{}", "hr_not-a-key")).status).toBe(401);
  });

  it("refuses bad inputs with 400 and a message naming the field", async () => {
    const cases: [string, RegExp][] = [
      ['{"horizon": 0}', /Horizon: The horizon must be a whole number of months, 1 to 60/],
      ['{"demand": "p99"}', /Demand must be median, p80 or p95/],
      ['{"capSite": 2}', /The site cap must be a share between 0 and 1/],
      ['{"budgetUsd": "lots"}', /budget in USD must be a number/i],
      ['{"noSpot": "yes"}', /No spot: Must be true or false/],
      ['{"horizn": 12}', /Unrecognized key/],
      ["[1, 2]", /must be a JSON object/],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: string }).error, body).toMatch(message);
    }
  });

  it("answers a viewer's key with the plan", async () => {
    const res = await post('{"horizon": 6, "demand": "p80", "capProvider": 0.35}');
    expect(res.status).toBe(200);
    const plan = (await res.json()) as PlanAnswer;
    expect(plan).toMatchObject({ status: "optimal", blocks: [], unmet: [], bindings: [], committedCost: "0" });
    expect(plan.inputs).toMatchObject({ horizon: 6, demand: "p80", capProvider: 0.35 });
    expect(typeof plan.solveMs).toBe("number");
    const empty = await post(null);
    expect(empty.status).toBe(200);
    expect(((await empty.json()) as PlanAnswer).inputs.horizon).toBe(24);
  });

  it("saves the plan as a scenario only for a key that may write scenarios", async () => {
    const viewer = await post('{"horizon": 6, "saveAs": "Viewer plan"}');
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toMatch(/scenarios\.write/);
    // The suite's world holds no demand, so the plan buys nothing: the save is reached and says so.
    const infra = await post('{"horizon": 6, "saveAs": {"name": "Empty plan"}}', infraKey);
    expect(infra.status).toBe(400);
    expect(((await infra.json()) as { error: string }).error).toMatch(/buys nothing/);
    const bad = await post('{"saveAs": {"name": ""}}', infraKey);
    expect(bad.status).toBe(400);
  });
});
