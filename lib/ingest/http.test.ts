import { describe, expect, it } from "vitest";
import { jsonBodyLimit, readBody } from "./http";

function body(bytes: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

describe("jsonBodyLimit", () => {
  it("is HEADROOM_MAX_UPLOAD_BYTES when that is below 20 MB, and names the variable only then", async () => {
    const low = jsonBodyLimit(1024 * 1024);
    expect(low.max).toBe(1024 * 1024);
    expect(low.message).toBe("The file is larger than the upload limit of 1 MB (HEADROOM_MAX_UPLOAD_BYTES).");
    await expect(readBody(body(1024 * 1024 + 1), low.max, low.message)).rejects.toThrow(low.message);

    const high = jsonBodyLimit(5 * 1024 ** 3);
    expect(high.max).toBe(20 * 1024 * 1024);
    expect(high.message).not.toContain("HEADROOM_MAX_UPLOAD_BYTES");
    expect(high.message).toContain("20 MB");
    await expect(readBody(body(20 * 1024 * 1024 + 1), high.max, high.message)).rejects.toMatchObject({
      status: 413,
      message: high.message,
    });
  });
});
