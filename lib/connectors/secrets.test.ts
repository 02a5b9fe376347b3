import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseSecretKey } from "@/lib/env";
import { decryptSecret, encryptSecret, SecretKeyError } from "./secrets";

const KEY = Buffer.alloc(32, 7);
const OTHER = Buffer.alloc(32, 8);

describe("connector secrets", () => {
  it("round-trips a value and never stores it in clear", () => {
    const stored = encryptSecret("wJalrXUtnFEMI/K7MDENG", KEY);
    expect(stored).not.toContain("wJalrXUtnFEMI");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(decryptSecret(stored, KEY)).toBe("wJalrXUtnFEMI/K7MDENG");
  });

  it("uses a fresh 96-bit IV for every value", () => {
    const a = encryptSecret("same", KEY).split(".");
    const b = encryptSecret("same", KEY).split(".");
    expect(Buffer.from(a[1]!, "base64")).toHaveLength(12);
    expect(a[1]).not.toBe(b[1]);
    expect(a[3]).not.toBe(b[3]);
  });

  it("matches AES-256-GCM worked by hand with a fixed IV", () => {
    // Same key, IV and text through Node's cipher directly: the stored parts must be exactly iv.tag.ciphertext.
    const iv = Buffer.alloc(12, 1);
    const cipher = createCipheriv("aes-256-gcm", KEY, iv);
    const body = Buffer.concat([cipher.update("abc", "utf8"), cipher.final()]);
    const stored = ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
    expect(body).toHaveLength(3);
    expect(decryptSecret(stored, KEY)).toBe("abc");
  });

  it("refuses a wrong key", () => {
    const stored = encryptSecret("secret", KEY);
    expect(() => decryptSecret(stored, OTHER)).toThrow(SecretKeyError);
    expect(() => decryptSecret(stored, OTHER)).toThrow(/HEADROOM_SECRET_KEY/);
  });

  it("refuses a value whose ciphertext or tag was altered", () => {
    const [v, iv, tag, body] = encryptSecret("secret", KEY).split(".");
    const flipped = Buffer.from(body!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([v, iv, tag, flipped.toString("base64")].join("."), KEY)).toThrow(SecretKeyError);
    const badTag = Buffer.from(tag!, "base64");
    badTag[15] = badTag[15]! ^ 1;
    expect(() => decryptSecret([v, iv, badTag.toString("base64"), body].join("."), KEY)).toThrow(SecretKeyError);
    expect(() => decryptSecret("plain text", KEY)).toThrow(/format/);
  });

  it("reads HEADROOM_SECRET_KEY as 64 hex digits or base64 of 32 bytes", () => {
    expect(parseSecretKey("07".repeat(32))).toEqual(KEY);
    expect(parseSecretKey(KEY.toString("base64"))).toEqual(KEY);
    expect(parseSecretKey(KEY.toString("base64url"))).toEqual(KEY);
    expect(parseSecretKey(undefined)).toBeUndefined();
    expect(parseSecretKey("  ")).toBeUndefined();
    expect(() => parseSecretKey("07".repeat(31))).toThrow(EnvError);
    expect(() => parseSecretKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 random bytes/);
    expect(() => parseSecretKey("not a key")).toThrow(EnvError);
  });
});
