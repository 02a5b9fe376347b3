import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsDate, icsDateTime, vevent } from "./ical";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and newlines in TEXT values", () => {
    expect(escapeText("a\\b;c,d\r\ne\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("leaves a line of 75 octets whole and folds a longer one with a leading space", () => {
    expect(foldLine("x".repeat(75))).toBe(`${"x".repeat(75)}\r\n`);
    const folded = foldLine("y".repeat(200));
    const lines = folded.slice(0, -2).split("\r\n");
    expect(lines.map(octets)).toEqual([75, 75, 52]);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe("y".repeat(200));
  });

  it("never splits a multi-byte UTF-8 character across a fold", () => {
    const text = `SUMMARY:${"é".repeat(60)}€€€`;
    const lines = foldLine(text).slice(0, -2).split("\r\n");
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(text);
  });

  it("writes UTC dates and timestamps in the basic format", () => {
    expect(icsDate(new Date("2026-03-09T23:00:00Z"))).toBe("20260309");
    expect(icsDateTime(new Date("2026-03-09T07:05:04.123Z"))).toBe("20260309T070504Z");
  });

  it("writes an all-day event ending the next day with every required property", () => {
    const text = vevent({
      uid: "c-1@headroom",
      stamp: new Date("2026-01-02T03:04:05Z"),
      day: new Date("2026-12-31T00:00:00Z"),
      summary: "Renew, now",
      description: "x",
    });
    expect(text.split("\r\n")).toEqual([
      "BEGIN:VEVENT",
      "UID:c-1@headroom",
      "DTSTAMP:20260102T030405Z",
      "DTSTART;VALUE=DATE:20261231",
      "DTEND;VALUE=DATE:20270101",
      "SUMMARY:Renew\\, now",
      "DESCRIPTION:x",
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
      "",
    ]);
  });
});
