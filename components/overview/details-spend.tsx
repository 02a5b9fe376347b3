import { money } from "@/components/costs/format";
import { formatMonth } from "@/lib/format/date";
import { formatMoneyExact } from "@/lib/format/number";
import type { CommittedSection, SpendSection } from "@/lib/queries/overview";
import type { SpendPeriodSection } from "@/lib/queries/overview/spend";
import { currencyNote, periodLabel, statusLabel } from "@/lib/queries/overview/points";
import { DataTable } from "./data-table";
import { MethodSection } from "./method-section";

export function CommittedDetails({ committed }: { committed: CommittedSection }) {
  const note = currencyNote(committed.converted, committed.unconverted, "contract");
  return (
    <MethodSection
      id="committed-spend"
      title="Committed spend"
      definition={
        <>
          The sum of the committed amounts of contracts that are active, pending (signed, not started) or exhausted (consumed but still
          owed). Proposed, expired and cancelled contracts are listed but not counted. In US dollars: a contract in another currency is
          converted at its rate in HEADROOM_FX_RATES (US dollars per unit), and left out, said here, when there is none
          {note ? ` — ${note}` : ""}.
        </>
      }
    >
      <DataTable
        caption="Contracts by status"
        columns={[
          { header: "Status" },
          { header: "Contracts", numeric: true },
          { header: "Committed", numeric: true },
          { header: "Counted" },
        ]}
        rows={committed.byStatus.map((s) => [
          statusLabel(s.status),
          s.contracts,
          formatMoneyExact(s.amount.toFixed(2)),
          s.counted ? "Yes" : "No",
        ])}
        total={["Committed spend", committed.contracts, formatMoneyExact(committed.total.toFixed(2)), ""]}
        empty="No contracts yet."
      />
    </MethodSection>
  );
}

function SpendTable({ spend, caption, totalLabel }: { spend: SpendPeriodSection; caption: string; totalLabel: string }) {
  const source = (m: SpendPeriodSection["months"][number]) =>
    m.actual.isZero() ? "Planned" : m.planned.isZero() ? "Actual" : "Actual and planned";
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: "Month" },
        { header: "Source" },
        { header: "Actual", numeric: true },
        { header: "Planned", numeric: true },
        { header: "Total", numeric: true },
      ]}
      rows={spend.months.map((m) => [formatMonth(m.month.from), source(m), money(m.actual), money(m.planned), money(m.total)])}
      total={[totalLabel, "", money(spend.actual), money(spend.planned), money(spend.total)]}
    />
  );
}

const SOURCES =
  "Per provider and month, actual (Σ EffectiveCost of imported billing in US dollars) when that provider has billing for that month, planned otherwise — never both. Planned, in US dollars (a block priced in another currency at its HEADROOM_FX_RATES rate): reserved blocks cost every hour held (accelerators × hours × rate); on-demand and spot blocks cost the accelerator-hours used (monthly rollups) × rate, and from this month on, not yet used, every hour held × rate. The same function as the Costs page.";

export function SpendDetails({ spend }: { spend: SpendSection }) {
  return (
    <>
      <MethodSection
        id="spend-to-date"
        title="Spend to date"
        definition={`${periodLabel(spend.toDate.period)}, the closed months of the year. ${SOURCES}`}
      >
        <SpendTable spend={spend.toDate} caption="Spend to date per month, actual and planned" totalLabel="To date" />
      </MethodSection>
      <MethodSection
        id="forecast"
        title="12-month forecast"
        definition={`${periodLabel(spend.forecast.period)}: this month and the eleven after it, as the Costs page's "Next 12 months". ${SOURCES}`}
      >
        <SpendTable spend={spend.forecast} caption="Spend forecast for the next 12 months per month" totalLabel="Next 12 months" />
      </MethodSection>
    </>
  );
}
