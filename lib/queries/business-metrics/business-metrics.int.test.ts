import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { businessMetrics, teams, workloads } from "@/lib/db/schema";
import { roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getWorkloadMetrics, workloadMetricCsvRows } from "./index";

describeOnEachEngine("a workload's business metrics", (engine) => {
  let handle: DbHandle;
  let workloadId: string;
  let name: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("Team") })
      .returning();
    name = uniq("Chat inference");
    const [w] = await handle.db
      .insert(workloads)
      .values({ name, kind: "inference", teamId: team!.id, activeFrom: "2025-01-01" })
      .returning();
    workloadId = w!.id;
    // tokens_served: 2025-01-01 (older than a year before the latest), then 2026-02-01 … 2026-03-02 but 2026-02-10, 100 + day index.
    const rows = [{ day: "2025-01-01", value: "7" }];
    for (let i = 0; i < 30; i++) {
      const day = new Date(Date.UTC(2026, 1, 1 + i)).toISOString().slice(0, 10);
      if (day !== "2026-02-10") rows.push({ day, value: `${100 + i}.5` });
    }
    await handle.db
      .insert(businessMetrics)
      .values([
        ...rows.map((r) => ({ workloadId, metric: "tokens_served", ...r })),
        { workloadId, metric: "requests", day: "2026-01-15", value: "1200" },
      ]);
  });
  afterAll(() => handle.close());

  it("gives per metric the latest value, the exact 30-day total to it and the series of the last year", async () => {
    const metrics = await getWorkloadMetrics(roleCtx(handle.db, "viewer"), workloadId);
    expect(metrics.map((m) => m.metric)).toEqual(["requests", "tokens_served"]);
    const [requests, tokens] = metrics;
    expect(requests).toMatchObject({
      latest: { day: "2026-01-15", value: "1200.000000" },
      total30: "1200.000000",
      daysIn30: 1,
      olderDays: 0,
    });
    // 30 days to 2026-03-02 = 2026-02-01 … 2026-03-02, i = 0 … 29 without i = 9: Σ(100.5 + i) − 109.5 = 3015 + 435 − 109.5.
    expect(tokens).toMatchObject({
      latest: { day: "2026-03-02", value: "129.500000" },
      total30: "3340.500000",
      daysIn30: 29,
      olderDays: 1,
    });
    expect(tokens!.points).toHaveLength(29);
    expect(tokens!.points[0]).toEqual({ day: "2026-02-01", value: "100.500000" });
  });

  it("exports every row in the import's columns with trailing zeros dropped", async () => {
    const rows: string[][] = [];
    for await (const r of workloadMetricCsvRows(roleCtx(handle.db, "viewer"), workloadId)) rows.push(r);
    expect(rows).toHaveLength(31);
    expect(rows[0]!.slice(0, 4)).toEqual([name, "requests", "2026-01-15", "1200"]);
    expect(rows[1]!.slice(0, 4)).toEqual([name, "tokens_served", "2025-01-01", "7"]);
    expect(rows[2]!.slice(0, 4)).toEqual([name, "tokens_served", "2026-02-01", "100.5"]);
  });

  it("gives nothing for a workload without metrics", async () => {
    expect(await getWorkloadMetrics(roleCtx(handle.db, "viewer"), "00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});
