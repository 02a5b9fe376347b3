import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Option } from "@/lib/queries/lists/options";
import type { PlanInputs } from "@/lib/validation/plan";

// The planner's inputs as a plain GET form: submitting puts them in the URL (lib/queries/plan/params.ts), so a plan is a
// link, works without JavaScript and the browser's back button walks through earlier plans.

const SELECT =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const HINT = "text-xs text-slate-600 dark:text-slate-400";
const BOX = "size-4 rounded border-slate-300 accent-brand-600";

const pct = (share: number | null) => (share === null ? "" : String(Math.round(share * 10_000) / 100));

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className={HINT}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A number field left empty for "no cap". */
function TextInput({ id, name, label, hint, value }: { id: string; name: string; label: string; hint?: string; value: string }) {
  return (
    <Field id={id} label={label} hint={hint}>
      <Input
        id={id}
        name={name}
        inputMode="decimal"
        defaultValue={value}
        placeholder="No cap"
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </Field>
  );
}

function Check({ name, label, checked, value = "1" }: { name: string; label: string; checked: boolean; value?: string }) {
  return (
    <label className="inline-flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value={value} defaultChecked={checked} className={BOX} />
      {label}
    </label>
  );
}

export function PlanForm({
  inputs,
  families,
  scenarios,
}: {
  /** What the plan on screen was solved with (the defaults when the URL was wrong). */
  inputs: PlanInputs;
  families: Option[];
  scenarios: Option[];
}) {
  const chosen = new Set(inputs.families ?? []);
  return (
    <form
      method="get"
      action="/plan"
      aria-label="Plan inputs"
      className="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <input type="hidden" name="set" value="1" />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="plan-demand" label="Demand to cover">
          <select id="plan-demand" name="demand" defaultValue={inputs.demand} className={SELECT}>
            <option value="median">Median forecast + plans</option>
            <option value="p80">Upper 80 % band</option>
            <option value="p95">Upper 95 % band</option>
          </select>
        </Field>
        <Field id="plan-horizon" label="Horizon (months)" hint="1 to 60, from next month.">
          <Input id="plan-horizon" name="horizon" inputMode="numeric" defaultValue={inputs.horizon} aria-describedby="plan-horizon-hint" />
        </Field>
        <Field id="plan-scenario" label="Under scenario">
          <select id="plan-scenario" name="scenario" defaultValue={inputs.scenario ?? ""} className={SELECT}>
            <option value="">Baseline (the registers)</option>
            {scenarios.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <TextInput
          id="plan-budget"
          name="budget"
          label="Budget cap (USD, optional)"
          hint="Committed cost of the added blocks."
          value={inputs.budgetUsd ?? ""}
        />
        <TextInput
          id="plan-cap-provider"
          name="cap_provider"
          label="Largest provider share (%)"
          hint="Of H100e held, every month."
          value={pct(inputs.capProvider)}
        />
        <TextInput id="plan-cap-vendor" name="cap_vendor" label="Largest chip vendor share (%)" value={pct(inputs.capVendor)} />
        <TextInput id="plan-cap-site" name="cap_site" label="Largest site share (%)" value={pct(inputs.capSite)} />
        <fieldset className="flex min-w-0 flex-col gap-1.5">
          <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">May buy</legend>
          <Check name="on_demand" label="On-demand" checked={!inputs.noOnDemand} />
          <Check name="spot" label="Spot" checked={!inputs.noSpot} />
          <Check name="build" label="Build at owned sites" checked={!inputs.noBuild} />
        </fieldset>
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">Families (none ticked: all)</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5">
          {families.map((f) => (
            <Check key={f.value} name="family" value={f.value} label={f.label} checked={chosen.has(f.value)} />
          ))}
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
        <Check
          name="late"
          label="Plan for late delivery (lead times stretched by each provider's p80 slip)"
          checked={inputs.lateDelivery}
        />
        <Button type="submit" className="ml-auto">
          Plan
        </Button>
      </div>
    </form>
  );
}
