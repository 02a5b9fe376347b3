import { describe, expect, it } from "vitest";
import { csvBytesResponse, csvResponse } from "./response";

// Streaming: a download pulls rows only as its reader asks, so memory is bounded by one chunk, not by the row
// count. An endless source proves it: buffering it would never finish.

async function* endlessRows(counter: { pulled: number }) {
  for (;;) {
    counter.pulled++;
    yield [counter.pulled, "GPU hours, 8×H100", { number: "1234.5678" }];
  }
}

describe("csvResponse", () => {
  it("pulls rows only for the chunk being read (about 64 KB), and stops the source when the reader cancels", async () => {
    const counter = { pulled: 0 };
    let finished = false;
    async function* source() {
      try {
        yield* endlessRows(counter);
      } finally {
        finished = true;
      }
    }
    const reader = csvResponse("x.csv", ["n", "text", "amount"], source(), { bom: false }).body!.getReader();
    const header = await reader.read();
    expect(new TextDecoder().decode(header.value)).toBe("n,text,amount\r\n");
    const first = await reader.read();
    const bytes = first.value!.byteLength;
    expect(bytes).toBeGreaterThanOrEqual(64 * 1024);
    expect(bytes).toBeLessThan(66 * 1024);
    // One row is about 40 bytes: the rows pulled are those of the chunk read (plus the stream's one chunk of read-ahead).
    expect(counter.pulled).toBeLessThan((3 * 66 * 1024) / 30);
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("streams rows given as a plain iterable", async () => {
    const response = csvResponse(
      "x.csv",
      ["n", "amount"],
      [
        [1, { number: "2.50" }],
        [2, "n/a"],
      ],
      { bom: false },
    );
    expect(await response.text()).toBe("n,amount\r\n1,2.50\r\n2,n/a\r\n");
  });

  it("starts a browser download with the UTF-8 byte order mark, once, and a script's without", async () => {
    const rows = [["Gävle — Nord"]];
    const browser = new Uint8Array(await csvResponse("x.csv", ["site"], rows, { bom: true }).arrayBuffer());
    expect([...browser.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(browser)).toBe("\uFEFFsite\r\nGävle — Nord\r\n");
    const script = new Uint8Array(await csvResponse("x.csv", ["site"], rows, { bom: false }).arrayBuffer());
    expect(script[0]).toBe("s".charCodeAt(0));
    const copied = new Uint8Array(
      await csvBytesResponse(
        "x.csv",
        (async function* () {
          yield new TextEncoder().encode("a\n");
        })(),
        { bom: true },
      ).arrayBuffer(),
    );
    expect([...copied]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0a]);
  });
});

describe("csvBytesResponse", () => {
  it("passes chunks on as they are read and stops the producer when the reader cancels", async () => {
    let produced = 0;
    let finished = false;
    async function* chunks() {
      try {
        for (;;) {
          produced++;
          yield new TextEncoder().encode(`${produced}\n`);
        }
      } finally {
        finished = true;
      }
    }
    const reader = csvBytesResponse("x.csv", chunks(), { bom: false }).body!.getReader();
    for (let i = 0; i < 5; i++) await reader.read();
    expect(produced).toBeLessThanOrEqual(7);
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
