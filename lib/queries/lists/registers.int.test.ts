import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { costLineItems, imports, utilizationDaily, utilizationMonthly } from "@/lib/db/schema";
import { csvLine } from "@/lib/csv/write";
import { refreshBillingMonthly } from "@/lib/ingest/billing-monthly";
import { inBatches } from "@/lib/csv/response";
import { insertCatalog, insertContractRow, insertReservationRow, roleCtx, type Catalog } from "@/lib/testing/commercial-fixtures";
import { createTestDatabase, describeOnEachEngine } from "@/lib/testing/databases";
import { getContractBurndown } from "@/lib/queries/contracts/burndown";
import { contractListPage, contractRows, parseContractListParams } from "@/lib/queries/contracts";
import { ensurePartition } from "@/lib/ingest/focus/partition";
import { getReservationDetail } from "@/lib/queries/reservations/detail";
import {
  expiringReservations,
  parseReservationListParams,
  reservationListPage,
  reservationRows,
  reservationTimelinePage,
} from "@/lib/queries/reservations";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describeOnEachEngine("register queries", (engine) => {
  let handle: DbHandle;
  let catalog: Catalog;
  const ctx = () => roleCtx(handle.db, "viewer");
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    catalog = await insertCatalog(handle.db, "q");
    // 30 contracts: "Alpha 00".."Alpha 14" with the first provider, "Beta 00".."Beta 14" with the other.
    for (let i = 0; i < 30; i++) {
      const beta = i >= 15;
      await insertContractRow(handle.db, catalog, {
        name: `${beta ? "Beta" : "Alpha"} ${String(i % 15).padStart(2, "0")}`,
        reference: `REF-${i}`,
        providerId: beta ? catalog.other.id : catalog.provider.id,
        committedAmount: String(1000 * (i + 1)),
        status: i % 3 === 0 ? "pending" : "active",
        archivedAt: i === 29 ? new Date() : null,
      });
    }
  });
  afterAll(() => handle.close());

  describe("contract list", () => {
    it("answers a search or filter holding NUL with the unfiltered list, as a malformed value, never an error", async () => {
      const params = parseContractListParams(new URLSearchParams("q=%00&provider=%00&status=pending"));
      expect((await contractListPage(ctx(), params)).total).toBe(10);
      expect(await collect(inBatches((offset, limit) => contractRows(ctx(), params, offset, limit)))).toHaveLength(10);
      const reservations = await reservationListPage(ctx(), parseReservationListParams(new URLSearchParams("q=a%00b&family=%00")));
      expect(reservations.total).toBe((await reservationListPage(ctx(), parseReservationListParams({}))).total);
    });

    it("filters by provider and status, searches name or reference, hides archived rows", async () => {
      const all = await contractListPage(ctx(), parseContractListParams({}));
      expect(all.total).toBe(29);
      const byProvider = await contractListPage(ctx(), parseContractListParams({ provider: catalog.other.id }));
      expect(byProvider.total).toBe(14);
      const pending = await contractListPage(ctx(), parseContractListParams({ status: "pending", provider: catalog.provider.id }));
      expect(pending.rows.map((r) => r.name).sort()).toEqual(["Alpha 00", "Alpha 03", "Alpha 06", "Alpha 09", "Alpha 12"]);
      const search = await contractListPage(ctx(), parseContractListParams({ q: "ref-2" }));
      expect(search.rows.map((r) => r.reference).sort()).toEqual([
        "REF-2",
        "REF-20",
        "REF-21",
        "REF-22",
        "REF-23",
        "REF-24",
        "REF-25",
        "REF-26",
        "REF-27",
        "REF-28",
      ]);
      const archived = await contractListPage(ctx(), parseContractListParams({ archived: "only" }));
      expect(archived.rows.map((r) => r.name)).toEqual(["Beta 14"]);
    });

    it("sorts in SQL and pages", async () => {
      const page = await contractListPage(ctx(), parseContractListParams({ sort: "committed", dir: "desc", size: "25", page: "2" }));
      expect(page).toMatchObject({ total: 29, page: 2, pageCount: 2, pageSize: 25 });
      expect(page.rows.map((r) => r.committedAmount)).toEqual(["4000.0000", "3000.0000", "2000.0000", "1000.0000"]);
      const byName = await contractListPage(ctx(), parseContractListParams({ sort: "name", dir: "asc", size: "25" }));
      expect(byName.rows[0]!.name).toBe("Alpha 00");
      expect(byName.rows[24]!.name).toBe("Beta 09");
    });

    it("sorts by a burn-down column across every filtered contract, then pages", async () => {
      const params = parseContractListParams({ sort: "gap", dir: "asc", size: "25", page: "2" });
      const page = await contractListPage(ctx(), params, d("2026-04-16"));
      // Nothing consumed or booked: each contract ends at 0, short by its whole commitment; the largest shortfall first.
      expect(page).toMatchObject({ total: 29, page: 2 });
      expect(page.rows.map((r) => r.burndown.shortfall.toFixed(2))).toEqual(["4000.00", "3000.00", "2000.00", "1000.00"]);
    });

    it("clamps a page past the end to the last page", async () => {
      const page = await contractListPage(ctx(), parseContractListParams({ page: "99", size: "25" }));
      expect(page.page).toBe(2);
      expect(page.rows).toHaveLength(4);
    });

    it("exports exactly the filtered rows, in order, across batches", async () => {
      const params = parseContractListParams({ q: "alpha", sort: "committed", dir: "desc" });
      const exported = await collect(inBatches((offset, limit) => contractRows(ctx(), params, offset, limit), 4));
      const listed = await contractListPage(ctx(), { ...params, pageSize: 100 });
      expect(exported.map((r) => r.id)).toEqual(listed.rows.map((r) => r.id));
      expect(exported).toHaveLength(15);
      expect(csvLine([exported[0]!.name, { number: exported[0]!.committedAmount }])).toBe("Alpha 14,15000.0000\r\n");
    });
  });

  describe("reservations", () => {
    let contractId: string;
    let onDemandId: string;
    let reservedId: string;
    beforeAll(async () => {
      const contract = await insertContractRow(handle.db, catalog, {
        name: "Burn",
        startDate: "2026-01-01",
        endDate: "2027-01-01",
        committedAmount: "365000",
      });
      contractId = contract.id;
      reservedId = (
        await insertReservationRow(handle.db, catalog, {
          name: "R reserved",
          contractId,
          quantity: 2,
          rate: "1.5",
          startAt: d("2026-01-01"),
          endAt: d("2026-07-01"),
          status: "active",
        })
      ).id;
      onDemandId = (
        await insertReservationRow(handle.db, catalog, {
          name: "R on demand",
          contractId,
          quantity: 4,
          rate: "2",
          pricingModel: "on_demand",
          startAt: d("2026-02-01"),
          endAt: d("2026-12-01"),
          status: "active",
        })
      ).id;
      await insertReservationRow(handle.db, catalog, {
        name: "R other site",
        siteId: catalog.site.id,
        startAt: d("2026-05-01"),
        endAt: d("2026-06-20"),
        status: "active",
      });
      await handle.db.insert(utilizationDaily).values([
        { reservationId: onDemandId, day: "2026-02-10", usedAh: "100", hoursReported: 24 },
        { reservationId: onDemandId, day: "2026-03-05", usedAh: "50", hoursReported: 24 },
        { reservationId: onDemandId, day: "2026-04-20", usedAh: "999", hoursReported: 24 },
      ]);
      await handle.db.insert(utilizationMonthly).values([
        { reservationId: reservedId, month: "2026-01-01", usedAh: "1116", hoursReported: 744 },
        { reservationId: reservedId, month: "2026-02-01", usedAh: "1344", hoursReported: 672 },
      ]);
      const [ok] = await handle.db
        .insert(imports)
        .values({ kind: "focus", fileName: "a.csv", sha256: "a".repeat(64), status: "succeeded" })
        .returning();
      const [failed] = await handle.db
        .insert(imports)
        .values({ kind: "focus", fileName: "b.csv", sha256: "b".repeat(64), status: "failed" })
        .returning();
      const line = (importId: number, n: number, start: string, cost: string, currency = "USD", reservationId?: string) => ({
        importId,
        lineNumber: n,
        contractId,
        reservationId,
        billingCurrency: currency,
        chargePeriodStart: d(start),
        chargePeriodEnd: d(start),
        billedCost: cost,
        effectiveCost: cost,
        chargeCategory: "Usage",
      });
      for (const i of [ok!.id, failed!.id]) await ensurePartition(handle.db, i);
      await handle.db
        .insert(costLineItems)
        .values([
          line(ok!.id, 1, "2026-03-01", "5000", "USD", reservedId),
          line(ok!.id, 2, "2026-03-20", "1234.5"),
          line(ok!.id, 3, "2026-03-21", "777", "EUR"),
          line(failed!.id, 1, "2026-02-01", "88888"),
        ]);
      await refreshBillingMonthly(handle.db, "all");
    });

    it("uses actual EffectiveCost for months with billing rows and planned cost for the others", async () => {
      const b = await getContractBurndown(ctx(), contractId, d("2026-04-16"));
      // Jan: 2 × 744 h × 1.5 = 2,232; Feb: 2 × 672 × 1.5 + 100 AH × 2 = 2,216; Mar: billed 6,234.5; Apr 1–16: 2 × 360 × 1.5 = 1,080.
      expect(b.months.map((m) => [m.month.toISOString().slice(0, 7), String(m.amount), m.source])).toEqual([
        ["2026-01", "2232", "planned"],
        ["2026-02", "2216", "planned"],
        ["2026-03", "6234.5", "actual"],
        ["2026-04", "1080", "planned"],
      ]);
      expect(b.consumed.toString()).toBe("11762.5");
      // Scheduled from 16 Apr: the reserved block to 1 Jul, 76 days × 24 h × 2 × 1.5 = 5,472; the on-demand block to
      // 1 Dec, 229 days × 24 h × 4 × 2 (forecast to use every hour) = 43,968.
      expect(b.scheduled.toString()).toBe("49440");
      // Other: of March's billed 6,234.5, 5,000 is tied to the reserved block; 1,234.5 is tied to none. March is the
      // window's only billed month (31 days): 1,234.5 ÷ 31 a day × 260 days left = 10,353.87.
      expect(b.months[2]!.other?.toString()).toBe("1234.5");
      expect(b.other.toFixed(2)).toBe("10353.87");
      expect(b.projected!.toFixed(2)).toBe("71556.37"); // 11,762.5 + 49,440 + 10,353.87
      expect(b.shortfall.toFixed(2)).toBe("293443.63");
      expect(b.sources.sort()).toEqual(["actual", "planned"]);
    });

    it("reads a block's utilization and idle cost from the monthly rollups", async () => {
      const r = await getReservationDetail(ctx(), reservedId);
      // capacity = 2 × hours reported: Jan 1,488 AH (1,116 used), Feb 1,344 AH (all used).
      expect(r.usage!.months.map((m) => [m.month, m.capacityAh.toString(), m.idleCost.toString()])).toEqual([
        ["2026-01-01", "1488", "558"],
        ["2026-02-01", "1344", "0"],
      ]);
      expect(r.usage!.utilization!.toFixed(4)).toBe((2460 / 2832).toFixed(4));
      expect((await getReservationDetail(ctx(), onDemandId)).usage).toBeNull();
    });

    it("filters the reservation list by contract and family and exports the same rows", async () => {
      const params = parseReservationListParams({ contract: contractId, sort: "name", dir: "asc" });
      const page = await reservationListPage(ctx(), params);
      expect(page.rows.map((r) => r.name)).toEqual(["R on demand", "R reserved"]);
      expect(page.rows[0]!.contractName).toBe("Burn");
      const exported = await collect(inBatches((o, l) => reservationRows(ctx(), params, o, l), 1));
      expect(exported.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
      const none = await reservationListPage(ctx(), parseReservationListParams({ family: "TPU" }));
      expect(none.total).toBe(0);
      const h100 = await reservationListPage(ctx(), parseReservationListParams({ family: "H100", q: "r o" }));
      expect(h100.rows.map((r) => r.name).sort()).toEqual(["R on demand", "R other site"]);
    });

    it("pages the timeline's blocks in the window, earliest start first, with the list's filters", async () => {
      const window = { from: d("2026-01-15"), to: d("2026-06-01") };
      const names = (r: { rows: { name: string }[] }) => r.rows.map((x) => x.name);
      // All three overlap the window; starts 1 Jan, 1 Feb, 1 May; two per page → pages of 2 and 1.
      const first = await reservationTimelinePage(ctx(), parseReservationListParams({}), window, 2);
      expect([names(first), first.total, first.page, first.pageCount]).toEqual([["R reserved", "R on demand"], 3, 1, 2]);
      const second = await reservationTimelinePage(ctx(), parseReservationListParams({ timeline: "2" }), window, 2);
      expect([names(second), second.page]).toEqual([["R other site"], 2]);
      // Past the last page: the last page; not a number: the first.
      expect((await reservationTimelinePage(ctx(), parseReservationListParams({ timeline: "9" }), window, 2)).page).toBe(2);
      expect((await reservationTimelinePage(ctx(), parseReservationListParams({ timeline: "x" }), window, 2)).page).toBe(1);
      // The list's filters apply; the table's own page does not move the timeline.
      const onContract = await reservationTimelinePage(ctx(), parseReservationListParams({ contract: contractId, page: "3" }), window, 2);
      expect([names(onContract), onContract.pageCount]).toEqual([["R reserved", "R on demand"], 1]);
      const none = await reservationTimelinePage(ctx(), parseReservationListParams({ family: "TPU" }), window, 2);
      expect([none.rows, none.total, none.page, none.pageCount]).toEqual([[], 0, 1, 1]);
      // R other site ends on 20 Jun: not in a window that starts then.
      const late = await reservationTimelinePage(ctx(), parseReservationListParams({}), { from: d("2026-06-20"), to: d("2026-07-01") }, 2);
      expect([names(late), late.total]).toEqual([["R reserved", "R on demand"], 2]);
    });

    it("lists the blocks ending within 90 days, soonest first", async () => {
      const rows = await expiringReservations(ctx(), parseReservationListParams({}), d("2026-04-16"));
      expect(rows.map((r) => r.name)).toEqual(["R other site", "R reserved"]);
    });
  });
});
