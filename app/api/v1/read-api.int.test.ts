import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import type { DbHandle } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { providers, sites } from "@/lib/db/schema";
import type { Ctx } from "@/lib/auth/context";
import { pageClock } from "@/lib/cache/read";
import { burndownInCents } from "@/lib/metrics/burndown";
import { budgetsJson } from "@/lib/api/endpoints/budgets";
import { capacityJson } from "@/lib/api/endpoints/capacity";
import { contractJson } from "@/lib/api/endpoints/contracts";
import { comparisonJson, spendJson } from "@/lib/api/endpoints/costs";
import { overviewJson } from "@/lib/api/endpoints/overview";
import { powerJson } from "@/lib/api/endpoints/power";
import { reservationJson } from "@/lib/api/endpoints/reservations";
import { utilizationJson } from "@/lib/api/endpoints/utilization";
import { getBudgetsView, parseBudgetListParams } from "@/lib/queries/budgets";
import { getCapacity } from "@/lib/queries/capacity";
import { contractListRows, parseContractListParams } from "@/lib/queries/contracts";
import { getCostsFromUrl } from "@/lib/queries/costs/from-url";
import { listUnmatchedCharges, parseUnmatchedListParams } from "@/lib/queries/costs/unmatched";
import { parsePlanningFilters } from "@/lib/queries/filters/params";
import { lastImportByProvider } from "@/lib/queries/imports/last-by-provider";
import { getOverview } from "@/lib/queries/overview";
import { getPowerPage, POWER_DEFAULTS } from "@/lib/queries/power";
import { CAPACITY_DEFAULTS } from "@/lib/queries/reports/sections";
import { parseReservationListParams, reservationRows } from "@/lib/queries/reservations";
import { getUtilizationFromUrl } from "@/lib/queries/utilization";
import { createApiKey } from "@/lib/services/api-keys/create";
import { revokeApiKey } from "@/lib/services/api-keys/revoke";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { createDemoTestDatabase, DEMO_AS_OF } from "@/lib/testing/demo-database";
import * as budgetsRoute from "./budgets/route";
import * as capacityRoute from "./capacity/route";
import * as contractsRoute from "./contracts/route";
import * as comparisonRoute from "./costs/comparison/route";
import * as spendRoute from "./costs/spend/route";
import * as focusRoute from "./imports/focus/route";
import * as metricsRoute from "./metrics/business/route";
import * as openApiRoute from "./openapi.json/route";
import * as overviewRoute from "./overview/route";
import * as powerRoute from "./power/route";
import * as prometheusRoute from "./prometheus/route";
import * as reservationsRoute from "./reservations/route";
import * as utilizationRoute from "./utilization/route";

// The read API and the Prometheus gauges on the seeded demo, at the demo's instant: every answer is set against the
// page's own function called with the same filters. The route handlers run as Next calls them, on the suite's database.
vi.mock("@/lib/db/client", async (original) => ({ ...(await original<typeof import("@/lib/db/client")>()), getDb: vi.fn() }));

type Handler = (request: Request) => Promise<Response>;

describeOnEachEngine("the read API", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  let viewerKey: string;
  let financeKey: string;
  let asOf: Date;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
    const admin = roleCtx(handle.db, "admin");
    viewerKey = (await createApiKey({ ctx: admin, input: { name: "dashboards", role: "viewer" } })).key;
    financeKey = (await createApiKey({ ctx: admin, input: { name: "finance robot", role: "finance" } })).key;
  });
  afterAll(() => handle.close());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(DEMO_AS_OF.getTime() + 12_345));
    asOf = pageClock();
    vi.mocked(getDb).mockResolvedValue(handle.db);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  const call = (handler: Handler, path: string, init: { key?: string | null; method?: string; body?: string } = {}) => {
    const key = init.key === undefined ? viewerKey : init.key;
    return handler(
      new Request(`http://localhost${path}`, {
        method: init.method ?? "GET",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: init.body,
      }),
    );
  };
  const json = async (handler: Handler, path: string) => {
    const res = await call(handler, path);
    expect(res.status, path).toBe(200);
    return res.json() as Promise<unknown>;
  };

  it("answers the Overview's KPIs as getOverview computes them", async () => {
    const page = await getOverview(viewer, { scenario: null });
    const body = (await json(overviewRoute.GET, "/api/v1/overview")) as ReturnType<typeof overviewJson>;
    expect(body).toEqual(overviewJson(page));
    expect(body.committed.total).toBe(page.committed.total.toFixed());
    expect(body.spend.toDate.total).toBe(page.spend.toDate.total.toFixed());
    expect(body.runway.byFamily.length).toBeGreaterThan(0);
    expect(body.asOf).toBe(asOf.toISOString());
  });

  it("answers capacity, power, spend, the comparison and utilization as their pages' loaders do for the same filters", async () => {
    const [site] = await handle.db.select().from(sites).limit(1);
    const capQuery = "by=provider&unit=accelerators";
    const cap = await getCapacity(viewer, {
      ...parsePlanningFilters(new URLSearchParams(capQuery), { now: asOf, defaults: CAPACITY_DEFAULTS }),
      asOf,
    });
    const capBody = (await json(capacityRoute.GET, `/api/v1/capacity?${capQuery}`)) as ReturnType<typeof capacityJson>;
    expect(capBody).toEqual(capacityJson(cap));
    expect(capBody.total.points[0]!.capacity).toBe(cap.total.points[0]!.capacity.toFixed());

    const powerQuery = `range=12m&site=${site!.id}`;
    const power = await getPowerPage(
      viewer,
      parsePlanningFilters(new URLSearchParams(powerQuery), { now: asOf, defaults: POWER_DEFAULTS }),
      null,
      asOf,
    );
    const powerBody = (await json(powerRoute.GET, `/api/v1/power?${powerQuery}`)) as ReturnType<typeof powerJson>;
    expect(powerBody).toEqual(powerJson(power));
    expect(powerBody.months).toHaveLength(12);

    const costsQuery = "range=last12m&by=family";
    const { view } = await getCostsFromUrl(viewer, new URLSearchParams(costsQuery), asOf);
    const spendBody = (await json(spendRoute.GET, `/api/v1/costs/spend?${costsQuery}`)) as ReturnType<typeof spendJson>;
    expect(spendBody).toEqual(spendJson(view));
    expect(spendBody.months.map((m) => m.total)).toEqual(view.spend.map((m) => m.total.toFixed()));
    expect(spendBody.months.some((m) => m.actual !== "0")).toBe(true);
    const profiled = `${costsQuery}&tps.H100=4500`;
    const { view: compared } = await getCostsFromUrl(viewer, new URLSearchParams(profiled), asOf);
    const comparisonBody = (await json(comparisonRoute.GET, `/api/v1/costs/comparison?${profiled}`)) as ReturnType<typeof comparisonJson>;
    expect(comparisonBody).toEqual(comparisonJson(compared));
    expect(comparisonBody.providers.map((p) => p.cost)).toEqual(view.comparison.providers.map((p) => p.cost.toFixed()));
    expect(comparisonBody.profile.find((p) => p.family === "H100")).toMatchObject({ tokensPerSecond: "4500", edited: true });

    const utilQuery = "range=last30d&by=site";
    const util = await getUtilizationFromUrl(viewer, new URLSearchParams(utilQuery), new Date(), { blockLimit: 0 });
    const utilBody = (await json(utilizationRoute.GET, `/api/v1/utilization?${utilQuery}`)) as ReturnType<typeof utilizationJson>;
    expect(utilBody).toEqual(utilizationJson(util.view));
    expect(utilBody.grain).toBe("day");
    expect(utilBody.series).toHaveLength(30);
  });

  it("pages contracts and reservations with an opaque cursor over the registers' own rows", async () => {
    const all = await contractListRows(viewer, parseContractListParams(new URLSearchParams("sort=gap&dir=desc")), 0, 10_000, asOf);
    expect(all.length).toBeGreaterThan(2);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const body = (await json(contractsRoute.GET, `/api/v1/contracts?sort=gap&dir=desc&limit=2${cursor ? `&cursor=${cursor}` : ""}`)) as {
        data: unknown[];
        next_cursor: string | null;
      };
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data);
      cursor = body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all.map(contractJson));
    const first = all[0]!;
    expect((seen[0] as { burndown: { shortfall: string } }).burndown.shortfall).toBe(burndownInCents(first.burndown).shortfall.toFixed());

    const [provider] = await handle.db.select().from(providers).limit(1);
    const query = `provider=${provider!.id}&sort=quantity&dir=desc`;
    const rows = await reservationRows(viewer, parseReservationListParams(new URLSearchParams(query)), 0, 3);
    const page = (await json(reservationsRoute.GET, `/api/v1/reservations?${query}&limit=3`)) as {
      data: unknown[];
      next_cursor: string | null;
    };
    expect(page.data).toEqual(rows.map(reservationJson));
    // A cursor belongs to its filters and sort.
    expect(page.next_cursor).not.toBeNull();
    const moved = await call(reservationsRoute.GET, `/api/v1/reservations?sort=name&limit=3&cursor=${page.next_cursor}`);
    expect(moved.status).toBe(400);
    expect(((await moved.json()) as { fields: object }).fields).toHaveProperty("cursor");
  });

  it("answers budgets as the Budgets page computes them for the same month", async () => {
    const query = "at=2026-10";
    const page = await getBudgetsView(viewer, parseBudgetListParams(new URLSearchParams(query)), { asOf });
    const body = (await json(budgetsRoute.GET, `/api/v1/budgets?${query}`)) as ReturnType<typeof budgetsJson>;
    expect(body).toEqual(budgetsJson(page));
    expect(body.budgets.length).toBeGreaterThan(0);
    expect(body.budgets.every((b) => b.status !== null)).toBe(true);
    expect(body.budgets[0]!.status!.forecast).toBe(page.rows[0]!.status!.forecast.toFixed());
  });

  it("refuses bad filters with 400 naming the field", async () => {
    const cases: [Handler, string, string][] = [
      [capacityRoute.GET, "/api/v1/capacity?provider=nope", "provider"],
      [capacityRoute.GET, "/api/v1/capacity?unit=gpus", "unit"],
      [powerRoute.GET, "/api/v1/power?range=13m", "range"],
      [powerRoute.GET, "/api/v1/power?from=2026-13", "from"],
      [spendRoute.GET, "/api/v1/costs/spend?by=site", "by"],
      [spendRoute.GET, "/api/v1/costs/spend?tps.H100=4500", "tps.H100"],
      [comparisonRoute.GET, "/api/v1/costs/comparison?tps.H100=fast", "tps.H100"],
      [comparisonRoute.GET, "/api/v1/costs/comparison?team=x", "team"],
      [overviewRoute.GET, "/api/v1/overview?scenario=tomorrow", "scenario"],
      [utilizationRoute.GET, "/api/v1/utilization?grain=hour", "grain"],
      [contractsRoute.GET, "/api/v1/contracts?limit=500", "limit"],
      [contractsRoute.GET, "/api/v1/contracts?status=signed", "status"],
      [contractsRoute.GET, "/api/v1/contracts?cursor=bm9wZQ", "cursor"],
      [reservationsRoute.GET, "/api/v1/reservations?sort=colour", "sort"],
      [reservationsRoute.GET, "/api/v1/reservations?colour=red", "colour"],
      [reservationsRoute.GET, "/api/v1/reservations?status=active&status=expired", "status"],
      [budgetsRoute.GET, "/api/v1/budgets?at=2026-13", "at"],
    ];
    for (const [handler, path, field] of cases) {
      const res = await call(handler, path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: string; fields: Record<string, string[]> };
      expect(body.error, path).toContain(field);
      expect(Object.keys(body.fields), path).toEqual([field]);
    }
  });

  it("serves the OpenAPI document to a key, and refuses an unknown key with 401", async () => {
    expect(((await json(openApiRoute.GET, "/api/v1/openapi.json")) as { openapi: string }).openapi).toBe("3.1.0");
    expect((await call(openApiRoute.GET, "/api/v1/openapi.json", { key: "hr_unknown" })).status).toBe(401);
  });

  it("refuses a missing, unknown or revoked key with 401 and a viewer's key on the write endpoints with 403", async () => {
    expect((await call(overviewRoute.GET, "/api/v1/overview", { key: null })).status).toBe(401);
    const admin = roleCtx(handle.db, "admin");
    const { key, apiKey } = await createApiKey({ ctx: admin, input: { name: "leaver", role: "viewer" } });
    expect((await call(reservationsRoute.GET, "/api/v1/reservations?limit=1", { key })).status).toBe(200);
    await revokeApiKey({ ctx: admin, input: { id: apiKey.id, version: apiKey.version } });
    expect((await call(reservationsRoute.GET, "/api/v1/reservations?limit=1", { key })).status).toBe(401);
    expect((await call(prometheusRoute.GET, "/api/v1/prometheus", { key: "hr_unknown" })).status).toBe(401);
    const writes: [Handler, string, string][] = [
      [utilizationRoute.POST, "/api/v1/utilization", "utilization.import"],
      [metricsRoute.POST, "/api/v1/metrics/business", "allocation.write"],
      [focusRoute.POST, "/api/v1/imports/focus", "billing.import"],
    ];
    for (const [handler, path, permission] of writes) {
      const res = await call(handler, path, { method: "POST", body: '{"rows": []}' });
      expect(res.status, path).toBe(403);
      expect(((await res.json()) as { error: string }).error, path).toContain(permission);
    }
  });

  it("refuses a key past its rate limit with 429 and Retry-After, other keys unaffected", async () => {
    vi.stubEnv("HEADROOM_API_RATE_PER_MINUTE", "1");
    vi.stubEnv("HEADROOM_API_RATE_BURST", "2");
    const path = "/api/v1/reservations?limit=1";
    expect((await call(reservationsRoute.GET, path, { key: financeKey })).status).toBe(200);
    expect((await call(reservationsRoute.GET, path, { key: financeKey })).status).toBe(200);
    const refused = await call(reservationsRoute.GET, path, { key: financeKey });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(((await refused.json()) as { error: string }).error).toMatch(/retry in 60 s/);
    vi.setSystemTime(new Date(Date.now() + 60_000));
    expect((await call(reservationsRoute.GET, path, { key: financeKey })).status).toBe(200);
  });

  it("exposes Prometheus gauges that parse and equal the pages' figures", async () => {
    const res = await call(prometheusRoute.GET, "/api/v1/prometheus");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const families = new Map(parsePrometheusTextFormat(await res.text()).map((f) => [f.name, f]));
    const values = (name: string, label: string) =>
      Object.fromEntries((families.get(name)?.metrics ?? []).map((m) => [m.labels![label], m.value]));
    for (const f of families.values()) expect(f.type, f.name).toBe("GAUGE");

    const overview = await getOverview(viewer, { asOf });
    const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
    expect(values("headroom_runway_months", "family")).toEqual(
      Object.fromEntries(
        overview.runway.byFamily.map((f) => [f.family, f.line.runway ? String(monthIndex(f.line.runway.from) - monthIndex(asOf)) : "+Inf"]),
      ),
    );
    expect(values("headroom_power_headroom_mw", "site_id")).toEqual(
      Object.fromEntries(overview.power.page.sites.filter((s) => s.tightest).map((s) => [s.siteId, s.tightest!.headroomMw.toFixed()])),
    );
    expect(values("headroom_utilization_ratio", "family")).toEqual(
      Object.fromEntries(overview.utilization.byFamily.filter((f) => f.ratio).map((f) => [f.family, f.ratio!.toFixed()])),
    );
    const contracts = await contractListRows(viewer, parseContractListParams(new URLSearchParams()), 0, 10_000, asOf);
    expect(values("headroom_contract_projected_shortfall", "contract_id")).toEqual(
      Object.fromEntries(contracts.map((c) => [c.id, burndownInCents(c.burndown).shortfall.toFixed()])),
    );
    const committed = contracts.filter((c) => !c.burndown.committed.isZero());
    expect(committed.length).toBeGreaterThan(0);
    expect(values("headroom_contract_burned_percent", "contract_id")).toEqual(
      Object.fromEntries(committed.map((c) => [c.id, c.burndown.consumed.div(c.burndown.committed).times(100).toFixed()])),
    );
    const unmatched = (await listUnmatchedCharges(viewer, parseUnmatchedListParams(new URLSearchParams()))).totals.byCurrency;
    expect(values("headroom_unmatched_charges", "currency")).toEqual(
      Object.fromEntries(unmatched.map((u) => [u.currency, String(u.rows)])),
    );
    expect(values("headroom_unmatched_charges_cost", "currency")).toEqual(
      Object.fromEntries(unmatched.map((u) => [u.currency, u.effectiveCost])),
    );
    const imports = await lastImportByProvider(viewer);
    expect(imports.length).toBeGreaterThan(0);
    expect(values("headroom_last_import_timestamp_seconds", "provider")).toEqual(
      Object.fromEntries(imports.map((i) => [i.provider, String(Math.floor(i.finishedAt.getTime() / 1000))])),
    );
  });
});
