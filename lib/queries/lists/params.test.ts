import { z } from "zod";
import { describe, expect, it } from "vitest";
import { likePattern, listQuery, optionalText, pageCount, parseListParams } from "./params";

const spec = {
  sortable: ["name", "start"] as const,
  defaultSort: "name" as const,
  filters: { status: z.enum(["active", "expired"]).optional(), provider: optionalText },
};

describe("list params", () => {
  it("parses search, sort, page and filters from the URL", () => {
    const p = parseListParams(spec, {
      q: " azure ",
      sort: "start",
      dir: "desc",
      page: "3",
      size: "100",
      status: "active",
      provider: "AWS",
    });
    expect(p).toEqual({ q: "azure", sort: "start", dir: "desc", page: 3, pageSize: 100, filters: { status: "active", provider: "AWS" } });
  });

  it("falls back to defaults for anything malformed", () => {
    const p = parseListParams(spec, { sort: "password", dir: "sideways", page: "-4", size: "7", status: "bogus" });
    expect(p).toEqual({
      q: undefined,
      sort: "name",
      dir: "asc",
      page: 1,
      pageSize: 50,
      filters: { status: undefined, provider: undefined },
    });
  });

  it("ignores a search or filter holding NUL or another control character, as any malformed value", () => {
    const p = parseListParams(spec, new URLSearchParams("q=%00&provider=AW%01S&status=active&sort=start"));
    expect(p.q).toBeUndefined();
    expect(p.filters).toEqual({ status: "active", provider: undefined });
    expect(p.sort).toBe("start");
    expect(parseListParams(spec, { q: ["a\u007fb"], provider: "AWS\n" })).toMatchObject({ q: undefined, filters: { provider: undefined } });
  });

  it("round-trips through listQuery and changes one thing at a time", () => {
    const p = parseListParams(spec, new URLSearchParams("q=x&status=expired&sort=start&dir=desc&page=2"));
    expect(listQuery(p)).toBe("?q=x&status=expired&sort=start&dir=desc&page=2");
    expect(listQuery(p, { page: 1 })).toBe("?q=x&status=expired&sort=start&dir=desc");
  });

  it("escapes LIKE wildcards and counts pages", () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
  });
});
