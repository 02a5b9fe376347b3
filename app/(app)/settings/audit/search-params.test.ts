import { describe, expect, it } from "vitest";
import { parseAuditSearchParams } from "./search-params";

describe("audit search params", () => {
  it("reads the filters and the page", () => {
    expect(parseAuditSearchParams({ action: " update ", actor: "ana@example.com", page: "3" })).toEqual({
      action: "update",
      entity: undefined,
      actor: "ana@example.com",
      page: 3,
    });
  });

  it("ignores a value holding NUL or another control character, keeping the others", () => {
    expect(parseAuditSearchParams({ action: "update", actor: "a\u0000b", entity: ["x\u0001"], page: "2" })).toEqual({
      action: "update",
      entity: undefined,
      actor: undefined,
      page: 2,
    });
  });
});
