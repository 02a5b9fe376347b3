import { describe, expect, it } from "vitest";
import { csvCell, csvLine, neutralize, num } from "./write";

describe("csv writer", () => {
  it("quotes commas, quotes and newlines (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("neutralizes formula starts in text but leaves numbers alone", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(num("-1234.5600"))).toBe("-1234.5600");
    expect(neutralize("safe")).toBe("safe");
  });

  it("writes ISO dates, empty nulls and CRLF records", () => {
    expect(csvCell(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01");
    expect(csvCell(new Date("2026-03-01T10:30:00Z"))).toBe("2026-03-01T10:30:00Z");
    expect(csvLine(["a", null, 3, undefined, true])).toBe("a,,3,,true\r\n");
  });

  it("refuses a non-decimal passed as a number", () => {
    expect(() => csvCell(num("=1+1"))).toThrow(/Not a decimal/);
  });
});
