import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMULA_START_CHARS, neutralize, neutralizeSql } from "@/lib/csv/write";
import { copyCsv } from "@/lib/db/copy-out";
import { queryRows } from "@/lib/db/rows";
import { costLineItems, imports } from "@/lib/db/schema";
import { TARGET_COLUMNS } from "@/lib/ingest/focus/columns";
import { downloadBytes } from "@/lib/testing/csv-download";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { useProcurementExports } from "@/lib/testing/procurement-exports";
import { focusCostCsv, parseFocusCostFilter } from "./focus-csv";
import { ensurePartition } from "@/lib/ingest/focus/partition";

describeOnEachEngine("procurement exports", (engine) => {
  const fx = useProcurementExports(engine);
  const { ctx } = fx;

  describe("FOCUS cost export", () => {
    it("writes succeeded imports' rows as FOCUS columns, exact and neutralized, by the database's CSV writer", async () => {
      const [ok] = await fx.handle.db
        .insert(imports)
        .values({ kind: "focus", fileName: "f.csv", sha256: "d".repeat(64), status: "succeeded" })
        .returning();
      const [failed] = await fx.handle.db
        .insert(imports)
        .values({ kind: "focus", fileName: "g.csv", sha256: "e".repeat(64), status: "failed" })
        .returning();
      const line = (importId: number, n: number, cost: string, description: string) => ({
        importId,
        lineNumber: n,
        billingCurrency: "USD",
        chargePeriodStart: new Date("2026-08-01T05:00:00Z"),
        chargePeriodEnd: new Date("2026-08-01T06:00:00Z"),
        billedCost: cost,
        effectiveCost: cost,
        chargeCategory: "Usage",
        chargeDescription: description,
      });
      for (const i of [ok!.id, failed!.id]) await ensurePartition(fx.handle.db, i);
      await fx.handle.db
        .insert(costLineItems)
        .values([
          line(ok!.id, 1, "-12.34", "@SUM(A1)"),
          line(ok!.id, 2, "0.0000000001", "GPU hours, 8×H100"),
          line(ok!.id, 3, "5", "x"),
          line(failed!.id, 1, "999", "no"),
        ]);
      const filter = parseFocusCostFilter(new URLSearchParams("from=2026-08-01&to=2026-08-02"));
      const out = await downloadBytes(focusCostCsv(ctx(), filter));
      // Every FOCUS column the importer reads back except Tags, so an exported file imports again.
      expect([...out.header].sort()).toEqual(
        TARGET_COLUMNS.map((c) => c.focus)
          .filter((name) => name !== "Tags")
          .sort(),
      );
      const [count] = await queryRows<{ n: number }>(
        fx.handle.db,
        sql`select count(*)::int as n from cost_line_items c join imports i on i.id = c.import_id
        where i.status = 'succeeded' and c.charge_period_start >= '2026-08-01T00:00:00Z' and c.charge_period_start < '2026-08-02T00:00:00Z'`,
      );
      expect(out.rows).toHaveLength(Number(count!.n));
      expect(out.rows.map((r) => [r.BilledCost, r.ChargeDescription, r.ChargePeriodStart])).toEqual([
        ["-12.3400000000", "'@SUM(A1)", "2026-08-01T05:00:00Z"],
        ["0.0000000001", "GPU hours, 8×H100", "2026-08-01T05:00:00Z"],
        ["5.0000000000", "x", "2026-08-01T05:00:00Z"],
      ]);
      const all = await downloadBytes(focusCostCsv(ctx(), parseFocusCostFilter(new URLSearchParams())));
      const [total] = await queryRows<{ n: number }>(
        fx.handle.db,
        sql`select count(*)::int as n from cost_line_items c join imports i on i.id = c.import_id where i.status = 'succeeded'`,
      );
      expect(all.rows).toHaveLength(Number(total!.n));
      expect(() => parseFocusCostFilter(new URLSearchParams("from=2026-09-01&to=2026-08-01"))).toThrow("after the start");
    });
    it("pages by key with one header (PGlite) or streams one COPY (server), the same bytes either way", async () => {
      const select = { columns: "g as n, 'row ' || g as label", from: "generate_series(1, 5) g", where: ["g <> 3"], key: "g" };
      let text = "";
      for await (const chunk of copyCsv(fx.handle.db, select, 2)) text += new TextDecoder().decode(chunk);
      expect(text).toBe("n,label\n1,row 1\n2,row 2\n4,row 4\n5,row 5\n");
    });
    it("neutralizes in SQL exactly as the CSV writer does", async () => {
      const samples = [
        ...FORMULA_START_CHARS.map((c) => `${c}SUM(A1)`),
        "",
        "safe",
        " =not first",
        "'already",
        "naïve",
        "日本",
        "-",
        "+1",
        "@",
        "\tx",
        "\rx",
        "x=1",
        ...fc.sample(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "a", ",", '"', "\n", "é", " ") }), 200),
      ];
      const rows = await queryRows<{ i: number; out: string }>(
        fx.handle.db,
        sql`select i::int as i, ${sql.raw(neutralizeSql("t"))} as out from json_array_elements_text(${JSON.stringify(samples)}::json) with ordinality as u(t, i)`,
      );
      expect(rows.map((r) => r.out)).toEqual(samples.map((t) => neutralize(t)));
    });
    it("stops the database's work when the reader goes away", async () => {
      const select = { columns: "g as n, md5(g::text) as h", from: "generate_series(1, 3000000) g", where: [], key: "g" };
      const chunks = copyCsv(fx.handle.db, select, 1000);
      const heapBefore = process.memoryUsage().heapUsed;
      const first = await chunks.next();
      expect(first.done).toBe(false);
      // The whole result is ~130 MB of CSV; the first chunk arrives without it being held anywhere in this process.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 2 ** 20);
      await chunks.return(undefined);
      if (engine === "postgres") {
        let running = 1;
        for (let i = 0; i < 50 && running > 0; i++) {
          await new Promise((r) => setTimeout(r, 100));
          const [row] = await queryRows<{ n: number }>(
            fx.handle.db,
            sql`select count(*)::int as n from pg_stat_activity where query like 'copy (select g as n, md5%' and pid <> pg_backend_pid()`,
          );
          running = Number(row!.n);
        }
        expect(running).toBe(0);
      }
      const [after] = await queryRows<{ x: number }>(fx.handle.db, sql`select 1 as x`);
      expect(after!.x).toBe(1);
    });
  });
});
