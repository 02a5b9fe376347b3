import Link from "next/link";
import { DataTable } from "@/components/overview/data-table";
import { formatRate } from "@/lib/format/number";
import type { MarketRow } from "@/lib/queries/offers/market";
import { money } from "./format";

/** Blocks shown until "Show all" (`?market=all`): the furthest above the median first. */
const SHOWN = 15;

/**
 * Each current reservation's rate beside the lowest and median list price of its type in the offers register.
 * `allHref`: the address that shows every block (null when every block is shown already).
 */
export function MarketSection({ rows, allHref }: { rows: MarketRow[]; allHref: string | null }) {
  const priced = rows.filter((r) => r.market).length;
  const shown = allHref ? rows.slice(0, SHOWN) : rows;
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
        {rows.length} blocks have list prices.
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
        rows={shown.map((r) => [
          <Link key={r.id} href={`/reservations/${r.id}`} className="whitespace-nowrap text-brand-700 underline dark:text-brand-300">
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
      {shown.length < rows.length ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="market-shown">
          The {SHOWN} furthest above the median of {rows.length.toLocaleString("en-US")}.{" "}
          <Link href={allHref!} className="text-brand-700 underline dark:text-brand-300">
            Show all {rows.length.toLocaleString("en-US")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
