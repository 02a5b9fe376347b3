import { describe, expect, it } from "vitest";
import { filterMonths, parseMonth, parsePlanningFilters, parseShowAll, planningQuery, presetPeriod } from "./params";

const NOW = new Date("2026-03-16T12:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const parse = (q: string, defaults = {}) => parsePlanningFilters(new URLSearchParams(q), { now: NOW, defaults });
const ID = "0b6f3a52-4a7e-4f43-9d55-2f0c1e4b8a10";

describe("parsePlanningFilters", () => {
  it("defaults to the next 12 months from the current one, by family, in H100e, on the baseline", () => {
    expect(parse("")).toEqual({
      from: d("2026-03-01"),
      to: d("2027-03-01"),
      range: "12m",
      provider: null,
      family: null,
      site: null,
      scenario: null,
      team: null,
      workload: null,
      by: "family",
      unit: "h100e",
    });
  });

  it.each([
    ["12m", "2026-03-01", "2027-03-01"],
    ["24m", "2026-03-01", "2028-03-01"],
    ["next24m", "2026-04-01", "2028-04-01"],
    ["pm12m", "2025-03-01", "2027-03-01"],
    ["ytd", "2026-01-01", "2026-04-01"],
    ["last12m", "2025-03-01", "2026-03-01"],
  ])("reads the preset %s as [%s, %s)", (range, from, to) => {
    expect(presetPeriod(range as never, NOW)).toEqual({ from: d(from), to: d(to) });
    const f = parse(`range=${range}`);
    expect([f.from, f.to, f.range]).toEqual([d(from), d(to), range]);
  });

  it("takes from/to as inclusive months, the end exclusive at the first of the month after", () => {
    const f = parse("from=2026-01&to=2026-06");
    expect([f.from, f.to, f.range]).toEqual([d("2026-01-01"), d("2026-07-01"), null]);
    expect(filterMonths(f).map((m) => m.from.toISOString().slice(0, 7))).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
    ]);
  });

  it("keeps the preset when the submitted months are the preset's own, and lets typed months override it", () => {
    expect(parse("range=24m&from=2026-03&to=2028-02").range).toBe("24m");
    const typed = parse("range=24m&from=2026-05&to=2028-02");
    expect([typed.from, typed.to, typed.range]).toEqual([d("2026-05-01"), d("2028-03-01"), null]);
  });

  it("swaps a reversed pair, fills a missing side from the default preset and caps the range at 60 months", () => {
    expect(parse("from=2026-06&to=2026-01")).toMatchObject({ from: d("2026-01-01"), to: d("2026-07-01") });
    expect(parse("from=2026-06")).toMatchObject({ from: d("2026-06-01"), to: d("2027-03-01") });
    expect(parse("from=2020-01&to=2035-12")).toMatchObject({ from: d("2020-01-01"), to: d("2025-01-01") });
  });

  it("ignores malformed values instead of failing", () => {
    const f = parse("range=forever&from=2026-13&to=soon&provider=nope&site=1&scenario=x&by=color&unit=flops&family=");
    expect(f).toMatchObject({
      from: d("2026-03-01"),
      to: d("2027-03-01"),
      range: "12m",
      provider: null,
      site: null,
      scenario: null,
      family: null,
      by: "family",
      unit: "h100e",
    });
    expect(parseMonth("2026-3")).toBeNull();
  });

  it("ignores a value holding NUL or another control character, keeping the others", () => {
    expect(parse("family=GB%00200&by=site")).toMatchObject({ family: null, by: "site" });
    expect(parse("range=24m%01").range).toBe("12m");
    expect(parsePlanningFilters({ family: ["H100\u001f"] }, { now: NOW }).family).toBeNull();
  });

  it("reads ids, a family, the scenario (baseline = none), grouping and unit, and honours page defaults", () => {
    const f = parse(`provider=${ID.toUpperCase()}&site=${ID}&family=%20GB200%20&scenario=${ID}&by=site&unit=accelerators`);
    expect(f).toMatchObject({ provider: ID, site: ID, family: "GB200", scenario: ID, by: "site", unit: "accelerators" });
    expect(parse("scenario=baseline").scenario).toBeNull();
    expect(parse("", { range: "last12m", by: "provider", unit: "accelerators" })).toMatchObject({
      range: "last12m",
      from: d("2025-03-01"),
      by: "provider",
      unit: "accelerators",
    });
  });

  it("reads a team and a workload as ids; a malformed one is none, like the other filters", () => {
    const W = "5d1c7f0e-8a2b-4c3d-9e4f-0a1b2c3d4e5f";
    expect(parse(`team=${ID.toUpperCase()}&workload=${W}`)).toMatchObject({ team: ID, workload: W });
    expect(parse("team=research&workload=1234")).toMatchObject({ team: null, workload: null });
    expect(parse(`team=${ID}x&workload=%20${W}%20`)).toMatchObject({ team: null, workload: W });
    expect(parse(`team=${ID}%00`).team).toBeNull();
    const q = planningQuery(parse(`team=${ID}&workload=${W}`));
    expect(q).toBe(`?team=${ID}&workload=${W}`);
    expect(parse(q.slice(1))).toMatchObject({ team: ID, workload: W });
  });

  it("accepts Next's searchParams record, taking the first of repeated values", () => {
    const f = parsePlanningFilters({ family: ["H100", "B200"], range: "24m" }, { now: NOW });
    expect(f).toMatchObject({ family: "H100", range: "24m" });
  });
});

describe("planningQuery", () => {
  it("leaves defaults out and round-trips through the parser", () => {
    expect(planningQuery(parse(""))).toBe("");
    const f = parse(`range=24m&family=GB200&scenario=${ID}&unit=accelerators`);
    const q = planningQuery(f, {}, { a: "x", b: null });
    expect(q).toBe(`?range=24m&family=GB200&scenario=${ID}&unit=accelerators&a=x`);
    expect(parse(q.slice(1))).toEqual(f);
  });

  it("writes custom months as from/to and a preset change as the preset alone", () => {
    const f = parse("from=2026-01&to=2026-06&site=" + ID);
    expect(planningQuery(f)).toBe(`?from=2026-01&to=2026-06&site=${ID}`);
    expect(planningQuery(f, { range: "ytd" })).toBe(`?range=ytd&site=${ID}`);
    expect(planningQuery(f, { site: null })).toBe("?from=2026-01&to=2026-06");
  });
});

describe("day presets", () => {
  const days = (q: string) => parsePlanningFilters(new URLSearchParams(q), { now: NOW, dayPresets: ["last30d"] });

  it("reads last30d as the 30 whole UTC days before today, only on a page that accepts it", () => {
    // NOW 16 Mar 2026 12:00 → [14 Feb, 16 Mar)
    expect(days("range=last30d")).toMatchObject({ from: d("2026-02-14"), to: d("2026-03-16"), range: "last30d" });
    expect(parse("range=last30d")).toMatchObject({ range: "12m", from: d("2026-03-01") });
  });

  it("keeps the preset when the filter form resubmits the months its inputs show (Feb and Mar)", () => {
    const f = days("range=last30d&from=2026-02&to=2026-03&by=site");
    expect([f.range, f.from, f.to, f.by]).toEqual(["last30d", d("2026-02-14"), d("2026-03-16"), "site"]);
    expect(planningQuery(f)).toBe("?range=last30d&by=site");
    // months typed over it: whole months
    expect(days("range=last30d&from=2026-01&to=2026-03")).toMatchObject({ from: d("2026-01-01"), to: d("2026-04-01"), range: null });
    expect(days("range=last30d&from=2026-01")).toMatchObject({ from: d("2026-01-01"), to: d("2026-04-01"), range: null });
  });
});

describe("parseShowAll", () => {
  it("is on for exactly 'all' (the first value when repeated) and off for anything else", () => {
    expect(parseShowAll("all")).toBe(true);
    expect(parseShowAll(["all", "x"])).toBe(true);
    for (const v of [undefined, "", "ALL", " all", "all ", "1", "true", "yes", "25", ["x", "all"], []]) expect(parseShowAll(v)).toBe(false);
  });
});
