import { describe, expect, it } from "vitest";
import { formatBytes, readNdjsonEvents } from "./upload-events";

describe("readNdjsonEvents", () => {
  it("returns complete lines only and the offset to continue from", () => {
    const text = '{"type":"progress","bytes":10,"rows":2}\n{"type":"progress","bytes":20,"ro';
    const first = readNdjsonEvents(text, 0);
    expect(first.events).toEqual([{ type: "progress", bytes: 10, rows: 2 }]);
    expect(first.next).toBe(text.indexOf("\n") + 1);
    const more = `${text}ws":4}\n{"type":"result","result":{"status":"succeeded"}}\n`;
    expect(readNdjsonEvents(more, first.next).events).toEqual([
      { type: "progress", bytes: 20, rows: 4 },
      { type: "result", result: { status: "succeeded" } },
    ]);
  });
});

describe("formatBytes", () => {
  it("uses binary units with one decimal below ten", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(25 * 1024 * 1024)).toBe("25 MB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5.0 GB");
  });
});
