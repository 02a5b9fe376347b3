import { formatDay, formatMonth } from "@/lib/format/date";
import { formatMoneyExact } from "@/lib/format/number";
import type { CommittedSection, PlannedSpendSection } from "@/lib/queries/overview";
import { statusLabel } from "@/lib/queries/overview-points";
import { DataTable } from "./data-table";
import { MethodSection } from "./method-section";

export function CommittedDetails({ committed }: { committed: CommittedSection }) {
  return (
    <MethodSection
      id="committed-spend"
      title="Committed spend"
      definition={
        <>
          The sum of the committed amounts of contracts that are active, pending (signed, not started) or exhausted (consumed
          but still owed). Proposed, expired and cancelled contracts are listed but not counted. US dollars only
          {committed.otherCurrencyContracts > 0 ? `; ${committed.otherCurrencyContracts} contract(s) in other currencies are left out` : ""}.
        </>
      }
    >
      <DataTable
        caption="Contracts by status"
        columns={[{ header: "Status" }, { header: "Contracts", numeric: true }, { header: "Committed", numeric: true }, { header: "Counted" }]}
        rows={committed.byStatus.map((s) => [statusLabel(s.status), s.contracts, formatMoneyExact(s.amount.toFixed(2)), s.counted ? "Yes" : "No"])}
        total={["Committed spend", committed.contracts, formatMoneyExact(committed.total.toFixed(2)), ""]}
        empty="No contracts yet."
      />
    </MethodSection>
  );
}

export function PlannedSpendDetails({ planned }: { planned: PlannedSpendSection }) {
  return (
    <MethodSection
      id="planned-spend"
      title="Planned spend to date"
      definition={
        <>
          From {formatDay(planned.period.from)} to now, for active and expired reservations: reserved blocks cost every hour
          held (accelerators × hours × rate); on-demand and spot blocks cost the accelerator-hours used × rate, read from the
          monthly rollups and, for this month, the daily rollups up to {formatDay(planned.usageThrough)}. This is planned cost
          from rates, not billed cost.
        </>
      }
    >
      <DataTable
        caption="Planned spend per month"
        columns={[{ header: "Month" }, { header: "Reserved", numeric: true }, { header: "On-demand & spot", numeric: true }, { header: "Total", numeric: true }]}
        rows={planned.monthly.map((m) => [
          formatMonth(m.month.from),
          formatMoneyExact(m.reserved.toFixed(2)),
          formatMoneyExact(m.usageBased.toFixed(2)),
          formatMoneyExact(m.total.toFixed(2)),
        ])}
        total={[
          "Year to date",
          formatMoneyExact(planned.reserved.toFixed(2)),
          formatMoneyExact(planned.usageBased.toFixed(2)),
          formatMoneyExact(planned.total.toFixed(2)),
        ]}
      />
    </MethodSection>
  );
}
