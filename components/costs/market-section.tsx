import Link from "next/link";
import { DataTable } from "@/components/overview/data-table";
import { formatRate } from "@/lib/format/number";
import type { MarketRow } from "@/lib/queries/offers/market";
import { money } from "./format";

const LIMIT = 100;

/** Each current reservation's rate beside the lowest and median list price of its type in the offers register. */
export function MarketSection({ rows }: { rows: MarketRow[] }) {
  const priced = rows.filter((r) => r.market).length;
  return (
    <section aria-labelledby="market" className="space-y-1">
      <h2 id="market" className="text-lg font-semibold">
        Rate against the market
      </h2>
      <p className="max-w-4xl text-sm text-slate-600 dark:text-slate-400">
        Each reservation held today (the baseline's, whatever the scenario) beside the list prices of its accelerator type in the{" "}
        <Link href="/offers?source=list" className="text-brand-700 underline dark:text-brand-300">
          offers register
        </Link>{" "}
        (reserved and on-demand blocks against on-demand and committed-use prices, spot against spot; same currency). Percentile: the share
        of list prices below the rate. Above market a year = (rate − median) × quantity × 8,760 h; negative is below. {priced} of{" "}
        {rows.length} blocks have list prices{rows.length > LIMIT ? `; the ${LIMIT} furthest above the median are shown` : ""}.
      </p>
      <DataTable
        caption="Reservation rates against the market"
        empty="No reservation is held today with these filters."
        columns={[
          { header: "Block" },
          { header: "Provider" },
          { header: "Type" },
          { header: "Qty", numeric: true },
          { header: "Model" },
          { header: "Rate / AH", numeric: true },
          { header: "Lowest list", numeric: true },
          { header: "Median list", numeric: true },
          { header: "Percentile", numeric: true },
          { header: "Above market / yr", numeric: true },
        ]}
        rows={rows.slice(0, LIMIT).map((r) => [
          <Link key={r.id} href={`/reservations/${r.id}`} className="text-brand-700 underline dark:text-brand-300">
            {r.name}
          </Link>,
          r.providerName,
          r.family,
          r.quantity.toLocaleString("en-US"),
          r.pricingModel.replace("_", "-"),
          formatRate(r.rate, r.currency),
          r.market ? formatRate(r.market.lowest.toFixed(), r.currency) : "—",
          r.market ? formatRate(r.market.median.toFixed(), r.currency) : "—",
          r.market ? `${r.market.percentile.toFixed(0)} (of ${r.market.count})` : "—",
          r.market ? money(r.market.abovePerYear) : "no list price",
        ])}
      />
    </section>
  );
}
