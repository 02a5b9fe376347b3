import { BarListChart } from "@/components/charts/bar-list-chart";
import { DataTable } from "@/components/overview/data-table";
import { MethodSection } from "@/components/overview/method-section";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { providerRateBars } from "@/lib/queries/costs/points";
import { H100_TOKENS_PER_SECOND, TPS_PARAM_PREFIX, type ProfileEntry } from "@/lib/queries/costs/workload-profile";
import type { ComparisonRow, ProviderTotal } from "@/lib/metrics/provider-comparison";
import { formatMoney } from "@/lib/format/number";
import { ah, int, money, pct, usd } from "./format";

export const COMPARISON_COLUMNS = [
  { header: "Provider" },
  { header: "Family" },
  { header: "Months actual · planned" },
  { header: "Used AH", numeric: true },
  { header: "Utilization", numeric: true },
  { header: "Cost", numeric: true },
  { header: "$ per AH held", numeric: true },
  { header: "$ per useful AH", numeric: true },
  { header: "$ per useful H100e·h", numeric: true },
  { header: "$ per PFLOP-h", numeric: true },
  { header: "$ per 1M tokens", numeric: true },
  { header: "List $/useful AH", numeric: true },
  { header: "Contracted $/useful AH", numeric: true },
  { header: "Effective $/useful AH (billed)", numeric: true },
];

function comparisonCells(r: ComparisonRow) {
  return [
    r.providerName,
    r.family,
    `${r.actualMonths} · ${r.plannedMonths}`,
    ah(r.usedAh),
    pct(r.utilization),
    formatMoney(r.cost.toNumber()),
    usd(r.heldRate),
    usd(r.units.effectiveRate),
    usd(r.units.perH100eHour),
    usd(r.units.perPflopHour),
    usd(r.units.perMillionTokens),
    usd(r.billing?.list ?? null),
    usd(r.billing?.contracted ?? null),
    usd(r.billing?.effective ?? null),
  ];
}

function ProfileForm({ profile, keep }: { profile: ProfileEntry[]; keep: [string, string][] }) {
  return (
    <form
      method="get"
      aria-label="Workload profile"
      className="mt-3 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <fieldset>
        <legend className="text-sm font-medium">Workload profile: tokens per second per accelerator</legend>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {profile.map((e) => (
            <div key={e.family} className="flex flex-col gap-1">
              <Label htmlFor={`tps-${e.family}`}>{e.family}</Label>
              <Input
                id={`tps-${e.family}`}
                name={`${TPS_PARAM_PREFIX}${e.family}`}
                inputMode="decimal"
                defaultValue={e.tokensPerSecond}
                className="w-full"
              />
            </div>
          ))}
        </div>
      </fieldset>
      {keep.map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="outline">
          Apply profile
        </Button>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Edited values are kept in the URL, so a profile can be bookmarked and shared.
        </p>
      </div>
    </form>
  );
}

export function ComparisonSection({
  rows,
  providers,
  profile,
  keep,
  exportHref,
}: {
  rows: ComparisonRow[];
  providers: ProviderTotal[];
  profile: ProfileEntry[];
  /** The page's other URL parameters (filters), kept by the profile form. */
  keep: [string, string][];
  exportHref: string | null;
}) {
  const bars = providerRateBars(providers);
  return (
    <section aria-labelledby="comparison" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="comparison" className="text-lg font-semibold">
          Provider comparison
        </h2>
        {exportHref ? (
          <a href={exportHref} className="text-sm text-brand-700 underline dark:text-brand-300" download>
            Export comparison CSV
          </a>
        ) : null}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <p className="mb-2 text-xs font-medium text-slate-600 dark:text-slate-400">
          $ per useful H100-equivalent hour, by provider (all families)
        </p>
        <BarListChart data={bars} unit="usd" label="Cost per useful H100-equivalent hour by provider, cheapest first" />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">View by provider as a table</summary>
          <DataTable
            caption="Cost per useful H100-equivalent hour by provider"
            columns={[
              { header: "Provider" },
              { header: "Families", numeric: true },
              { header: "Cost", numeric: true },
              { header: "Used H100e·h", numeric: true },
              { header: "Utilization", numeric: true },
              { header: "$ per useful H100e·h", numeric: true },
              { header: "$ per PFLOP-h", numeric: true },
              { header: "$ per 1M tokens", numeric: true },
            ]}
            rows={providers.map((p) => [
              p.providerName,
              p.families,
              money(p.cost),
              ah(p.units.usedH100eHours),
              pct(p.utilization),
              usd(p.units.perH100eHour),
              usd(p.units.perPflopHour),
              usd(p.units.perMillionTokens),
            ])}
          />
        </details>
      </div>
      <DataTable
        caption="Provider comparison per provider and accelerator family"
        columns={COMPARISON_COLUMNS}
        rows={rows.map(comparisonCells)}
        empty="No capacity in the past months of this range."
      />
      <ProfileForm profile={profile} keep={keep} />
      <MethodSection
        id="comparison-method"
        title="How the comparison is computed"
        definition={
          <>
            Over the whole past months of the range, per provider and accelerator family: <strong>cost</strong> is actual (Σ EffectiveCost
            of the charges tied to that family&apos;s accelerator types) in months the provider has billing, planned (reserved blocks
            capacity × rate; on-demand and spot used AH × rate) in the others; <strong>used AH</strong> from the monthly utilization
            rollups; capacity from the blocks (quantity × hours, delivery-adjusted). $ per AH held = cost ÷ capacity AH;{" "}
            <strong>$ per useful AH</strong> (effective rate) = cost ÷ used AH — the utilization-adjusted price; $ per useful H100e·h =
            effective rate ÷ the type&apos;s H100-equivalent factor; $ per PFLOP-h = effective rate ÷ (peak dense BF16 TFLOPS ÷ 1000); $ per
            1M tokens = effective rate ÷ (tokens/s × 3,600 ÷ 10⁶). List, contracted and effective $/useful AH use the billed months only (Σ
            ListCost, Σ ContractedCost, Σ EffectiveCost ÷ used AH of those months). Storage, network and unmapped SKUs (charges tied to no
            accelerator type) are not in the comparison; map SKUs under Settings → SKU mappings.
          </>
        }
      >
        <DataTable
          caption="Default tokens per second per family"
          columns={[
            { header: "Family" },
            { header: "Tokens/s in use", numeric: true },
            { header: "Default", numeric: true },
            { header: "Basis of the default" },
          ]}
          rows={profile.map((e) => [e.family, int(Number(e.tokensPerSecond)), int(Number(e.default)), e.basis])}
        />
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Defaults are rounded per-accelerator throughputs of a 70B-class dense model (Llama 2 70B, MLPerf Inference offline) where
          published, else {H100_TOKENS_PER_SECOND.toLocaleString("en-US")} tokens/s × the type&apos;s H100-equivalent factor. Replace them
          with your own measured throughput.
        </p>
      </MethodSection>
    </section>
  );
}
