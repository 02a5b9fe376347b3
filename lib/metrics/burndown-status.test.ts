import { describe, expect, it } from "vitest";
import { computedStatus, statusContradiction } from "./burndown-status";
import { Dec } from "./decimal";

const position = (committed: string, consumed: string, atEnd: string, ended = false, started = true) => {
  const c = new Dec(committed);
  const end = new Dec(atEnd);
  return {
    committed: c,
    consumed: new Dec(consumed),
    shortfall: Dec.max(0, c.minus(end)),
    overrun: Dec.max(0, end.minus(c)),
    ended,
    started,
  };
};

describe("computedStatus", () => {
  it("reads the burn-down's position", () => {
    expect(computedStatus(position("100", "40", "100")).kind).toBe("on_track");
    // projected 80 of 100: true-up risk 20
    const risk = computedStatus(position("100", "40", "80"));
    expect([risk.kind, risk.amount?.toString()]).toEqual(["true_up_risk", "20"]);
    const over = computedStatus(position("100", "40", "130"));
    expect([over.kind, over.amount?.toString()]).toEqual(["overrun", "30"]);
    expect(computedStatus(position("100", "100", "130")).kind).toBe("exhausted");
  });
});

describe("statusContradiction", () => {
  it("flags a recorded exhausted contract at 93 % consumed", () => {
    expect(statusContradiction("exhausted", position("100", "93", "93", true))).toBe("recorded_exhausted_not_consumed");
  });

  it("flags an open status against an ended term or a consumed commitment, and expired or pending against the term", () => {
    expect(statusContradiction("active", position("100", "60", "60", true))).toBe("ended_still_open");
    expect(statusContradiction("active", position("100", "101", "140"))).toBe("consumed_not_recorded_exhausted");
    expect(statusContradiction("expired", position("100", "60", "90"))).toBe("expired_not_ended");
    expect(statusContradiction("pending", position("100", "0", "90"))).toBe("pending_started");
  });

  it("finds none where they agree, nor for proposed or cancelled contracts", () => {
    expect(statusContradiction("active", position("100", "40", "80"))).toBeNull();
    expect(statusContradiction("exhausted", position("100", "100", "120"))).toBeNull();
    expect(statusContradiction("expired", position("100", "60", "60", true))).toBeNull();
    expect(statusContradiction("cancelled", position("100", "0", "0", true))).toBeNull();
    expect(statusContradiction("pending", position("100", "0", "90", false, false))).toBeNull();
  });
});
