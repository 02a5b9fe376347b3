import { describe, expect, it } from "vitest";
import { deepFreeze } from "./freeze";
import { stableKey } from "./key";

describe("stableKey", () => {
  it("gives the same key whatever the order of object keys, leaving undefined out", () => {
    expect(stableKey({ b: 1, a: [null, "x"], c: undefined })).toBe(stableKey({ a: [null, "x"], b: 1 }));
  });

  it("tells dates, URL parameters and nulls apart", () => {
    expect(stableKey({ asOf: new Date("2026-01-01T00:00:00Z") })).not.toBe(stableKey({ asOf: new Date("2026-01-01T00:01:00Z") }));
    expect(stableKey(new URLSearchParams("b=2&a=1&a=3"))).toBe(stableKey(new URLSearchParams("a=1&b=2&a=3")));
    expect(stableKey(new URLSearchParams("a=1&a=3"))).not.toBe(stableKey(new URLSearchParams("a=3&a=1")));
    expect(stableKey({ provider: null })).not.toBe(stableKey({ provider: "null" }));
    expect(stableKey({ provider: null })).not.toBe(stableKey({}));
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(() => (value.a.b as unknown[]).push(3)).toThrow(TypeError);
  });
});
