import { describe, expect, it } from "vitest";
import { download } from "@/lib/testing/csv-download";
import { describeOnEachEngine } from "@/lib/testing/databases";
import { useProcurementExports } from "@/lib/testing/procurement-exports";
import { parseReservationListParams, reservationListPage } from "@/lib/queries/reservations";
import { RESERVATION_SCHEDULE_HEADER, reservationScheduleRows } from "./schedule-csv";

describeOnEachEngine("procurement exports", (engine) => {
  const fx = useProcurementExports(engine);
  const { ctx } = fx;

  describe("reservation schedule", () => {
    it("writes the list's rows with monthly cost at 730 h, exact rates and the notice date", async () => {
      const params = parseReservationListParams({ provider: fx.catalog.provider.id, sort: "name" });
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
});
