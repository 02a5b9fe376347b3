"use client";

import { useMemo, useState } from "react";
import { CsvLink } from "@/components/answers/chart-table";
import { DataTable } from "@/components/overview/data-table";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatMoney, formatMoneyExact } from "@/lib/format/number";
import {
  FIELD_LABELS,
  leaseQuery,
  resolveLease,
  type LeaseCatalog,
  type LeaseParams,
  type NumericField,
} from "@/lib/queries/lease-vs-build/params";
import { breakEvenSentence, leaseResult } from "@/lib/queries/lease-vs-build/result";
import { CostCurveChart } from "./cost-curve-chart";

const SELECT =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const usd = (v: { toNumber(): number }) => formatMoneyExact(v.toNumber());

function Field({
  field,
  value,
  placeholder,
  source,
  error,
  onChange,
}: {
  field: NumericField;
  value: string;
  placeholder: string;
  source?: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const id = `lvb-${field}`;
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{FIELD_LABELS[field]}</Label>
      <Input
        id={id}
        name={field}
        inputMode="decimal"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
      />
      <p
        id={`${id}-hint`}
        className={error ? "text-xs font-medium text-red-700 dark:text-red-300" : "text-xs text-slate-600 dark:text-slate-400"}
      >
        {error ?? (source ? `Default: ${source}` : "\u00a0")}
      </p>
    </div>
  );
}

export function LeaseVsBuildCalculator({ catalog, initial }: { catalog: LeaseCatalog; initial: LeaseParams }) {
  const [params, setParams] = useState<LeaseParams>(initial);
  const resolved = useMemo(() => resolveLease(params, catalog), [params, catalog]);
  const result = useMemo(() => leaseResult(resolved), [resolved]);

  const update = (changes: Partial<LeaseParams>) => {
    const next = { ...params, ...changes };
    setParams(next);
    // Native history keeps the URL shareable without a server round trip on every keystroke.
    window.history.replaceState(null, "", `${window.location.pathname}${leaseQuery(next)}`);
  };
  const query = leaseQuery({ ...params, type: resolved.type?.id ?? null, site: resolved.site?.id ?? null });
  const util = Number(resolved.values.util);
  const be = result?.breakEven.utilization ? result.breakEven.utilization.times(100).toNumber() : null;

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[22rem_1fr]">
      <form
        aria-label="Lease vs build inputs"
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="lvb-type">Accelerator type</Label>
          <select id="lvb-type" className={SELECT} value={resolved.type?.id ?? ""} onChange={(e) => update({ type: e.target.value })}>
            {catalog.types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.systemW.toLocaleString("en-US")} W system)
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="lvb-site">Site to build at</Label>
          <select id="lvb-site" className={SELECT} value={resolved.site?.id ?? ""} onChange={(e) => update({ site: e.target.value })}>
            {catalog.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} (PUE {s.pue})
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="lvb-billing">Leased rate is paid</Label>
          <select
            id="lvb-billing"
            className={SELECT}
            value={resolved.billing}
            onChange={(e) => update({ billing: e.target.value as "reserved" | "usage" })}
          >
            <option value="reserved">Every hour of the term (reserved)</option>
            <option value="usage">Only for hours used (on demand)</option>
          </select>
        </div>
        {(["qty", "util", "rate", "capex", "facility", "years", "power", "opex"] as const).map((f) => (
          <Field
            key={f}
            field={f}
            value={params[f] ?? resolved.values[f]}
            placeholder={resolved.values[f]}
            source={resolved.sources[f]}
            error={resolved.errors[f]}
            onChange={(v) => update({ [f]: v })}
          />
        ))}
        <Button
          type="button"
          variant="outline"
          onClick={() =>
            update({
              qty: undefined,
              capex: undefined,
              facility: undefined,
              years: undefined,
              util: undefined,
              power: undefined,
              opex: undefined,
              rate: undefined,
              billing: null,
            })
          }
        >
          Reset to defaults
        </Button>
      </form>

      <div className="min-w-0">
        {!result ? (
          <p
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            {Object.values(resolved.errors).join(" ")}
          </p>
        ) : (
          <>
            <section
              aria-label="Result"
              data-testid="lvb-result"
              className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
                {[
                  ["Build, per useful AH", usd(result.owned)],
                  ["Lease, per useful AH", usd(result.leased)],
                  [`Build, ${resolved.values.years}-year term`, formatMoney(result.term.owned.toNumber())],
                  [`Lease, ${resolved.values.years}-year term`, formatMoney(result.term.leased.toNumber())],
                ].map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-sm text-slate-600 dark:text-slate-400">{k}</dt>
                    <dd className="mt-0.5 text-2xl font-semibold tabular-nums">{v}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-4 text-sm font-medium" data-testid="lvb-verdict">
                At {resolved.values.util} % utilization{" "}
                {result.cheaper === "equal"
                  ? "both cost the same."
                  : `${result.cheaper === "owned" ? "building" : "leasing"} is cheaper by ${usd(result.owned.minus(result.leased).abs())} per useful accelerator-hour, ${formatMoney(result.term.owned.minus(result.term.leased).abs().toNumber())} over ${resolved.values.years} years for ${Number(resolved.values.qty).toLocaleString("en-US")} accelerators.`}
              </p>
              <p className="mt-1 text-sm" data-testid="lvb-break-even">
                {breakEvenSentence(result.breakEven)}
              </p>
            </section>

            <section
              aria-labelledby="lvb-curve"
              className="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
            >
              <h2 id="lvb-curve" className="font-semibold">
                Cost per useful accelerator-hour vs utilization
              </h2>
              <div className="mt-3">
                <CostCurveChart
                  rows={result.curve.map((p) => ({
                    utilization: p.utilization.times(100).toNumber(),
                    owned: p.owned.toNumber(),
                    leased: p.leased.toNumber(),
                  }))}
                  expected={util}
                  breakEven={be}
                  label="Cost per useful accelerator-hour of building and leasing against utilization, in US dollars"
                />
              </div>
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer font-medium">View as table</summary>
                <p className="mt-2">
                  <CsvLink href={`/lease-vs-build/export.csv${query}`} />
                </p>
                <DataTable
                  caption="Cost per useful accelerator-hour by utilization"
                  columns={[
                    { header: "Utilization", numeric: true },
                    { header: "Build", numeric: true },
                    { header: "Lease", numeric: true },
                    { header: "Cheaper" },
                  ]}
                  rows={result.curve.map((p) => [
                    `${p.utilization.times(100).toString()} %`,
                    usd(p.owned),
                    usd(p.leased),
                    p.owned.lessThan(p.leased) ? "Build" : p.owned.greaterThan(p.leased) ? "Lease" : "Same",
                  ])}
                />
              </details>
            </section>

            <section aria-labelledby="lvb-how" className="mt-4 text-sm text-slate-600 dark:text-slate-400">
              <h2 id="lvb-how" className="font-semibold text-slate-900 dark:text-white">
                How this is computed
              </h2>
              <p className="mt-1 max-w-3xl">
                Build $ per useful AH = (capex + facility share) ÷ (years × 8,760 × utilization) + power + opex, where capex per hour is{" "}
                {usd(result.capexPerHour)} and power = system W × PUE × $/MWh ÷ 10⁶ = {resolved.type?.systemW ?? "—"} W ×{" "}
                {resolved.input!.pue.toString()} × {resolved.values.power} ÷ 10⁶ = {usd(result.powerPerAh)} per hour used (idle draw is not
                counted).{" "}
                {resolved.billing === "reserved"
                  ? "A reserved lease is paid for every hour of the term, used or not, so its $ per useful AH is the rate ÷ utilization."
                  : "An on-demand lease is paid only for the hours used, so its $ per useful AH is the rate itself."}{" "}
                Both options are taken over the same term (the depreciation years); the break-even is solved in closed form.
              </p>
            </section>
          </>
        )}
      </div>
    </div>
  );
}
