import { describe, expect, it } from "vitest";
import { burndown } from "@/lib/metrics/burndown";
import { burndownPoints } from "./points";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("burndownPoints", () => {
  it("labels month starts by month and other marks by day, in whole cents", () => {
    const b = burndown({
      committed: "59000",
      start: d("2026-01-15"),
      end: d("2026-03-15"),
      asOf: d("2026-02-15"),
      months: [
        { month: d("2026-01-01"), amount: "17000.004", source: "planned" },
        { month: d("2026-02-01"), amount: "14000", source: "planned" },
      ],
    });
    const points = burndownPoints(b);
    expect(points.map((p) => p.label)).toEqual(["15 Jan 2026", "Feb '26", "15 Feb 2026", "Mar '26", "15 Mar 2026"]);
    expect(points[1]!.values).toEqual({ committed: 59000, expected: 17000, consumed: 17000, projected: null });
    expect(points[2]!.values.consumed).toBe(31000);
    expect(points[4]!.values.consumed).toBeNull();
  });
});
