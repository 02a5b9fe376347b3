import { describe, expect, it } from "vitest";
import { firstStartMonth, offerReadyAt } from "./lead-time";

const at = (iso: string) => new Date(iso);
const FIRST = at("2026-12-01T00:00:00Z");

describe("offerReadyAt", () => {
  it("adds the lead time to asOf", () => {
    // 17 Nov 2026 09:30 + 120 days = 17 Mar 2027 09:30.
    expect(offerReadyAt({ asOf: at("2026-11-17T09:30:00Z"), validFrom: at("2026-01-01T00:00:00Z"), leadTimeDays: 120 })).toEqual(
      at("2027-03-17T09:30:00Z"),
    );
  });

  it("counts from a later valid-from date, and adds the slip", () => {
    // valid from 1 Feb 2027; + 30 days lead + 14.5 days slip = 44.5 days: 1 Mar (+28) then 17 Mar 12:00 (+16.5).
    const ready = offerReadyAt({
      asOf: at("2026-11-17T00:00:00Z"),
      validFrom: at("2027-02-01T00:00:00Z"),
      leadTimeDays: 30,
      slipDays: 14.5,
    });
    expect(ready).toEqual(at("2027-03-17T12:00:00Z"));
  });
});

describe("firstStartMonth", () => {
  it("is the first month beginning on or after the ready day", () => {
    // Ready 17 Mar 2027 → April 2027, the 5th month from December 2026 (index 4).
    expect(firstStartMonth(FIRST, at("2027-03-17T09:30:00Z"))).toBe(4);
    // Ready exactly 1 Mar 2027 00:00 → March itself (index 3).
    expect(firstStartMonth(FIRST, at("2027-03-01T00:00:00Z"))).toBe(3);
  });

  it("is 0 for capacity ready before or during the first month's start", () => {
    // Ready 17 Nov 2026 (no lead time) → December, index 0; ready in October → still 0.
    expect(firstStartMonth(FIRST, at("2026-11-17T09:30:00Z"))).toBe(0);
    expect(firstStartMonth(FIRST, at("2026-10-02T00:00:00Z"))).toBe(0);
  });
});
