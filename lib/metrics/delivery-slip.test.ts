import { describe, expect, it } from "vitest";
import { deliverySlipP80Days } from "./delivery-slip";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const block = (start: string, delivery: string) => ({ startAt: day(start), deliveryDate: day(delivery) });
const AS_OF = day("2026-12-01");

describe("deliverySlipP80Days", () => {
  it("takes the ⌈0.8 n⌉-th smallest slip", () => {
    // Slips 0, 10, 20, 30, 40 days: ⌈0.8 × 5⌉ = 4th smallest = 30.
    const blocks = [
      block("2026-01-01", "2026-01-01"),
      block("2026-01-01", "2026-01-11"),
      block("2026-02-01", "2026-02-21"),
      block("2026-03-01", "2026-03-31"),
      block("2026-04-01", "2026-05-11"),
    ];
    expect(deliverySlipP80Days(blocks, AS_OF)).toBe(30);
  });

  it("rounds the rank up: of 6 slips the 5th smallest", () => {
    // 1, 2, 3, 4, 5, 6 days: ⌈4.8⌉ = 5 → 5 days.
    const blocks = [1, 2, 3, 4, 5, 6].map((d) => block("2026-06-01", `2026-06-0${1 + d}`));
    expect(deliverySlipP80Days(blocks, AS_OF)).toBe(5);
  });

  it("leaves out deliveries after asOf (not yet past)", () => {
    // Only the 12-day slip is in the past; the 90-day one is due after asOf.
    expect(deliverySlipP80Days([block("2026-10-01", "2026-10-13"), block("2026-11-01", "2027-01-30")], AS_OF)).toBe(12);
  });

  it("is 0 without history and never negative", () => {
    expect(deliverySlipP80Days([], AS_OF)).toBe(0);
    // Delivered 5 and 3 days early: the p80 is −3, floored at 0.
    expect(deliverySlipP80Days([block("2026-05-10", "2026-05-05"), block("2026-05-10", "2026-05-07")], AS_OF)).toBe(0);
  });

  it("counts a start at a time of day in fractions of a day", () => {
    const startAt = new Date("2026-03-01T12:00:00Z");
    expect(deliverySlipP80Days([{ startAt, deliveryDate: day("2026-03-03") }], AS_OF)).toBe(1.5);
  });
});
