import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { queryRows } from "@/lib/db/rows";
import { ValidationError } from "@/lib/errors";
import { createDemoTestDatabase } from "@/lib/testing/demo-database";
import { describeOnEachEngine } from "@/lib/testing/databases";
import type { planJson } from "@/lib/queries/plan/json";
import { runHeadroom } from "./headroom-cli";

const AS_OF = "2026-11-17T09:30:00Z";

// The CLI's main function on the demo seed: the same plan service as the API and the page.
describeOnEachEngine("npm run headroom -- plan", (engine) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createDemoTestDatabase(engine);
  }, 180_000);
  afterAll(() => handle?.close());

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const code = await runHeadroom(argv, {
      open: async () => ({ ...handle, close: async () => {} }),
      out: (l) => out.push(l),
      progress: () => {},
    });
    return { code, out: out.join("\n") };
  }

  it("prints the plan as JSON with status optimal", async () => {
    const { code, out } = await cli("plan", "--json", "--family", "GB200", "--demand", "p80", "--cap-provider", "0.5", "--as-of", AS_OF);
    expect(code).toBe(0);
    const plan = JSON.parse(out) as ReturnType<typeof planJson>;
    expect(plan.status).toBe("optimal");
    expect(plan).toMatchObject({ from: "2026-12", to: "2028-11", inputs: { families: ["GB200"], demand: "p80", capProvider: 0.5 } });
    expect(plan.blocks.length).toBeGreaterThan(0);
    expect(Array.isArray(plan.unmet) && Array.isArray(plan.bindings)).toBe(true);
    expect(typeof plan.objective).toBe("number");
    expect(typeof plan.solveMs).toBe("number");
  });

  it("prints a short summary without --json", async () => {
    const { code, out } = await cli("plan", "--family", "GB200", "--horizon", "12", "--no-spot", "--no-on-demand", "--as-of", AS_OF);
    expect(code).toBe(0);
    expect(out).toMatch(/^Optimal plan\. 2026-12 – 2027-11, \d+ offers, solved in [\d.]+ s\./);
    expect(out).toMatch(/committed cost \$[\d,]+, of which \$[\d,]+ inside the horizon/);
  });

  it("refuses bad inputs with the message, and bad usage with exit code 2", async () => {
    await expect(cli("plan", "--horizon", "61")).rejects.toThrow(ValidationError);
    await expect(cli("plan", "--demand", "p99")).rejects.toThrow(/Demand must be median, p80 or p95/);
    const { code, out } = await cli("plan", "--frobnicate");
    expect(code).toBe(2);
    expect(out).toMatch(/Usage:/);
  });

  it("saves the plan as a scenario with --save, as the user given by --as", async () => {
    const name = `CLI plan ${engine}`;
    const { code, out } = await cli(
      "plan",
      "--json",
      "--family",
      "GB200",
      "--save",
      name,
      "--as-of",
      AS_OF,
      "--as",
      "infra@headroom.local",
    );
    expect(code).toBe(0);
    const answer = JSON.parse(out) as ReturnType<typeof planJson> & { scenario: { id: string; name: string } };
    expect(answer.scenario.name).toBe(name);
    const rows = await queryRows<{ id: string }>(handle.db, sql`select id from scenarios where name = ${name}`);
    expect(rows.map((r) => r.id)).toEqual([answer.scenario.id]);
  });
});
