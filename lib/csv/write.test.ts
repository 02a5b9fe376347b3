import { describe, expect, it } from "vitest";
import { csvCell, csvLine, money, neutralize, num } from "./write";
import { dec } from "@/lib/metrics/decimal";

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

  it("writes money to the cent without floating it, and rates exact", () => {
    // The shared burn-down's 13171506.84931506849315068493150684931507 (a linear share of a commitment) → cents.
    expect(csvCell(money(dec("13171506.84931506849315068493150684931507")))).toBe("13171506.85");
    // numeric(20,4) from the database: 262,000,000.0000 → 262000000.00.
    expect(csvCell(money("262000000.0000"))).toBe("262000000.00");
    // Half-even, as every Dec rounds: 0.125 → 0.12, 0.135 → 0.14; a tiny credit is 0.00, not -0.00.
    expect(csvCell(money("0.125"))).toBe("0.12");
    expect(csvCell(money("0.135"))).toBe("0.14");
    expect(csvCell(money("-0.004"))).toBe("0.00");
    expect(csvCell(money("-1234.565"))).toBe("-1234.56");
    expect(money(null)).toBeNull();
    expect(csvCell(num("2.123456"))).toBe("2.123456");
  });
});
