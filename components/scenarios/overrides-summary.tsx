import { formatRate } from "@/lib/format/number";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import type { OverrideLabels } from "@/lib/queries/scenarios";

const PRICING: Record<string, string> = { reserved: "reserved", on_demand: "on-demand", spot: "spot" };
const signed = (pct: string) => (pct.startsWith("-") ? `−${pct.slice(1)}` : `+${pct}`);

/** A scenario's overrides read back as sentences, one list per kind. */
export function OverridesSummary({ overrides, labels }: { overrides: ScenarioOverrides; labels: OverrideLabels }) {
  const name = (map: Record<string, string>, id: string) => map[id] ?? `(deleted ${id.slice(0, 8)}…)`;
  const items: { key: string; text: string }[] = [];
  if (overrides.demandGrowthPct) items.push({ key: "growth", text: `Demand forecast ${signed(overrides.demandGrowthPct)} %.` });
  (overrides.addReservations ?? []).forEach((r, i) =>
    items.push({
      key: `add-${i}`,
      text: `Adds ${r.name}: ${r.quantity.toLocaleString("en-US")} × ${name(labels.types, r.acceleratorTypeId)} at ${name(labels.sites, r.siteId)} (${name(labels.providers, r.providerId)}), ${r.startAt.slice(0, 10)} → ${r.endAt.slice(0, 10)}, ${PRICING[r.pricingModel]} at ${formatRate(r.rate, "USD")} per accelerator-hour.`,
    }),
  );
  (overrides.removeReservationIds ?? []).forEach((id) =>
    items.push({ key: `rm-${id}`, text: `Removes ${name(labels.reservations, id)}.` }),
  );
  (overrides.delaySlips ?? []).forEach((s) =>
    items.push({
      key: `slip-${s.reservationId}`,
      text: `Delivery of ${name(labels.reservations, s.reservationId)} slips ${s.months} month${s.months === 1 ? "" : "s"}.`,
    }),
  );
  Object.entries(overrides.pueBySite ?? {}).forEach(([siteId, pue]) =>
    items.push({ key: `pue-${siteId}`, text: `PUE of ${name(labels.sites, siteId)} becomes ${pue}.` }),
  );
  (overrides.priceChangePct ?? []).forEach((p, i) => {
    const scope = [p.providerId ? name(labels.providers, p.providerId) : null, p.family ?? null].filter(Boolean).join(" ");
    items.push({ key: `price-${i}`, text: `Prices of ${scope} blocks ${signed(p.pct)} %.` });
  });
  if (items.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No overrides: this scenario equals the baseline (except for its own demand plans, if any).
      </p>
    );
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="overrides">
      {items.map((i) => (
        <li key={i.key}>{i.text}</li>
      ))}
    </ul>
  );
}
