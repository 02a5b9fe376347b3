import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { auditQuery, parseAuditExportParams, parseAuditSearchParams } from "./search-params";

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

describe("audit date filter", () => {
  it("reads from/to days and ignores one that is not a day", () => {
    expect(parseAuditSearchParams({ from: "2026-03-01", to: "2026-02-30" })).toMatchObject({ from: "2026-03-01", to: undefined });
    expect(auditQuery(parseAuditSearchParams({ entity: "contract", from: "2026-03-01", to: "2026-03-31" }))).toEqual({
      action: undefined,
      entityType: "contract",
      actor: undefined,
      from: "2026-03-01",
      to: "2026-03-31",
      page: 1,
    });
  });

  it("refuses, for the CSV export, a malformed day or a range that ends before it starts", () => {
    expect(() => parseAuditExportParams(new URLSearchParams("from=2026-13-01"))).toThrow(ValidationError);
    expect(() => parseAuditExportParams(new URLSearchParams("to=yesterday"))).toThrow(/"to" must be a day/);
    expect(() => parseAuditExportParams(new URLSearchParams("from=2026-04-01&to=2026-03-01"))).toThrow(/after "to"/);
    expect(parseAuditExportParams(new URLSearchParams("from=2026-03-01&to=2026-03-01"))).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-01",
    });
  });
});
