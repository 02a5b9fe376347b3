import { describe, expect, it } from "vitest";
import { CAUSES_SHOWN, shownCauses } from "./points";

describe("shownCauses", () => {
  const blocks = (n: number) => Array.from({ length: n }, (_, i) => `b${i}`);

  it("keeps the first 25 (the largest: blocks come largest first) of more", () => {
    expect(CAUSES_SHOWN).toBe(25);
    const shown = shownCauses(blocks(147), false);
    expect(shown).toEqual(blocks(25));
  });

  it("keeps every block when all are asked for, or when there are no more than 25", () => {
    expect(shownCauses(blocks(147), true)).toHaveLength(147);
    expect(shownCauses(blocks(25), false)).toHaveLength(25);
    expect(shownCauses(blocks(3), false)).toEqual(["b0", "b1", "b2"]);
    expect(shownCauses([], false)).toEqual([]);
  });
});
