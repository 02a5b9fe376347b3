import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { noticeDate, parseNoticeDays } from "./notice";
import { monthlyCost } from "./schedule-csv";

describe("renewal notice", () => {
  it("defaults to 90 days and reads ?notice= whole days", () => {
    expect(parseNoticeDays(new URLSearchParams())).toBe(90);
    expect(parseNoticeDays(new URLSearchParams("notice=30"))).toBe(30);
  });

  it("refuses a notice that is negative, fractional, too long or not a number", () => {
    for (const bad of ["-1", "1.5", "731", "soon"])
      expect(() => parseNoticeDays(new URLSearchParams({ notice: bad }))).toThrow(ValidationError);
    expect(() => parseNoticeDays(new URLSearchParams({ notice: "soon" }))).toThrow("Notice must be a whole number of days.");
  });

  it("places the notice date the given days before the end, at UTC midnight", () => {
    expect(noticeDate(new Date("2027-01-01T00:00:00Z"), 90).toISOString()).toBe("2026-10-03T00:00:00.000Z");
    expect(noticeDate(new Date("2027-01-01T18:30:00Z"), 0).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});

describe("monthly cost", () => {
  it("is quantity × 730 h × rate for reserved blocks, exactly, and none for pay-per-use ones", () => {
    expect(monthlyCost({ pricingModel: "reserved", quantity: 3, rate: "2.345600" })).toBe("5136.864");
    expect(monthlyCost({ pricingModel: "reserved", quantity: 1, rate: "0.000001" })).toBe("0.00073");
    expect(monthlyCost({ pricingModel: "spot", quantity: 3, rate: "2" })).toBeNull();
  });
});
