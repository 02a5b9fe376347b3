import { describe, expect, it } from "vitest";
import { apiKeyFromRequest, generateApiKey, hashApiKey } from "./api-keys";

describe("api keys", () => {
  it("generates 256-bit keys whose stored hash is not the key", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^hr_[A-Za-z0-9_-]{43}$/);
    expect(a.key).not.toBe(b.key);
    expect(a.keyHash).toBe(hashApiKey(a.key));
    expect(a.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyHash).not.toContain(a.key.slice(3));
    expect(a.prefix).toBe(a.key.slice(0, 11));
  });

  it("reads the key from Authorization or X-Api-Key", () => {
    expect(apiKeyFromRequest(new Request("http://x", { headers: { authorization: "Bearer hr_abc" } }))).toBe("hr_abc");
    expect(apiKeyFromRequest(new Request("http://x", { headers: { "x-api-key": "hr_def" } }))).toBe("hr_def");
    expect(apiKeyFromRequest(new Request("http://x"))).toBeNull();
  });
});
