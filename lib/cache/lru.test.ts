import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("drops the least recently used entry past its bound", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
  });

  it("deletes an entry only while it still holds the value given", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("a", 2);
    lru.deleteIf("a", 1);
    expect(lru.get("a")).toBe(2);
    lru.deleteIf("a", 2);
    expect(lru.get("a")).toBeUndefined();
  });
});

describe("Lru bounded by weight", () => {
  it("drops the oldest entries until the total weight fits, and counts deletions out", () => {
    const lru = new Lru<string, string>(10, (v) => v.length);
    lru.set("a", "xxxx");
    lru.set("b", "yyyy");
    expect(lru.weight).toBe(8);
    lru.set("c", "zzz");
    expect(lru.get("a")).toBeUndefined();
    expect(lru.weight).toBe(7);
    lru.set("b", "y");
    expect(lru.weight).toBe(4);
    lru.delete("c");
    expect(lru.weight).toBe(1);
    expect(lru.size).toBe(1);
  });

  it("keeps nothing heavier than the bound", () => {
    const lru = new Lru<string, string>(3, (v) => v.length);
    lru.set("a", "abcd");
    expect(lru.size).toBe(0);
    expect(lru.weight).toBe(0);
  });
});
