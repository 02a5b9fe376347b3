import { addUtcDays } from "@/lib/metrics/calendar";
import { formatDay } from "@/lib/format/date";
import { formatDecimal, formatMoneyExact, formatPercent } from "@/lib/format/number";
import type { ExpiringSection, FleetSection, UtilizationSection } from "@/lib/queries/overview";
import { DataTable } from "./data-table";
import { MethodSection } from "./method-section";

const n0 = (v: { toNumber(): number } | number) => formatDecimal(typeof v === "number" ? v : v.toNumber(), 0);
const n1 = (v: { toNumber(): number }) => formatDecimal(v.toNumber(), 1);

export function FleetDetails({ fleet }: { fleet: FleetSection }) {
  return (
    <MethodSection
      id="accelerators"
      title="Accelerators"
      definition="Accelerators in blocks in service now: started (at the delivery date when capacity arrives late) and not yet ended, as the Capacity and Concentration pages count them. H100-equivalents = accelerators × the H100e factor of each accelerator type."
    >
      <DataTable
        caption="Accelerators in service by family"
        columns={[{ header: "Family" }, { header: "Accelerators", numeric: true }, { header: "H100e", numeric: true }]}
        rows={fleet.byFamily.map((f) => [f.family, n0(f.accelerators), n1(f.h100e)])}
        total={["All families", n0(fleet.accelerators), n1(fleet.h100e)]}
        empty="No reservation is in service."
      />
    </MethodSection>
  );
}

export function UtilizationDetails({ utilization }: { utilization: UtilizationSection }) {
  const lastDay = addUtcDays(utilization.window.to, -1);
  return (
    <MethodSection
      id="utilization"
      title="Utilization"
      definition={`Used accelerator-hours ÷ capacity accelerator-hours from ${formatDay(utilization.window.from)} to ${formatDay(lastDay)}, read from the daily rollups — the Utilization page's "Last 30 days", by the same function. A block that reported nothing in these days is unmeasured: left out of used and capacity alike, so missing telemetry does not look like idle time${utilization.unmeasured ? ` (${utilization.unmeasured} this time)` : ""}. A measured block counts its capacity over every hour of the window inside its term (accelerators × hours, from its delivery date). Idle cost = unused hours × rate, for reserved blocks.`}
    >
      <DataTable
        caption="Utilization over the last 30 days by family"
        columns={[
          { header: "Family" },
          { header: "Used AH", numeric: true },
          { header: "Capacity AH", numeric: true },
          { header: "Utilization", numeric: true },
          { header: "Idle cost", numeric: true },
        ]}
        rows={utilization.byFamily.map((f) => [
          f.family,
          n0(f.usedAh),
          n0(f.capacityAh),
          formatPercent(f.ratio?.toNumber() ?? null, 1),
          formatMoneyExact(f.idleCost.toFixed(2)),
        ])}
        total={[
          "All families",
          n0(utilization.usedAh),
          n0(utilization.capacityAh),
          formatPercent(utilization.ratio?.toNumber() ?? null, 1),
          formatMoneyExact(utilization.idleCost.toFixed(2)),
        ]}
        empty="No daily utilization in this window."
      />
    </MethodSection>
  );
}

export function ExpiringDetails({ expiring }: { expiring: ExpiringSection }) {
  const more = expiring.count - expiring.top.length;
  return (
    <MethodSection
      id="expiring"
      title="Expiring in 90 days"
      definition={`Reservations not marked expired whose end falls after now and on or before ${formatDay(expiring.until)}; the largest are listed first${more > 0 ? ` (${more} smaller ones not shown)` : ""}. Under a scenario, its added and removed blocks count.`}
    >
      <DataTable
        caption="Largest reservations expiring in the next 90 days"
        columns={[
          { header: "Reservation" },
          { header: "Provider" },
          { header: "Site" },
          { header: "Type" },
          { header: "Accelerators", numeric: true },
          { header: "Ends", numeric: true },
        ]}
        rows={expiring.top.map((r) => [
          r.added ? `${r.name} (scenario)` : r.name,
          r.provider,
          r.site,
          r.acceleratorType,
          n0(r.quantity),
          formatDay(r.endAt),
        ])}
        empty="Nothing expires in the next 90 days."
      />
    </MethodSection>
  );
}
