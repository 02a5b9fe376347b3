import { describe, expect, it } from "vitest";
import { icsResponse } from "@/lib/csv/ical";
import { inBatches, mapRows } from "@/lib/csv/response";
import { download } from "@/lib/testing/csv-download";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { asOf, d, useProcurementExports } from "@/lib/testing/procurement-exports";
import { RENEWALS_HEADER, renewalCsvRow, renewalEvent, renewalPage } from "./renewals";

describeOnEachEngine("procurement exports", (engine) => {
  const fx = useProcurementExports(engine);
  const { ctx } = fx;

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
      const evil = events.find((e) => e.UID === `contract-${fx.billedId}-renewal@headroom`)!;
      expect(evil["DTSTART;VALUE=DATE"]).toBe("20261003");
      expect(evil.SUMMARY).toBe('Renewal notice: Contract =HYPERLINK("http://evil.example"\\,"x") ends 2027-01-01');
      expect(evil.DESCRIPTION).toContain("(EA-1)");
      expect(evil.DESCRIPTION).toContain("committed 1234567.8901 USD");
    });
  });
});
