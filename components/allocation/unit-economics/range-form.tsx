import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addUtcMonths } from "@/lib/metrics/calendar";
import { DEFAULT_UNIT_MONTHS, UNIT_PRESETS, type UnitEconomicsRange } from "@/lib/queries/allocation/unit-economics-params";
import { monthParam } from "@/lib/queries/filters/params";

/** The months shown, as a GET form (from / to months, the last inclusive) and preset links: the range lives in the URL. */
export function RangeForm({ range, path, keep = [] }: { range: UnitEconomicsRange; path: string; keep?: [string, string][] }) {
  const kept = keep.map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("");
  return (
    <section aria-label="Months" className="flex flex-col gap-2">
      <form method="get" role="search" aria-label="Months" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="range-from">From</Label>
          <Input id="range-from" name="from" type="month" defaultValue={monthParam(range.from)} className="w-40" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="range-to">To</Label>
          <Input id="range-to" name="to" type="month" defaultValue={monthParam(addUtcMonths(range.to, -1))} className="w-40" />
        </div>
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
      <nav aria-label="Month presets" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {UNIT_PRESETS.map((n) => (
          <Link
            key={n}
            href={n === DEFAULT_UNIT_MONTHS ? (kept ? `${path}?${kept.slice(1)}` : path) : `${path}?months=${n}${kept}`}
            aria-current={range.preset === n ? "page" : undefined}
            className={
              range.preset === n ? "font-medium text-slate-900 dark:text-slate-100" : "text-brand-700 underline dark:text-brand-300"
            }
          >
            Last {n} months
          </Link>
        ))}
      </nav>
    </section>
  );
}
