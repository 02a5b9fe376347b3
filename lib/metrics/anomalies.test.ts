import { describe, expect, it } from "vitest";
import { detectSeries, UTILIZATION_ANOMALY_DEFAULTS, type SeriesLine } from "./anomalies";
import { Dec } from "./decimal";

// 2026-08-03 is a Monday; day i is 2026-08-03 + i.
const DAYS = Array.from({ length: 100 }, (_, i) => new Date(Date.UTC(2026, 7, 3 + i)).toISOString().slice(0, 10));
const KNOWN = DAYS.map(() => true);
const money = (values: readonly number[]) => values.map((v) => new Dec(v));
// A small deterministic wobble (±2 %) so MAD is not zero.
const wobble = (i: number) => 1 + 0.02 * Math.sin(i * 2.3);

function seasonal(key: string, values: number[]): SeriesLine {
  return { key, label: key, kind: "seasonal", actual: money(values) };
}

function flagged(lines: SeriesLine[]) {
  return detectSeries({ days: DAYS, known: KNOWN, lines })
    .map((v, i) => (v?.anomaly ? i : -1))
    .filter((i) => i >= 0);
}

describe("detectSeries", () => {
  it("raises no alarm for a new reserved block: its charges are its planned cost from its first day", () => {
    const storage = seasonal(
      "storage",
      DAYS.map((_, i) => 500 * wobble(i)),
    );
    const planned = DAYS.map((_, i) => (i >= 70 ? 8 * 24 * 2.5 : 0));
    const block: SeriesLine = { key: "block-a", label: "block-a", kind: "reserved", actual: money(planned), planned };
    expect(flagged([storage, block])).toEqual([]);
    // Without the commitment the same charges are a jump of the seasonal rest.
    expect(flagged([storage, seasonal("block-a", planned)])).toContain(70);
  });

  it("alarms for an on-demand block at 3× its use, naming the block as the driver", () => {
    const used = DAYS.map((_, i) => (i === 60 ? 300 : 100 * wobble(i)));
    const block: SeriesLine = {
      key: "od-1",
      label: "on-demand block",
      kind: "usage",
      actual: money(used.map((u) => u * 2)),
      usedAh: used,
      rate: 2,
    };
    const verdicts = detectSeries({
      days: DAYS,
      known: KNOWN,
      lines: [
        block,
        seasonal(
          "egress",
          DAYS.map(() => 40),
        ),
      ],
    });
    expect(verdicts.flatMap((v, i) => (v?.anomaly ? [i] : []))).toEqual([60]);
    const v = verdicts[60]!;
    expect(v.expected).toBeCloseTo(200 + 40, -1);
    expect(v.delta).toBeGreaterThan(350);
    expect(v.basis).toEqual(["usage", "seasonal"]);
    expect(v.drivers[0]!.key).toBe("od-1");
  });

  it("raises no alarm for a weekly pattern: weekdays 1,000, weekends 300", () => {
    const values = DAYS.map((_, i) => (i % 7 >= 5 ? 300 : 1000) * wobble(i));
    expect(flagged([seasonal("compute", values)])).toEqual([]);
  });

  it("alarms once for a level shift, then adapts and stays quiet", () => {
    const values = DAYS.map((_, i) => (i >= 60 ? 1500 : 1000) * wobble(i));
    const verdicts = detectSeries({ days: DAYS, known: KNOWN, lines: [seasonal("compute", values)] });
    expect(verdicts.flatMap((v, i) => (v?.anomaly ? [i] : []))).toEqual([60]);
    expect(verdicts[61]!.continuation).toBe(true);
    expect(verdicts[99]!.expected).toBeGreaterThan(1400);
  });

  it("alarms for a spike and names the SKU that drives it against its own same-weekday median", () => {
    const storage = seasonal(
      "storage",
      DAYS.map((_, i) => 400 * wobble(i)),
    );
    const egress = seasonal(
      "egress",
      DAYS.map((_, i) => (i === 80 ? 900 : 100 * wobble(i + 3))),
    );
    const verdicts = detectSeries({ days: DAYS, known: KNOWN, lines: [storage, egress] });
    expect(verdicts.flatMap((v, i) => (v?.anomaly ? [i] : []))).toEqual([80]);
    const v = verdicts[80]!;
    expect(v.actual.toNumber()).toBeCloseTo(400 * wobble(80) + 900, 6);
    expect(v.drivers[0]).toMatchObject({ key: "egress" });
    expect(v.drivers[0]!.delta).toBeCloseTo(800, -1);
    expect(v.pct).toBeGreaterThan(1);
  });

  it("gives no verdict before two same-weekday days exist, and keeps cents on a flat series quiet", () => {
    const values = DAYS.map((_, i) => 1000 + (i % 3) * 0.01);
    const verdicts = detectSeries({ days: DAYS, known: KNOWN, lines: [seasonal("flat", values)] });
    expect(verdicts.slice(0, 14).every((v) => v === null)).toBe(true);
    expect(verdicts[14]).not.toBeNull();
    expect(verdicts.some((v) => v?.anomaly)).toBe(false);
  });

  it("judges only known days and keeps unknown ones out of the history", () => {
    const values = DAYS.map((_, i) => (i >= 90 ? 0 : 1000 * wobble(i)));
    const known = DAYS.map((_, i) => i < 90);
    const verdicts = detectSeries({ days: DAYS, known, lines: [seasonal("compute", values)] });
    expect(verdicts.slice(90).every((v) => v === null)).toBe(true);
    expect(verdicts.some((v) => v?.anomaly)).toBe(false);
  });

  it("holds a drop under the $ floor as no anomaly, and flags it above", () => {
    const small = DAYS.map((_, i) => (i === 70 ? 80 : 100));
    expect(flagged([seasonal("tiny", small)])).toEqual([]);
    const large = DAYS.map((_, i) => (i === 70 ? 500 : 1000));
    expect(flagged([seasonal("big", large)])).toEqual([70]);
  });

  it("judges a block's daily utilization with the same rule: a fall from 90 % to 30 % alarms, a dip to 84 % does not", () => {
    const ratio = DAYS.map((_, i) => (i === 70 ? 0.3 : i === 80 ? 0.84 : 0.9 + 0.01 * Math.sin(i)));
    const verdicts = detectSeries({ days: DAYS, known: KNOWN, lines: [seasonal("block", ratio)] }, UTILIZATION_ANOMALY_DEFAULTS);
    expect(verdicts.flatMap((v, i) => (v?.anomaly ? [i] : []))).toEqual([70]);
    expect(verdicts[70]!.delta).toBeCloseTo(-0.6, 1);
  });
});
