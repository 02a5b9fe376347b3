import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { sql } from "drizzle-orm";
import { queryRows } from "@/lib/db/rows";
import { costLineItems, imports, offers } from "@/lib/db/schema";
import { FORMULA_START_CHARS, neutralize, neutralizeSql } from "@/lib/csv/write";
import { copyCsv } from "@/lib/db/copy-out";
import { refreshBillingMonthly } from "@/lib/ingest/billing-monthly";
import { TARGET_COLUMNS } from "@/lib/ingest/focus/columns";
import { csvBytesResponse, csvResponse, inBatches, mapRows } from "@/lib/csv/response";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { contractListPage, parseContractListParams } from "@/lib/queries/contracts";
import { parseReservationListParams, reservationListPage } from "@/lib/queries/reservations";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { CONTRACT_REGISTER_HEADER, contractRegisterRows } from "./contracts/register-csv";
import { procurementIdentityErrors } from "@/lib/testing/procurement-identities";
import { focusCostCsv, parseFocusCostFilter } from "./costs/focus-csv";
import { icsResponse } from "@/lib/csv/ical";
import { RENEWALS_HEADER, renewalCsvRow, renewalEvent, renewalPage } from "./reservations/renewals";
import { RESERVATION_SCHEDULE_HEADER, reservationScheduleRows } from "./reservations/schedule-csv";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const asOf = d("2026-06-15");

// Minimal RFC 4180 reader for the test: quoted cells with doubled quotes, CRLF or LF records.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  return rows;
}

async function downloadBytes(chunks: AsyncIterable<Uint8Array>): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const [head, ...body] = parseCsv(await csvBytesResponse("x.csv", chunks, { bom: false }).text());
  return { header: head!, rows: body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!]))) };
}

async function download(
  header: readonly string[],
  rows: Parameters<typeof csvResponse>[2],
): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  const [head, ...body] = parseCsv(await csvResponse("x.csv", header, rows, { bom: false }).text());
  return { header: head!, rows: body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!]))) };
}

describeOnEachEngine("procurement exports", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  let billedId: string;
  const ctx = () => roleCtx(handle.db, "viewer");
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db, "x");
    const billed = await insertContractRow(handle.db, catalog, {
      name: '=HYPERLINK("http://evil.example","x")',
      reference: "EA-1",
      startDate: "2026-01-01",
      endDate: "2027-01-01",
      committedAmount: "1234567.8901",
    });
    billedId = billed.id;
    for (let i = 0; i < 4; i++)
      await insertContractRow(handle.db, catalog, {
        name: `Plain ${i}`,
        endDate: i === 0 ? "2028-03-01" : "2026-12-01",
        committedAmount: `${i}00.05`,
      });
    await insertContractRow(handle.db, catalog, { name: "Other provider", providerId: catalog.other.id });
    await insertContractRow(handle.db, catalog, { name: "Archived", archivedAt: new Date(), endDate: "2026-09-01" });
    await insertReservationRow(handle.db, catalog, {
      name: "+cmd|calc",
      contractId: billedId,
      quantity: 3,
      rate: "2.3456",
      startAt: d("2026-01-01"),
      endAt: d("2026-10-01"),
      status: "active",
    });
    await insertReservationRow(handle.db, catalog, {
      name: "On demand",
      quantity: 5,
      rate: "4.1",
      pricingModel: "on_demand",
      endAt: d("2027-09-01"),
    });
    await insertReservationRow(handle.db, catalog, { name: "Elsewhere", providerId: catalog.other.id, endAt: d("2026-07-01") });
    const listed = {
      providerId: catalog.other.id,
      region: "r",
      acceleratorTypeId: catalog.type.id,
      validFrom: "2020-01-01",
      source: "list" as const,
    };
    await handle.db.insert(offers).values([
      { ...listed, pricingModel: "on_demand", rate: "3" },
      { ...listed, pricingModel: "reserved", termMonths: 12, rate: "2" },
      { ...listed, pricingModel: "spot", rate: "1" },
      { ...listed, pricingModel: "on_demand", rate: "0.5", source: "quote" },
      { ...listed, pricingModel: "on_demand", rate: "0.25", archivedAt: new Date() },
    ]);
    const [ok] = await handle.db
      .insert(imports)
      .values({ kind: "focus", fileName: "a.csv", sha256: "c".repeat(64), status: "succeeded" })
      .returning();
    await handle.db.insert(costLineItems).values(
      ["2026-03-03", "2026-04-04", "2026-05-05"].map((day, n) => ({
        importId: ok!.id,
        lineNumber: n + 1,
        contractId: billedId,
        billingCurrency: "USD",
        chargePeriodStart: d(day),
        chargePeriodEnd: d(day),
        billedCost: "10000.01",
        effectiveCost: "10000.01",
        chargeCategory: "Usage",
      })),
    );
    await refreshBillingMonthly(handle.db, "all");
  });
  afterAll(() => handle.close());

  describe("contract register", () => {
    it("writes the FOCUS header, the list's rows across pages, exact decimals and the contract page's burn-down", async () => {
      const params = parseContractListParams({ provider: catalog.provider.id });
      const out = await download(CONTRACT_REGISTER_HEADER, contractRegisterRows(ctx(), params, asOf, 2));
      expect(out.header).toEqual([...CONTRACT_REGISTER_HEADER]);
      const listed = await contractListPage(ctx(), { ...params, pageSize: 100 });
      expect(listed.total).toBe(5);
      expect(out.rows.map((r) => r.ContractCommitmentId)).toEqual(listed.rows.map((r) => r.id));
      const row = out.rows.find((r) => r.ContractCommitmentId === billedId)!;
      const b = await getContractBurndown(ctx(), billedId, asOf);
      expect(row).toMatchObject({
        // numeric(20,4) 1,234,567.8901 → to the cent.
        ContractCommitmentCost: "1234567.89",
        x_committed: "1234567.89",
        ContractId: "EA-1",
        ContractCommitmentPeriodStart: "2026-01-01T00:00:00Z",
        ContractPeriodEnd: "2027-01-01T00:00:00Z",
        BillingCurrency: "USD",
        x_consumed: b.consumed.toFixed(2),
        x_scheduled_remaining: b.scheduled.toFixed(2),
        x_other_remaining: b.other.toFixed(2),
        x_projected_at_end: b.projected!.toFixed(2),
        x_shortfall: b.shortfall.toFixed(2),
        x_overrun: b.overrun.toFixed(2),
        x_term_ended: "no",
        x_as_of: "2026-06-15",
      });
      expect(procurementIdentityErrors(out.rows)).toEqual([]);
      expect(b.sources).toContain("actual");
      expect(row.x_contract_name).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(row.ContractCommitmentDescription).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(out.rows.find((r) => r.x_contract_name === "Plain 3")!.x_committed).toBe("300.05");
    });
  });

  describe("reservation schedule", () => {
    it("writes the list's rows with monthly cost at 730 h, exact rates and the notice date", async () => {
      const params = parseReservationListParams({ provider: catalog.provider.id, sort: "name" });
      const out = await download(RESERVATION_SCHEDULE_HEADER, reservationScheduleRows(ctx(), params, 90, 1));
      expect(out.header).toEqual([...RESERVATION_SCHEDULE_HEADER]);
      const listed = await reservationListPage(ctx(), { ...params, pageSize: 100 });
      expect(out.rows.map((r) => r.id)).toEqual(listed.rows.map((r) => r.id));
      expect(out.rows).toHaveLength(2);
      const [reserved, onDemand] = out.rows;
      expect(reserved).toMatchObject({
        block: "'+cmd|calc",
        rate: "2.345600",
        // 3 × 730 h × 2.3456 = 5,136.864 → to the cent; the rate stays exact.
        monthly_cost: "5136.86",
        notice_date: "2026-07-03",
        end_at: "2026-10-01",
        contract: `'=HYPERLINK("http://evil.example","x")`,
        contract_reference: "EA-1",
      });
      expect(onDemand).toMatchObject({ block: "On demand", rate: "4.100000", monthly_cost: "", pricing_model: "on_demand" });
      // Against the list prices 2 and 3 (not spot, not a quote, not archived): lowest 2, median 2.5; 2.3456 is above one of
      // two → 50th percentile, (2.3456 − 2.5) × 3 × 8,760 = −4,057.632 a year; 4.1 above both → 100th, 1.6 × 5 × 8,760 = 70,080.
      expect(reserved).toMatchObject({
        market_lowest_rate: "2",
        market_median_rate: "2.5",
        market_percentile: "50.0",
        above_market_per_year: "-4057.63",
        market_list_prices: "2",
      });
      expect(onDemand).toMatchObject({ market_percentile: "100.0", above_market_per_year: "70080.00" });
      const shorter = await download(RESERVATION_SCHEDULE_HEADER, reservationScheduleRows(ctx(), params, 30));
      expect(shorter.rows[0]!.notice_date).toBe("2026-09-01");
    });
  });

  describe("renewals", () => {
    it("lists contracts and blocks ending in the next 12 months, soonest first, not archived ones", async () => {
      const rows = await (async () => {
        const out = await download(
          RENEWALS_HEADER,
          mapRows(
            inBatches((o, l) => renewalPage(ctx(), asOf, 90, o, l), 2),
            renewalCsvRow,
          ),
        );
        return out.rows;
      })();
      expect(rows.map((r) => [r.kind, r.name, r.end_at, r.notice_date])).toEqual([
        ["reservation", "Elsewhere", "2026-07-01", "2026-04-02"],
        ["reservation", "'+cmd|calc", "2026-10-01", "2026-07-03"],
        ["contract", "Plain 1", "2026-12-01", "2026-09-02"],
        ["contract", "Plain 2", "2026-12-01", "2026-09-02"],
        ["contract", "Plain 3", "2026-12-01", "2026-09-02"],
        ["contract", `'=HYPERLINK("http://evil.example","x")`, "2027-01-01", "2026-10-03"],
        ["contract", "Other provider", "2027-01-01", "2026-10-03"],
      ]);
      // Committed dollars and hourly rates in their own columns: money to the cent, rates exact.
      expect(rows.find((r) => r.name === "Plain 3")).toMatchObject({ committed_amount: "300.05", rate_per_ah: "" });
      expect(rows.find((r) => r.name === "'+cmd|calc")).toMatchObject({ committed_amount: "", rate_per_ah: "2.345600" });
      expect(rows.find((r) => r.name === "'+cmd|calc")).not.toHaveProperty("amount");
      // As of 2026-06-15, only Elsewhere's notice date (2026-04-02) has passed.
      expect(rows.filter((r) => r.notice_overdue === "yes").map((r) => r.name)).toEqual(["Elsewhere"]);
      expect(rows.filter((r) => r.notice_overdue === "no")).toHaveLength(6);
    });

    it("counts a notice date of today as not yet overdue, and yesterday's as overdue", async () => {
      // Elsewhere ends 2026-07-01; 90 days' notice falls on 2026-04-02.
      const onTheDay = await renewalPage(ctx(), d("2026-04-02"), 90, 0, 100);
      expect(onTheDay.find((r) => r.name === "Elsewhere")!.noticeOverdue).toBe(false);
      const dayAfter = await renewalPage(ctx(), new Date("2026-04-03T08:00:00Z"), 90, 0, 100);
      expect(dayAfter.find((r) => r.name === "Elsewhere")!.noticeOverdue).toBe(true);
    });

    it("writes an RFC 5545 calendar: CRLF, folded at 75 octets, one escaped all-day event per renewal", async () => {
      const renewals = await renewalPage(ctx(), asOf, 90, 0, 100);
      const text = await icsResponse(
        "r.ics",
        mapRows(
          inBatches((o, l) => renewalPage(ctx(), asOf, 90, o, l), 3),
          (r) => renewalEvent(r, asOf),
        ),
      ).text();
      expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
      const physical = text.slice(0, -2).split("\r\n");
      expect(physical.every((l) => !l.includes("\n") && !l.includes("\r"))).toBe(true);
      expect(physical.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
      const lines = text.replace(/\r\n /g, "").slice(0, -2).split("\r\n");
      expect(lines.slice(0, 2)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0"]);
      expect(lines.some((l) => l.startsWith("PRODID:"))).toBe(true);
      const events: Record<string, string>[] = [];
      let current: Record<string, string> | null = null;
      for (const line of lines) {
        if (line === "BEGIN:VEVENT") current = {};
        else if (line === "END:VEVENT") {
          events.push(current!);
          current = null;
        } else if (current) {
          const colon = line.indexOf(":");
          current[line.slice(0, colon)] = line.slice(colon + 1);
        }
      }
      expect(events).toHaveLength(renewals.length);
      expect(new Set(events.map((e) => e.UID)).size).toBe(events.length);
      for (const e of events) {
        expect(Object.keys(e)).toEqual(
          expect.arrayContaining(["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY", "DESCRIPTION"]),
        );
        expect(e.DTSTAMP).toBe("20260615T000000Z");
        expect(e["DTSTART;VALUE=DATE"]).toMatch(/^\d{8}$/);
      }
      const evil = events.find((e) => e.UID === `contract-${billedId}-renewal@headroom`)!;
      expect(evil["DTSTART;VALUE=DATE"]).toBe("20261003");
      expect(evil.SUMMARY).toBe('Renewal notice: Contract =HYPERLINK("http://evil.example"\\,"x") ends 2027-01-01');
      expect(evil.DESCRIPTION).toContain("(EA-1)");
      expect(evil.DESCRIPTION).toContain("committed 1234567.8901 USD");
    });
  });
  describe("FOCUS cost export", () => {
    it("writes succeeded imports' rows as FOCUS columns, exact and neutralized, by the database's CSV writer", async () => {
      const [ok] = await handle.db
        .insert(imports)
        .values({ kind: "focus", fileName: "f.csv", sha256: "d".repeat(64), status: "succeeded" })
        .returning();
      const [failed] = await handle.db
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
      await handle.db
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
        handle.db,
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
        handle.db,
        sql`select count(*)::int as n from cost_line_items c join imports i on i.id = c.import_id where i.status = 'succeeded'`,
      );
      expect(all.rows).toHaveLength(Number(total!.n));
      expect(() => parseFocusCostFilter(new URLSearchParams("from=2026-09-01&to=2026-08-01"))).toThrow("after the start");
    });
    it("pages by key with one header (PGlite) or streams one COPY (server), the same bytes either way", async () => {
      const select = { columns: "g as n, 'row ' || g as label", from: "generate_series(1, 5) g", where: ["g <> 3"], key: "g" };
      let text = "";
      for await (const chunk of copyCsv(handle.db, select, 2)) text += new TextDecoder().decode(chunk);
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
        handle.db,
        sql`select i::int as i, ${sql.raw(neutralizeSql("t"))} as out from json_array_elements_text(${JSON.stringify(samples)}::json) with ordinality as u(t, i)`,
      );
      expect(rows.map((r) => r.out)).toEqual(samples.map((t) => neutralize(t)));
    });
    it("stops the database's work when the reader goes away", async () => {
      const select = { columns: "g as n, md5(g::text) as h", from: "generate_series(1, 3000000) g", where: [], key: "g" };
      const chunks = copyCsv(handle.db, select, 1000);
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
            handle.db,
            sql`select count(*)::int as n from pg_stat_activity where query like 'copy (select g as n, md5%' and pid <> pg_backend_pid()`,
          );
          running = Number(row!.n);
        }
        expect(running).toBe(0);
      }
      const [after] = await queryRows<{ x: number }>(handle.db, sql`select 1 as x`);
      expect(after!.x).toBe(1);
    });
  });
});
