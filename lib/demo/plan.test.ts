import { describe, expect, it } from "vitest";
import { contractTerm, linkableContracts } from "./contracts";
import { hoursBetween } from "./dates";
import { planDemo } from "./";
import { siteFacilityMw } from "./power";
import { SITES } from "./sites";

const AS_OF = new Date("2026-11-17T09:30:00Z");
const OTHER_DATES = ["2025-03-31T23:59:59Z", "2026-02-28T00:00:00Z", "2027-12-31T12:00:00Z", "2028-02-29T05:00:00Z"];

describe("demo plan", () => {
  const plan = planDemo(AS_OF);

  it("is the same for every moment in the same hour", () => {
    expect(planDemo(new Date("2026-11-17T09:00:00Z"))).toEqual(plan);
    expect(plan.asOf.toISOString()).toBe("2026-11-17T09:00:00.000Z");
  });

  it("spans 2025–2027 for an asOf in November 2026", () => {
    const starts = plan.reservations.map((r) => r.startAt.toISOString());
    const ends = plan.reservations.map((r) => r.endAt.toISOString());
    expect(starts.every((s) => s >= "2025-01-01")).toBe(true);
    expect(ends.every((e) => e <= "2028-01-01T00:00:00.000Z")).toBe(true);
    expect(starts.some((s) => s < "2025-04-01")).toBe(true);
    expect(ends.some((e) => e >= "2027-10-01")).toBe(true);
  });

  it("expires several blocks within 90 days and delivers some late", () => {
    const in90 = plan.reservations.filter((r) => r.endAt > plan.asOf && hoursBetween(plan.asOf, r.endAt) <= 90 * 24);
    expect(in90.length).toBeGreaterThanOrEqual(3);
    expect(
      plan.reservations.filter((r) => r.deliveryDate && r.deliveryDate > r.startAt.toISOString().slice(0, 10)).length,
    ).toBeGreaterThanOrEqual(5);
    expect(plan.reservations.filter((r) => r.capacityReservationId?.startsWith("cr-")).length).toBeGreaterThan(20);
  });

  it("sizes commitments in the tens to hundreds of millions, with a discount up to 40 %", () => {
    for (const c of plan.contracts) {
      expect(Number(c.committedAmount)).toBeGreaterThanOrEqual(10_000_000);
      expect(Number(c.committedAmount)).toBeLessThan(1_000_000_000);
      expect(c.committedAmount).toMatch(/^\d+$/);
      expect(Number(c.discountPct)).toBeLessThanOrEqual(40);
    }
    expect(new Set(plan.contracts.map((c) => c.status)).size).toBe(6);
  });

  it("draws utilization only from delivered, started hours before asOf", () => {
    const total = plan.utilization.reduce((s, u) => s + u.hours, 0);
    expect(total).toBeGreaterThan(500_000);
    expect(total).toBeLessThan(1_500_000);
    for (const u of plan.utilization) {
      const r = plan.reservations.find((x) => x.name === u.name)!;
      const arrived = Math.max(r.startAt.getTime(), r.deliveryDate ? Date.parse(`${r.deliveryDate}T00:00:00Z`) : 0);
      expect(u.firstHour * 3_600_000).toBeGreaterThanOrEqual(arrived);
      expect((u.lastHour + 1) * 3_600_000).toBeLessThanOrEqual(Math.min(r.endAt.getTime(), plan.asOf.getTime()));
      expect(u.lastHour - u.firstHour + 1).toBe(u.hours);
    }
  });

  for (const iso of [AS_OF.toISOString(), ...OTHER_DATES]) {
    describe(`as of ${iso}`, () => {
      const p = planDemo(new Date(iso));

      it("keeps every block consistent with its provider, site, contract and asOf", () => {
        expect(p.reservations.length).toBeGreaterThanOrEqual(120);
        expect(new Set(p.reservations.map((r) => r.name)).size).toBe(p.reservations.length);
        for (const r of p.reservations) {
          expect(r.name).toMatch(/^[A-Z]+-[A-Z]{3}-[A-Z0-9]+-\d{2}$/);
          expect(SITES.find((s) => s.name === r.site)?.provider).toBe(r.provider);
          expect(r.endAt > r.startAt).toBe(true);
          expect(r.rate).toMatch(/^\d+\.\d{1,6}$/);
          if (r.family !== "CS-3") expect(r.quantity).toBeGreaterThanOrEqual(256);
          expect(r.quantity).toBeLessThanOrEqual(16_384);
          const expected = r.startAt > p.asOf ? "planned" : r.endAt > p.asOf ? "active" : "expired";
          expect(r.status).toBe(expected);
          if (r.contractReference) {
            const contract = linkableContracts(r.provider).find((c) => c.reference === r.contractReference);
            expect(contract?.provider).toBe(r.provider);
            const term = contractTerm(contract!, p.monthOfAsOf);
            expect(r.startAt >= term.start && r.endAt <= term.end).toBe(true);
          }
        }
        expect(new Set(p.reservations.map((r) => r.status)).size).toBe(3);
        expect(new Set(p.reservations.map((r) => r.pricingModel)).size).toBe(3);
      });

      it("phases each site's power budget without gaps or overlaps, the last open-ended", () => {
        for (const site of SITES) {
          const phases = p.powerBudgets.filter((b) => b.site === site.name);
          expect(phases.length).toBeGreaterThanOrEqual(3);
          phases.forEach((b, i) => {
            expect(Number(b.contractedMw)).toBeGreaterThan(0);
            if (i < phases.length - 1) expect(b.effectiveTo).toBe(phases[i + 1]!.effectiveFrom);
            else expect(b.effectiveTo).toBeNull();
            if (b.effectiveTo) expect(b.effectiveTo > b.effectiveFrom).toBe(true);
          });
        }
      });

      it("puts at least one site over its power budget in a future month", () => {
        const over = SITES.some((site) =>
          Array.from({ length: 14 }, (_, i) => i + 1).some((m) => {
            const month = new Date(Date.UTC(p.monthOfAsOf.getUTCFullYear(), p.monthOfAsOf.getUTCMonth() + m, 1)).toISOString().slice(0, 10);
            const budget = p.powerBudgets.filter(
              (b) => b.site === site.name && b.effectiveFrom <= month && (!b.effectiveTo || b.effectiveTo > month),
            );
            return budget.length === 1 && siteFacilityMw(site, p.reservations, p.monthOfAsOf, m) > Number(budget[0]!.contractedMw);
          }),
        );
        expect(over).toBe(true);
      });
    });
  }
});
