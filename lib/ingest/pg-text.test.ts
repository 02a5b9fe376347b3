import { describe, expect, it } from "vitest";
import { btrim, jsonbText, jsonValueText, pgLower, trimmedOrNull } from "./pg-text";

describe("PostgreSQL text semantics", () => {
  it("btrim strips spaces only", () => {
    expect(btrim("  a b  ")).toBe("a b");
    expect(btrim("\ta\n")).toBe("\ta\n");
    expect(trimmedOrNull("   ")).toBeNull();
    expect(trimmedOrNull(null)).toBeNull();
  });

  it("lower maps one code point at a time, as PostgreSQL's lower under a UTF-8 ctype", () => {
    expect(pgLower("AWS")).toBe("aws");
    expect(pgLower("ÉAİẞΣ")).toBe("éaißσ");
  });

  it("renders jsonb text: keys by byte length then bytes, spaced separators", () => {
    expect(jsonbText({ bb: 2, a: "x\ty", é: [1, true, null] })).toBe('{"a": "x\\ty", "bb": 2, "é": [1, true, null]}');
  });

  it("reads ->> values: strings as is, JSON null as SQL null, the rest as JSON text", () => {
    expect(jsonValueText("a")).toBe("a");
    expect(jsonValueText(null)).toBeNull();
    expect(jsonValueText(undefined)).toBeNull();
    expect(jsonValueText(7)).toBe("7");
    expect(jsonValueText(false)).toBe("false");
    expect(jsonValueText({ k: "v" })).toBe('{"k": "v"}');
  });
});
