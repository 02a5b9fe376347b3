import { describe, expect, it } from "vitest";
import { monthlyHeadroom } from "@/lib/metrics/power-headroom";
import { utcMonths } from "@/lib/metrics/calendar";
import { sitePowerPoints } from "./power-points";

describe("sitePowerPoints", () => {
  it("maps each month's tightest instant and flags the months over budget", () => {
    const months = utcMonths(new Date("2027-01-01T00:00:00Z"), 3);
    // 10,000 × 1,500 W = 15 MW IT × PUE 1.2 = 18 MW from Feb; budget 20 MW, then 16 MW from March.
    const monthly = monthlyHeadroom(
      {
        siteId: "s",
        siteName: "S",
        pue: "1.2",
        budgets: [
          { effectiveFrom: new Date("2026-01-01T00:00:00Z"), effectiveTo: new Date("2027-03-01T00:00:00Z"), contractedMw: "20" },
          { effectiveFrom: new Date("2027-03-01T00:00:00Z"), effectiveTo: null, contractedMw: "16" },
        ],
        loads: [{ quantity: 10_000, systemW: 1500, startAt: new Date("2027-02-01T00:00:00Z"), endAt: new Date("2028-01-01T00:00:00Z") }],
      },
      months,
    );
    expect(sitePowerPoints(monthly)).toEqual([
      { label: "Jan '27", title: "Jan 2027", budgetMw: 20, facilityMw: 0, headroomMw: 20, overBudget: false },
      { label: "Feb '27", title: "Feb 2027", budgetMw: 20, facilityMw: 18, headroomMw: 2, overBudget: false },
      { label: "Mar '27", title: "Mar 2027", budgetMw: 16, facilityMw: 18, headroomMw: -2, overBudget: true },
    ]);
  });
});
