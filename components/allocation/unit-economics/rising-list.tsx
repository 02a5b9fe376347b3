import Link from "next/link";
import { TrendingUp } from "lucide-react";
import { formatMonth } from "@/lib/format/date";
import { formatCompact, formatMoneyExact } from "@/lib/format/number";
import type { UnitEconomicsWorkload } from "@/lib/queries/allocation/unit-economics";
import { unitPrice } from "@/lib/queries/allocation/unit-economics-points";

const RISING_DEFINITION =
  "Over the last two months shown, both reported on every day: the cost per day held or rose while the tokens per day fell. Per day, because a 30-day month costs less than a 31-day one for the same capacity.";

/** The workloads whose cost rises (or holds) while their tokens fall: paying as much for less work. */
export function RisingList({ workloads }: { workloads: UnitEconomicsWorkload[] }) {
  const hits = workloads.filter((w) => w.costUpTokensDown);
  if (hits.length === 0) return null;
  return (
    <section
      aria-labelledby="rising-heading"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <h2 id="rising-heading" className="flex items-center gap-2 font-semibold">
        <TrendingUp aria-hidden className="size-4" /> Cost rises while tokens fall
      </h2>
      <p className="mt-1 text-sm">{RISING_DEFINITION}</p>
      <ul className="mt-2 space-y-2 text-sm">
        {hits.map((w) => {
          const h = w.costUpTokensDown!;
          return (
            <li key={w.id} className="min-w-0">
              <Link href={`/allocation/workloads/${w.id}`} className="font-medium underline">
                {w.name}
              </Link>{" "}
              ({formatMonth(h.previous.month)} → {formatMonth(h.last.month)}): cost per day{" "}
              {formatMoneyExact(h.costPerDay.previous.toFixed(2))} → {formatMoneyExact(h.costPerDay.last.toFixed(2))}, {w.metric} per day{" "}
              {formatCompact(h.tokensPerDay.previous.toNumber())} → {formatCompact(h.tokensPerDay.last.toNumber())}, so{" "}
              {unitPrice(h.previous.perMillion)} → {unitPrice(h.last.perMillion)} per 1M tokens.
            </li>
          );
        })}
      </ul>
    </section>
  );
}
