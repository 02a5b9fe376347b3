import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capacityAh, capacityUnits, deliveredStart } from "./capacity";
import { Dec } from "./decimal";
import { hourUnit, MS_PER_HOUR, mulInt, pow10, pow10Int, ratio } from "./exact";
import { monthlyUsage } from "@/lib/testing/monthly-usage";
import { monthlySpend } from "./monthly-spend";
import type { Period } from "./period";
import type { PricingModel } from "./planned-cost";
import { compareProviders } from "./provider-comparison";
import { idleCost } from "./utilization";
import { summarizeUtilization } from "./utilization-view";

const H = MS_PER_HOUR;
const T0 = Date.UTC(2026, 0, 31, 20); // a month boundary inside the range
const HOURS = 96;

// Instants over four days, mostly on whole hours, some a part-hour (down to 1 ms) past one.
const instant = fc
  .tuple(fc.integer({ min: 0, max: HOURS }), fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: H - 1 })))
  .map(([h, ms]) => new Date(T0 + h * H + ms));
const optionalInstant = fc.option(instant, { nil: null });

type RawBlock = { quantity: number; startAt: Date; endAt: Date; deliveredAt: Date | null };
// Quantities up to the integer column's maximum, so quantity × milliseconds also leaves the plain-number range.
const rawBlock: fc.Arbitrary<RawBlock> = fc.record({
  quantity: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2_147_483_647 })),
  startAt: instant,
  endAt: instant,
  deliveredAt: optionalInstant,
});
// Any order of from and to: empty, reversed, disjoint from the block, part-hour.
const period: fc.Arbitrary<Period> = fc.record({ from: instant, to: instant });
const until = fc.option(instant, { nil: undefined });

/** quantity × milliseconds held in the period, counted hour by hour from the definition (AH × 3,600,000, exact). */
function referenceMs(b: RawBlock, p: Period, untilAt?: Date): bigint {
  const held = b.deliveredAt && b.deliveredAt > b.startAt ? b.deliveredAt : b.startAt; // max(start, delivery)
  const inside = [
    [p.from.getTime(), p.to.getTime()],
    [held.getTime(), b.endAt.getTime()],
    [-Infinity, untilAt?.getTime() ?? Infinity],
  ];
  let ms = 0;
  for (let hour = Math.floor(p.from.getTime() / H) * H; hour < p.to.getTime(); hour += H) {
    let lo = hour;
    let hi = hour + H;
    for (const [a, z] of inside) {
      lo = Math.max(lo, a!);
      hi = Math.min(hi, z!);
    }
    if (hi > lo) ms += hi - lo;
  }
  return BigInt(b.quantity) * BigInt(ms);
}

const exactAh = (ms: bigint) => new Dec(ms.toString()).div(H);

/** Contiguous buckets between sorted distinct instants (part-hour lengths included). */
const buckets: fc.Arbitrary<Period[]> = fc
  .uniqueArray(instant, { minLength: 2, maxLength: 5, selector: (t) => t.getTime() })
  .map((ts) => ts.sort((a, b) => a.getTime() - b.getTime()))
  .map((ts) => ts.slice(1).map((to, i) => ({ from: ts[i]!, to })));

// used_AH and rates with up to three decimals: exact in thousandths.
const milli = (max: number) => fc.integer({ min: 0, max }).map((n) => ({ n: BigInt(n), text: new Dec(n).div(1000).toFixed() }));
const pricingModel = fc.constantFrom<PricingModel>("reserved", "on_demand", "spot");

describe("capacityAh", () => {
  it("is quantity × the hours of the period inside [max(start, delivery), end), clipped at until", () => {
    fc.assert(
      fc.property(rawBlock, period, until, (b, p, u) => {
        expect(capacityAh(b, p, u).eq(exactAh(referenceMs(b, p, u)))).toBe(true);
      }),
    );
  });

  it("ignores a delivery date on or before the start and leaves nothing when delivery comes at or after the end", () => {
    fc.assert(
      fc.property(rawBlock, period, (b, p) => {
        const early = { ...b, deliveredAt: new Date(b.startAt.getTime() - H) };
        expect(capacityAh(early, p).eq(capacityAh({ ...b, deliveredAt: null }, p))).toBe(true);
        expect(capacityAh({ ...b, deliveredAt: b.endAt }, p).isZero()).toBe(true);
      }),
    );
  });

  it("equals its exact-integer form at the hot loops' time unit and any scale", () => {
    fc.assert(
      fc.property(rawBlock, period, until, fc.integer({ min: 0, max: 12 }), (b, p, u, scale) => {
        const startAt = deliveredStart(b.startAt, b.endAt, b.deliveredAt);
        const unit = hourUnit(u ? [p, { from: u, to: u }] : [p], [{ startAt, endAt: b.endAt }]);
        const quantity = mulInt(b.quantity, pow10Int(scale)); // pre-scaled as the loops do it, a BigInt from 10^10 on
        const n = capacityUnits(quantity, startAt.getTime(), b.endAt.getTime(), p.from.getTime(), p.to.getTime(), unit, u?.getTime());
        expect(ratio(BigInt(n), BigInt(H / unit) * pow10(scale)).eq(capacityAh(b, p, u))).toBe(true);
      }),
    );
  });
});

describe("idleCost", () => {
  it("is rate × max(0, capacity_AH − used_AH) for reserved blocks and zero for others", () => {
    fc.assert(
      fc.property(rawBlock, period, until, milli(10_000_000_000), milli(20_000), pricingModel, (b, p, u, used, rate, model) => {
        const capacity = capacityAh(b, p, u);
        const got = idleCost({ pricingModel: model, rate: rate.text, capacityAh: capacity, usedAh: used.text });
        if (model !== "reserved") {
          expect(got.isZero()).toBe(true);
          return;
        }
        // in units of 1 ÷ (3,600,000 × 10^6) money, exactly
        const idle = referenceMs(b, p, u) * 1000n - used.n * BigInt(H);
        const expected = new Dec(((idle > 0n ? idle : 0n) * rate.n).toString()).div(BigInt(H) * pow10(6));
        expect(got.minus(expected).abs().lte(expected.abs().times("1e-35"))).toBe(true);
      }),
    );
  });
});

// The three block × period loops, on random blocks (delivery applied as lib/queries/costs/blocks.ts does) and
// buckets, against the definition summed exactly.
const loopInput = fc.record({
  blocks: fc.array(fc.record({ raw: rawBlock, model: pricingModel, rate: milli(20_000), provider: fc.constantFrom("p", "q") }), {
    minLength: 1,
    maxLength: 5,
  }),
  buckets,
  used: fc.array(fc.option(milli(50_000_000), { nil: null }), { minLength: 25, maxLength: 25 }),
  measuredTo: instant,
});
type LoopInput = typeof loopInput extends fc.Arbitrary<infer T> ? T : never;

function blocksOf(input: LoopInput["blocks"]) {
  return input.map(({ raw, model, rate, provider }, i) => ({
    id: `b${i}`,
    name: `b${i}`,
    providerId: provider,
    providerName: provider,
    siteName: "s",
    family: "H100",
    acceleratorTypeId: "t",
    bf16Tflops: "989",
    h100eFactor: "1",
    quantity: raw.quantity,
    startAt: deliveredStart(raw.startAt, raw.endAt, raw.deliveredAt),
    endAt: raw.endAt,
    pricingModel: model,
    rate: rate.text,
    currency: "USD",
  }));
}

/** used_AH of block i in bucket j: used[i × 5 + j] (absent when null). */
function usageOf(buckets: Period[], used: LoopInput["used"]) {
  const entries: [string, Date, string][] = [];
  for (let i = 0; i < 5; i++) buckets.forEach((p, j) => used[i * 5 + j] && entries.push([`b${i}`, p.from, used[i * 5 + j]!.text]));
  return monthlyUsage(entries);
}

describe("the block × period loops", () => {
  it("summarizeUtilization's capacity and idle cost follow capacityAh and idleCost over measured hours", () => {
    fc.assert(
      fc.property(loopInput, ({ blocks: raw, buckets, used, measuredTo }) => {
        const blocks = blocksOf(raw);
        const usedOf = (i: number, j: number) => used[i * 5 + j] ?? null;
        const view = summarizeUtilization({ buckets, blocks, usedAh: usageOf(buckets, used), measuredTo, by: "family", currency: "USD" });

        let capacity = 0n;
        let cost = 0n; // 1 ÷ (3,600,000 × 10^6) money
        raw.forEach(({ raw: b, model, rate }, i) => {
          // A block with no utilization row in the period is unmeasured: in no sum (PRODUCT.md §3).
          if (buckets.every((_, j) => usedOf(i, j) === null)) {
            const row = view.blocks.find((r) => r.block.id === blocks[i]!.id);
            expect(row).toBeUndefined();
            return;
          }
          let own = 0n;
          let ownUsed = 0n;
          buckets.forEach((p, j) => {
            const ms = referenceMs(b, p, measuredTo);
            expect(capacityAh(b, p, measuredTo).eq(exactAh(ms))).toBe(true);
            const idle = ms * 1000n - (usedOf(i, j)?.n ?? 0n) * BigInt(H);
            if (model === "reserved" && idle > 0n) cost += idle * rate.n;
            own += ms;
            ownUsed += usedOf(i, j)?.n ?? 0n;
          });
          capacity += own;
          const row = view.blocks.find((r) => r.block.id === blocks[i]!.id);
          if (!row) {
            expect([own, ownUsed]).toEqual([0n, 0n]);
            return;
          }
          expect(row.capacityAh.eq(exactAh(own))).toBe(true);
          const usedAh = new Dec(ownUsed.toString()).div(1000);
          expect(row.idleCost.eq(idleCost({ pricingModel: model, rate: rate.text, capacityAh: exactAh(own), usedAh }))).toBe(true);
          const idle = model === "reserved" && own * 1000n > ownUsed * BigInt(H) ? (own * 1000n - ownUsed * BigInt(H)) * rate.n : 0n;
          const scale = Dec.max(1, exactAh(own).times(rate.text).div(1000));
          expect(
            row.idleCost
              .minus(new Dec(idle.toString()).div(BigInt(H) * pow10(6)))
              .abs()
              .lte(scale.times("1e-35")),
          ).toBe(true);
        });
        expect(view.total.capacityAh.eq(exactAh(capacity))).toBe(true);
        expect(view.total.idleCost.eq(new Dec(cost.toString()).div(BigInt(H) * pow10(6)))).toBe(true);
      }),
    );
  });

  it("monthlySpend plans reserved blocks at capacityAh × rate and compareProviders holds capacityAh", () => {
    fc.assert(
      fc.property(loopInput, ({ blocks: raw, buckets, used }) => {
        const blocks = blocksOf(raw).map((b) => ({ ...b, pricingModel: "reserved" as const }));
        // Reserved blocks pay for capacity whatever they used; used_AH with decimals puts the sums at a finer scale.
        const none = { usedAh: usageOf(buckets, used), billed: new Set<string>(), currency: "USD" };
        const cells = monthlySpend({ ...none, months: buckets, blocks, actual: [], usageThrough: new Date(0) });
        const { rows } = compareProviders({ ...none, months: buckets, blocks, charges: [], tokensPerSecond: new Map() });
        for (const provider of ["p", "q"]) {
          const mine = raw.filter((b) => b.provider === provider);
          buckets.forEach((p) => {
            const money = mine.reduce((sum, { raw: b, rate }) => sum + referenceMs(b, p) * rate.n, 0n);
            const cell = cells.find((c) => c.providerId === provider && c.month === p);
            expect(cell?.amount.toString() ?? "0").toBe(new Dec(money.toString()).div(BigInt(H) * 1000n).toString());
          });
          const held = mine.reduce((sum, { raw: b }) => buckets.reduce((s, p) => s + referenceMs(b, p), sum), 0n);
          const row = rows.find((r) => r.providerId === provider);
          expect(row?.capacityAh.toString() ?? "0").toBe(exactAh(held).toString());
        }
      }),
    );
  });
});
