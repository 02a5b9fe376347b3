"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionError, ActionResult } from "@/lib/errors";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import type { ScenarioFormOptions } from "@/lib/queries/scenarios";
import { Choice, Field, PRICING_OPTIONS, RemoveRow, Section } from "./scenario-form-parts";

type Added = {
  name: string;
  providerId: string;
  siteId: string;
  acceleratorTypeId: string;
  quantity: string;
  startAt: string;
  endAt: string;
  pricingModel: string;
  rate: string;
};
type Slip = { reservationId: string; months: string };
type Pue = { siteId: string; pue: string };
type Price = { providerId: string; family: string; pct: string };

export type ScenarioFormValues = { name: string; description: string; overrides: ScenarioOverrides };

const day = (v: string) => v.slice(0, 10);

/** Create or edit a scenario: its name and its overrides on the baseline, each kind as a list of rows. */
export function ScenarioForm({
  options,
  values,
  edit,
  createAction,
  updateAction,
}: {
  options: ScenarioFormOptions;
  values: ScenarioFormValues;
  edit?: { id: string; version: number };
  createAction: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  updateAction: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const o = values.overrides;
  const [name, setName] = useState(values.name);
  const [description, setDescription] = useState(values.description);
  const [growth, setGrowth] = useState(o.demandGrowthPct ?? "");
  const [added, setAdded] = useState<Added[]>(
    (o.addReservations ?? []).map((r) => ({ ...r, quantity: String(r.quantity), startAt: day(r.startAt), endAt: day(r.endAt) })),
  );
  const [removed, setRemoved] = useState<string[]>(o.removeReservationIds ?? []);
  const [slips, setSlips] = useState<Slip[]>(
    (o.delaySlips ?? []).map((s) => ({ reservationId: s.reservationId, months: String(s.months) })),
  );
  const [pues, setPues] = useState<Pue[]>(Object.entries(o.pueBySite ?? {}).map(([siteId, pue]) => ({ siteId, pue })));
  const [prices, setPrices] = useState<Price[]>(
    (o.priceChangePct ?? []).map((p) => ({ providerId: p.providerId ?? "", family: p.family ?? "", pct: p.pct })),
  );

  const err = (path: string) => {
    const fe = error?.fieldErrors;
    return (fe?.[path] ?? fe?.[`changes.${path}`])?.[0];
  };
  const update = <T,>(set: (f: (rows: T[]) => T[]) => void, i: number, patch: Partial<T>) =>
    set((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const drop = <T,>(set: (f: (rows: T[]) => T[]) => void, i: number) => set((rows) => rows.filter((_, j) => j !== i));

  const overrides = () => ({
    ...(growth.trim() ? { demandGrowthPct: growth.trim() } : {}),
    addReservations: added,
    removeReservationIds: removed.filter(Boolean),
    delaySlips: slips,
    pueBySite: Object.fromEntries(pues.filter((p) => p.siteId).map((p) => [p.siteId, p.pue])),
    priceChangePct: prices.map((p) => ({
      ...(p.providerId ? { providerId: p.providerId } : {}),
      ...(p.family ? { family: p.family } : {}),
      pct: p.pct,
    })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const fields = { name, description, overrides: overrides() };
      const result = edit ? await updateAction({ id: edit.id, version: edit.version, changes: fields }) : await createAction(fields);
      if (result.ok) {
        router.push(`/scenarios/${result.data.id}?saved=1`);
        router.refresh();
      } else {
        setError(result);
      }
    });
  };

  const siteOptions = (providerId: string) => options.sites.filter((s) => !providerId || s.providerId === providerId);
  const fieldErrorCount = Object.keys(error?.fieldErrors ?? {}).length;

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-6" aria-label={edit ? "Edit scenario" : "New scenario"}>
      {error?.conflict ? (
        <div className="space-y-2">
          <ConflictNotice conflict={error.conflict} message={error.error} />
          <a href={`/scenarios/${edit?.id}/edit`} className="text-sm font-medium text-brand-700 underline dark:text-brand-300">
            Reload the current version
          </a>
        </div>
      ) : null}
      {error && !error.conflict ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p>Nothing was saved. {error.error}</p>
          {fieldErrorCount > 1 ? <p className="mt-1">{fieldErrorCount} fields need attention; each is marked below.</p> : null}
        </div>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="scenario-name" label="Scenario name" error={err("name")}>
          <Input
            id="scenario-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            aria-invalid={err("name") ? true : undefined}
          />
        </Field>
        <Field
          id="scenario-growth"
          label="Demand growth %"
          hint="Applied to the demand forecast; blank or 0 = as in the baseline; may be negative."
          error={err("overrides.demandGrowthPct")}
        >
          <Input id="scenario-growth" inputMode="decimal" value={growth} onChange={(e) => setGrowth(e.target.value)} placeholder="0" />
        </Field>
      </div>
      <Field id="scenario-description" label="Description" error={err("description")}>
        <textarea
          id="scenario-description"
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </Field>

      <Section
        title="Add reservations"
        description="Capacity that exists only in this scenario: a block you are negotiating or considering."
        onAdd={() =>
          setAdded((rows) => [
            ...rows,
            {
              name: "",
              providerId: "",
              siteId: "",
              acceleratorTypeId: "",
              quantity: "",
              startAt: "",
              endAt: "",
              pricingModel: "reserved",
              rate: "",
            },
          ])
        }
        addLabel="Add a reservation"
      >
        {added.map((r, i) => {
          const p = `overrides.addReservations.${i}`;
          const id = (f: string) => `add-${i}-${f}`;
          return (
            <fieldset
              key={i}
              aria-label={`Added reservation ${i + 1}`}
              className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
            >
              <div className="flex items-center justify-between">
                <p className="text-sm font-medium">Added reservation {i + 1}</p>
                <RemoveRow label={`Delete added row ${i + 1}`} onClick={() => drop(setAdded, i)} />
              </div>
              <div className="mt-2 grid gap-3 sm:grid-cols-3">
                <Field id={id("name")} label="Reservation name" error={err(`${p}.name`)}>
                  <Input id={id("name")} value={r.name} onChange={(e) => update(setAdded, i, { name: e.target.value })} />
                </Field>
                <Field id={id("provider")} label="Provider" error={err(`${p}.providerId`)}>
                  <Choice
                    id={id("provider")}
                    value={r.providerId}
                    empty="Choose a provider"
                    options={options.providers}
                    onChange={(v) => update(setAdded, i, { providerId: v, siteId: "" })}
                  />
                </Field>
                <Field id={id("site")} label="Site" error={err(`${p}.siteId`)}>
                  <Choice
                    id={id("site")}
                    value={r.siteId}
                    empty="Choose a site"
                    options={siteOptions(r.providerId)}
                    onChange={(v) => update(setAdded, i, { siteId: v })}
                  />
                </Field>
                <Field id={id("type")} label="Accelerator type" error={err(`${p}.acceleratorTypeId`)}>
                  <Choice
                    id={id("type")}
                    value={r.acceleratorTypeId}
                    empty="Choose a type"
                    options={options.types}
                    onChange={(v) => update(setAdded, i, { acceleratorTypeId: v })}
                  />
                </Field>
                <Field id={id("quantity")} label="Quantity" error={err(`${p}.quantity`)}>
                  <Input
                    id={id("quantity")}
                    inputMode="numeric"
                    value={r.quantity}
                    onChange={(e) => update(setAdded, i, { quantity: e.target.value })}
                  />
                </Field>
                <Field id={id("pricing")} label="Pricing model" error={err(`${p}.pricingModel`)}>
                  <Choice
                    id={id("pricing")}
                    value={r.pricingModel}
                    options={PRICING_OPTIONS}
                    onChange={(v) => update(setAdded, i, { pricingModel: v })}
                  />
                </Field>
                <Field id={id("start")} label="Start" error={err(`${p}.startAt`)}>
                  <Input
                    id={id("start")}
                    type="date"
                    value={r.startAt}
                    onChange={(e) => update(setAdded, i, { startAt: e.target.value })}
                  />
                </Field>
                <Field id={id("end")} label="End" error={err(`${p}.endAt`)}>
                  <Input id={id("end")} type="date" value={r.endAt} onChange={(e) => update(setAdded, i, { endAt: e.target.value })} />
                </Field>
                <Field id={id("rate")} label="Rate (USD per accelerator-hour)" error={err(`${p}.rate`)}>
                  <Input
                    id={id("rate")}
                    inputMode="decimal"
                    value={r.rate}
                    onChange={(e) => update(setAdded, i, { rate: e.target.value })}
                  />
                </Field>
              </div>
            </fieldset>
          );
        })}
      </Section>

      <Section
        title="Remove reservations"
        description="Blocks this scenario leaves out, e.g. a renewal you would not sign."
        onAdd={() => setRemoved((rows) => [...rows, ""])}
        addLabel="Remove a reservation"
      >
        {removed.map((id, i) => (
          <div key={i} className="flex items-end gap-2">
            <div className="flex-1">
              <Field id={`remove-${i}`} label={`Removed reservation ${i + 1}`} error={err(`overrides.removeReservationIds.${i}`)}>
                <Choice
                  id={`remove-${i}`}
                  value={id}
                  empty="Choose a reservation"
                  options={options.reservations}
                  onChange={(v) => setRemoved((rows) => rows.map((x, j) => (j === i ? v : x)))}
                />
              </Field>
            </div>
            <RemoveRow label={`Delete removal row ${i + 1}`} onClick={() => setRemoved((rows) => rows.filter((_, j) => j !== i))} />
          </div>
        ))}
      </Section>

      <Section
        title="Delivery slips"
        description="A block that arrives N months late: its capacity and power start later (its end stays)."
        onAdd={() => setSlips((rows) => [...rows, { reservationId: "", months: "3" }])}
        addLabel="Slip a delivery"
      >
        {slips.map((s, i) => (
          <div key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_8rem_auto]">
            <Field id={`slip-${i}`} label={`Slipped reservation ${i + 1}`} error={err(`overrides.delaySlips.${i}.reservationId`)}>
              <Choice
                id={`slip-${i}`}
                value={s.reservationId}
                empty="Choose a reservation"
                options={options.reservations}
                onChange={(v) => update(setSlips, i, { reservationId: v })}
              />
            </Field>
            <Field id={`slip-${i}-months`} label="Months late" error={err(`overrides.delaySlips.${i}.months`)}>
              <Input
                id={`slip-${i}-months`}
                inputMode="numeric"
                value={s.months}
                onChange={(e) => update(setSlips, i, { months: e.target.value })}
              />
            </Field>
            <RemoveRow label={`Delete slip row ${i + 1}`} onClick={() => drop(setSlips, i)} />
          </div>
        ))}
        {err("overrides.delaySlips") ? (
          <p className="text-xs font-medium text-red-700 dark:text-red-400">{err("overrides.delaySlips")}</p>
        ) : null}
      </Section>

      <Section
        title="Site PUE"
        description="A different power usage effectiveness for a site (1–3): facility load = IT load × PUE."
        onAdd={() => setPues((rows) => [...rows, { siteId: "", pue: "" }])}
        addLabel="Change a site's PUE"
      >
        {pues.map((p, i) => (
          <div key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_8rem_auto]">
            <Field id={`pue-${i}-site`} label={`PUE site ${i + 1}`} error={err("overrides.pueBySite")}>
              <Choice
                id={`pue-${i}-site`}
                value={p.siteId}
                empty="Choose a site"
                options={options.sites}
                onChange={(v) => update(setPues, i, { siteId: v })}
              />
            </Field>
            <Field id={`pue-${i}`} label="PUE" error={p.siteId ? err(`overrides.pueBySite.${p.siteId}`) : undefined}>
              <Input id={`pue-${i}`} inputMode="decimal" value={p.pue} onChange={(e) => update(setPues, i, { pue: e.target.value })} />
            </Field>
            <RemoveRow label={`Delete PUE row ${i + 1}`} onClick={() => drop(setPues, i)} />
          </div>
        ))}
      </Section>

      <Section
        title="Price changes"
        description="Change the rate of existing blocks by a percentage, by provider, by family or both (−10 = 10 % cheaper). Several matching changes compound; added reservations keep their own rate."
        onAdd={() => setPrices((rows) => [...rows, { providerId: "", family: "", pct: "" }])}
        addLabel="Change prices"
      >
        {prices.map((p, i) => (
          <div key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_8rem_auto]">
            <Field
              id={`price-${i}-provider`}
              label={`Price change ${i + 1}: provider`}
              error={err(`overrides.priceChangePct.${i}.providerId`)}
            >
              <Choice
                id={`price-${i}-provider`}
                value={p.providerId}
                empty="Any provider"
                options={options.providers}
                onChange={(v) => update(setPrices, i, { providerId: v })}
              />
            </Field>
            <Field id={`price-${i}-family`} label="Family" error={err(`overrides.priceChangePct.${i}.family`)}>
              <Choice
                id={`price-${i}-family`}
                value={p.family}
                empty="Any family"
                options={options.families}
                onChange={(v) => update(setPrices, i, { family: v })}
              />
            </Field>
            <Field id={`price-${i}-pct`} label="Change %" error={err(`overrides.priceChangePct.${i}.pct`)}>
              <Input
                id={`price-${i}-pct`}
                inputMode="decimal"
                value={p.pct}
                onChange={(e) => update(setPrices, i, { pct: e.target.value })}
              />
            </Field>
            <RemoveRow label={`Delete price row ${i + 1}`} onClick={() => drop(setPrices, i)} />
          </div>
        ))}
      </Section>

      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : edit ? "Save changes" : "Create scenario"}
        </Button>
        <Link
          href={edit ? `/scenarios/${edit.id}` : "/scenarios"}
          className="inline-flex h-9 items-center rounded-md px-4 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
