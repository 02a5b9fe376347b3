import { afterAll, beforeAll, expect, it } from "vitest";
import { importHistoryResponse } from "./response";
import { apiKeyCtx } from "@/lib/auth/api-keys";
import type { DbHandle } from "@/lib/db/client";
import { imports, users } from "@/lib/db/schema";
import { createApiKey } from "@/lib/services/api-keys/create";
import { roleCtx } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import type { Ctx } from "@/lib/auth/context";
import { listImports, parseImportListParams } from "@/lib/queries/imports";
import { getImportHistory, parseImportHistoryQuery, type ImportHistory } from "@/lib/queries/imports/history";

const get = (query: string, headers: Record<string, string> = {}) => new Request(`http://localhost/imports/history${query}`, { headers });

describeOnEachEngine("import history JSON", (engine) => {
  let handle: DbHandle;
  let admin: Ctx;
  const viewer = () => roleCtx(handle.db, "viewer");
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [user] = await handle.db.insert(users).values({ email: "finance@example.com", name: "Fin", role: "admin" }).returning();
    admin = { db: handle.db, actor: { id: user!.id, email: user!.email, role: "admin", kind: "user" } };
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await handle.db.insert(imports).values([
      {
        kind: "focus",
        fileName: "aws-may.csv",
        sha256: "1".repeat(64),
        rows: 1200,
        status: "succeeded",
        createdAt: at(30),
        finishedAt: at(29),
        createdBy: user!.id,
      },
      {
        kind: "utilization",
        fileName: "gpu-hours.csv",
        sha256: "2".repeat(64),
        rows: 48,
        status: "failed",
        createdAt: at(20),
        finishedAt: at(20),
      },
      // Left running by a process that died ten minutes ago.
      { kind: "focus", fileName: "azure-may.csv", sha256: "3".repeat(64), status: "running", createdAt: at(10) },
    ]);
  });
  afterAll(() => handle.close());

  it("answers 401 without a session or API key, and names the way in", async () => {
    const response = await importHistoryResponse(get(""), () => Promise.resolve(null));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/Sign in/);
  });

  it("answers 401 to an API key that is not valid", async () => {
    const request = get("", { authorization: "Bearer hr_not-a-real-key" });
    const response = await importHistoryResponse(request, () => apiKeyCtx(handle.db, request));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/not valid/);
  });

  it("sends a viewer the rows the page shows for the same query, times as ISO strings", async () => {
    const response = await importHistoryResponse(get("?kind=focus&sort=file&dir=asc"), () => Promise.resolve(viewer()));
    expect(response.status).toBe(200);
    const body = (await response.json()) as ImportHistory;
    const page = await listImports(viewer(), parseImportListParams({ kind: "focus", sort: "file", dir: "asc" }));
    expect(body.rows.map((r) => r.fileName)).toEqual(["aws-may.csv", "azure-may.csv"]);
    expect(body.rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
    expect(body).toMatchObject({ total: 2, page: 1, pageCount: 1, pageSize: 50 });
    expect(body.readAt).toBeGreaterThan(Date.now() - 60_000);
    expect(body.rows[0]).toMatchObject({ rows: 1200, status: "succeeded", createdBy: "finance@example.com" });
    expect(body.rows[0]!.createdAt).toBe(page.rows[0]!.createdAt.toISOString());
  });

  it("shows an import whose process died as failed, so a poll for it ends", async () => {
    const response = await importHistoryResponse(get("?status=running"), () => Promise.resolve(viewer()));
    expect(((await response.json()) as ImportHistory).total).toBe(0);
    const failed = (await (await importHistoryResponse(get("?q=azure"), () => Promise.resolve(viewer()))).json()) as ImportHistory;
    expect(failed.rows.map((r) => r.status)).toEqual(["failed"]);
  });

  it("accepts an API key whose role may read", async () => {
    const { key } = await createApiKey({ ctx: admin, input: { name: "Dashboard", role: "viewer" } });
    const request = get("?status=failed", { authorization: `Bearer ${key}` });
    const response = await importHistoryResponse(request, () => apiKeyCtx(handle.db, request));
    expect(response.status).toBe(200);
    expect(((await response.json()) as ImportHistory).rows.map((r) => r.fileName)).toContain("gpu-hours.csv");
  });

  it.each([
    ["?sort=cost", /^sort must be one of created, file, rows, kind, status\.$/],
    ["?dir=up", /^dir must be one of asc, desc\.$/],
    ["?page=0", /^page must be between 1 and 100000\.$/],
    ["?page=two", /^page must be a whole number\.$/],
    ["?size=10", /^size must be one of 25, 50, 100\.$/],
    ["?kind=invoices", /^kind must be one of focus, /],
    ["?status=done", /^status must be one of running, succeeded, failed\.$/],
    ["?from=2026-01-01", /^Unknown parameter: from\.$/],
    ["?q=%00", /^q must not contain a control character \(such as NUL\)\.$/],
  ])("refuses %s with a 400 naming the parameter", async (query, message) => {
    const response = await importHistoryResponse(get(query), () => Promise.resolve(viewer()));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it("reads an empty filter as unset, as the page's filter form sends 'All'", async () => {
    const params = parseImportHistoryQuery(new URLSearchParams("q=&kind=&status=&sort=created&dir=desc&page=1&size=25"));
    expect(params).toEqual(parseImportListParams({ sort: "created", dir: "desc", size: "25" }));
    const history = await getImportHistory(viewer(), params);
    expect(history.total).toBe(3);
  });
});
