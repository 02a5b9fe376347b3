import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import type { DbHandle } from "@/lib/db/client";
import { allocations, businessMetrics, teams, utilizationMonthly, workloads } from "@/lib/db/schema";
import { insertCatalog, insertReservationRow, roleCtx, uniq } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getUnitEconomics, getWorkloadUnitEconomics } from "./unit-economics";

const AS_OF = new Date("2026-12-05T12:00:00Z");
const FROM = new Date("2026-10-01T00:00:00Z");
const TO = new Date("2027-02-01T00:00:00Z");

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
}

// One reserved block of 10 H100 at $2/h over October and November 2026 (no billing: planned cost, every hour held).
// 4 are allocated to an inference workload, 5 to a training one, 1 is free.
//   Inference, October: 4 × 744 h × $2 = $5,952; tokens 31 × 10⁹ → $5,952 ÷ 31,000 M = $0.192 per 1M.
//   Inference, November: 4 × 720 h × $2 = $5,760 ($192/day, as in October); tokens 30 × 0.9 × 10⁹ = 27 × 10⁹
//     (0.9 × 10⁹/day, down) → $0.21333… per 1M, and "cost rises while tokens fall".
//   Training: $7,440 and $7,200 on 2 × 10⁹ training tokens a day → $0.12 both months, not listed.
// October's use: the block reported 5,580 AH of its 7,440; allocated 9 × 744 = 6,696 AH, filled 5,580 ÷ 6,696, so the
// inference workload used 2,976 × 5,580 ÷ 6,696 = 2,480 AH; the profile (H100: 3,000 tokens/s) says
// 2,480 × 3,000 × 3,600 = 26,784 M tokens → $5,952 ÷ 26,784 M = $0.2222… (2/9) per 1M. November reported no use: no estimate.
describeOnEachEngine("unit economics", (engine) => {
  let handle: DbHandle;
  let viewer: Ctx;
  let inferenceId: string;
  let trainingId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    viewer = roleCtx(handle.db, "viewer");
    const catalog = await insertCatalog(handle.db);
    const block = await insertReservationRow(handle.db, catalog, {
      quantity: 10,
      rate: "2",
      startAt: new Date("2026-10-01T00:00:00Z"),
      endAt: new Date("2026-12-01T00:00:00Z"),
    });
    const [team] = await handle.db
      .insert(teams)
      .values({ name: uniq("Team") })
      .returning();
    const made = await handle.db
      .insert(workloads)
      .values([
        { name: "Chat", kind: "inference" as const, teamId: team!.id, activeFrom: "2026-01-01" },
        { name: "Pre-training", kind: "training" as const, teamId: team!.id, activeFrom: "2026-01-01" },
        { name: "Research", kind: "research" as const, teamId: team!.id, activeFrom: "2026-01-01" },
      ])
      .returning();
    [inferenceId, trainingId] = [made[0]!.id, made[1]!.id];
    const span = { reservationId: block.id, startAt: block.startAt, endAt: null };
    await handle.db.insert(allocations).values([
      { ...span, workloadId: inferenceId, quantity: 4 },
      { ...span, workloadId: trainingId, quantity: 5 },
    ]);
    await handle.db.insert(utilizationMonthly).values({ reservationId: block.id, month: "2026-10-01", usedAh: "5580", hoursReported: 744 });
    const october = days("2026-10-01", 31);
    const november = days("2026-11-01", 30);
    await handle.db.insert(businessMetrics).values([
      // 29 days of 10⁹ and two that add up to 2 × 10⁹ exactly (summed as numeric, not float).
      ...october.map((day, i) => ({
        workloadId: inferenceId,
        metric: "tokens_served",
        day,
        value: i === 0 ? "1000000000.25" : i === 1 ? "999999999.75" : "1000000000",
      })),
      ...november.map((day) => ({ workloadId: inferenceId, metric: "tokens_served", day, value: "900000000" })),
      { workloadId: inferenceId, metric: "tokens_served", day: "2026-12-01", value: "5" }, // the month in progress: left out
      { workloadId: inferenceId, metric: "training_tokens", day: "2026-10-05", value: "1" }, // not the metric of its kind
      ...[...october, ...november].map((day) => ({ workloadId: trainingId, metric: "training_tokens", day, value: "2000000000" })),
      { workloadId: trainingId, metric: "tokens_served", day: "2026-10-05", value: "1" },
    ]);
  });
  afterAll(() => handle?.close());

  it("gives each workload's $ per 1M tokens per complete month from its own cost and the tokens of its kind", async () => {
    const view = await getUnitEconomics(viewer, { from: FROM, to: TO, asOf: AS_OF });
    expect(view.months.map((m) => m.from.toISOString().slice(0, 7))).toEqual(["2026-10", "2026-11"]);
    expect(view.workloads.map((w) => [w.name, w.metric])).toEqual([
      ["Chat", "tokens_served"],
      ["Pre-training", "training_tokens"],
    ]);
    const [chat, training] = view.workloads;
    const [oct, nov] = chat!.months;
    expect(oct!.cost.toString()).toBe("5952");
    expect(oct!.tokens!.toString()).toBe("31000000000");
    expect(oct!.daysReported).toBe(31);
    expect(oct!.perMillion!.toString()).toBe("0.192");
    expect(nov!.cost.toString()).toBe("5760");
    expect(nov!.tokens!.toString()).toBe("27000000000");
    expect(nov!.perMillion!.toFixed(6)).toBe("0.213333");
    expect(chat!.costUpTokensDown).not.toBeNull();
    expect(chat!.costUpTokensDown!.costPerDay.last.toString()).toBe("192");

    expect(oct!.usedAh.toString()).toBe("2480");
    expect(oct!.profile!.toFixed(6)).toBe("0.222222");
    expect(nov!.profile).toBeNull();

    expect(training!.months.map((m) => [m.cost.toString(), m.perMillion!.toString()])).toEqual([
      ["7440", "0.12"],
      ["7200", "0.12"],
    ]);
    expect(training!.costUpTokensDown).toBeNull();
  });

  it("reads one workload, and takes the profile's tokens/s from the URL as /costs does", async () => {
    const view = await getUnitEconomics(viewer, {
      from: FROM,
      to: TO,
      asOf: AS_OF,
      workloadId: inferenceId,
      profile: { "tps.H100": "6000" },
    });
    expect(view.workloads.map((w) => w.name)).toEqual(["Chat"]);
    expect(view.workloads[0]!.months[0]!.profile!.toFixed(6)).toBe("0.111111");
  });

  it("gives a workload's last 12 complete months for its page, and nothing for a kind without tokens", async () => {
    const chat = await getWorkloadUnitEconomics(viewer, { id: inferenceId, kind: "inference" }, AS_OF);
    expect(chat!.months).toHaveLength(12);
    expect(chat!.months.at(-1)!.perMillion!.toFixed(6)).toBe("0.213333");
    expect(await getWorkloadUnitEconomics(viewer, { id: inferenceId, kind: "research" }, AS_OF)).toBeNull();
  });

  it("gives no months when the range holds no complete month", async () => {
    const view = await getUnitEconomics(viewer, { from: new Date("2026-12-01T00:00:00Z"), to: TO, asOf: AS_OF });
    expect(view.months).toEqual([]);
    expect(view.workloads).toEqual([]);
  });
});
