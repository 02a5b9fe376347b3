import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature";

describe("webhook signature", () => {
  const at = new Date("2026-12-07T08:00:00Z");
  const body = '{"type":"headroom.alerts"}';

  it("signs '<t>.<body>' with HMAC-SHA256 in hex, t in unix seconds", () => {
    const t = 1796630400;
    const expected = createHmac("sha256", "s3cret").update(`${t}.${body}`).digest("hex");
    expect(signatureHeader("s3cret", body, at)).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own header and refuses another secret, an altered body or an old timestamp", () => {
    const header = signatureHeader("s3cret", body, at);
    expect(verifySignature("s3cret", header, body, { now: at })).toBe(true);
    expect(verifySignature("other", header, body, { now: at })).toBe(false);
    expect(verifySignature("s3cret", header, body + " ", { now: at })).toBe(false);
    expect(verifySignature("s3cret", header, body, { now: new Date(at.getTime() + 600_000) })).toBe(false);
    expect(verifySignature("s3cret", "t=1,v1=zz", body, { now: at })).toBe(false);
  });
});
