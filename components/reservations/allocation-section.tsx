"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { fieldError, FormError, SelectField, TextField } from "@/components/registers/form-fields";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { ActionError, ActionResult } from "@/lib/errors";

export type AllocationRowView = {
  id: string;
  version: number;
  workloadId: string;
  workloadName: string;
  teamName: string;
  quantity: number;
  start: string;
  end: string | null;
  allocatedAh: string;
  notes: string | null;
};

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;

const num = (v: number | string) => Number(v).toLocaleString("en-US", { maximumFractionDigits: 0 });

/** Runs a form action, keeps what was typed when it is refused, refreshes the page when it is saved. */
function useSavingForm(action: FormAction, onSaved?: () => void) {
  const router = useRouter();
  const [state, setState] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(null, form);
      if (!result.ok) return setState(result);
      setState(null);
      onSaved?.();
      router.refresh();
    });
  };
  return { state, pending, onSubmit };
}

/** A block's allocations to workloads, its free pool, and (for allocation.write) the forms that change them. */
export function AllocationSection(props: {
  reservationId: string;
  quantity: number;
  term: { start: string; end: string; capacityAh: string; allocatedAh: string; freeAh: string };
  now: { allocated: number; free: number; inTerm: boolean };
  rows: AllocationRowView[];
  workloads: { id: string; label: string }[];
  canWrite: boolean;
  create: FormAction;
  update: FormAction;
  remove: (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
}) {
  const { quantity, term, now, rows, canWrite } = props;
  const shareNow = quantity > 0 ? (now.allocated / quantity) * 100 : 0;
  return (
    <section aria-labelledby="allocation-heading" className="mt-8">
      <h2 id="allocation-heading" className="text-lg font-semibold">
        Allocation to workloads
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="allocation-kpis">
        {[
          [now.inTerm ? "Allocated now" : "Allocated (outside the term)", `${num(now.allocated)} of ${num(quantity)}`],
          ["Free pool now", num(now.free)],
          ["Allocated over the term (AH)", num(term.allocatedAh)],
          ["Free pool over the term (AH)", num(term.freeAh)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        role="img"
        aria-label={`${num(now.allocated)} of ${num(quantity)} accelerators allocated now, ${num(now.free)} free`}
      >
        <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, shareNow)}%` }} />
      </div>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Nothing is allocated: all {num(quantity)} accelerators are in the free pool.
        </p>
      ) : (
        <ScrollRegion label="Allocations of this block" className="mt-3">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Allocations of this block</caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Workload
                </th>
                <th scope="col" className="py-1 pr-3">
                  Team
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Accelerators
                </th>
                <th scope="col" className="py-1 pr-3">
                  From
                </th>
                <th scope="col" className="py-1 pr-3">
                  To
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  AH over the term
                </th>
                {canWrite ? (
                  <th scope="col" className="py-1">
                    <span className="sr-only">Changes</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <AllocationRow key={r.id} row={r} canWrite={canWrite} update={props.update} remove={props.remove} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {canWrite ? <AddAllocation {...props} /> : null}
    </section>
  );
}

function AllocationRow({
  row,
  canWrite,
  update,
  remove,
}: {
  row: AllocationRowView;
  canWrite: boolean;
  update: FormAction;
  remove: (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [removing, startRemove] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const { state, pending, onSubmit } = useSavingForm(update, () => setEditing(false));
  const p = `a-${row.id}`;
  const onRemove = () =>
    startRemove(async () => {
      if (!window.confirm(`Remove ${row.workloadName}'s ${num(row.quantity)} accelerators? They go back to the free pool.`)) return;
      const result = await remove({ id: row.id, version: row.version });
      if (result.ok) router.refresh();
      else setRemoveError(result.error);
    });
  return (
    <>
      <tr className="border-t border-slate-200 dark:border-slate-800">
        <td className="py-1.5 pr-3">
          <Link href={`/allocation/workloads/${row.workloadId}`} className="text-brand-700 underline dark:text-brand-300">
            {row.workloadName}
          </Link>
        </td>
        <td className="py-1.5 pr-3">{row.teamName}</td>
        <td className="py-1.5 pr-3 text-right tabular-nums">{num(row.quantity)}</td>
        <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{row.start}</td>
        <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">{row.end ?? "block end"}</td>
        <td className="py-1.5 pr-3 text-right tabular-nums">{num(row.allocatedAh)}</td>
        {canWrite ? (
          <td className="py-1.5 text-right whitespace-nowrap">
            <Button type="button" variant="outline" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
              Change
            </Button>{" "}
            <Button type="button" variant="outline" onClick={onRemove} disabled={removing}>
              Remove
            </Button>
            {removeError ? (
              <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
                {removeError}
              </p>
            ) : null}
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr>
          <td colSpan={7} className="pb-3">
            <form onSubmit={onSubmit} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-4 dark:border-slate-800">
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="version" value={row.version} />
              <input type="hidden" name="workloadId" value={row.workloadId} />
              <input type="hidden" name="initial:workloadId" value={row.workloadId} />
              {(
                [
                  ["quantity", "Accelerators", "number", String(row.quantity)],
                  ["startAt", "From", "date", row.start],
                  ["endAt", "To (blank: the block's end)", "date", row.end ?? ""],
                  ["notes", "Notes", "text", row.notes ?? ""],
                ] as const
              ).map(([name, label, type, value]) => (
                <div key={name} className="flex flex-col gap-1">
                  <label htmlFor={`${p}-${name}`} className="text-sm font-medium">
                    {label}
                  </label>
                  <input
                    id={`${p}-${name}`}
                    name={name}
                    type={type}
                    defaultValue={value}
                    aria-invalid={fieldError(state, name) ? true : undefined}
                    className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
                  />
                  <input type="hidden" name={`initial:${name}`} value={value} />
                  {fieldError(state, name) ? (
                    <p className="text-xs font-medium text-red-700 dark:text-red-400">{fieldError(state, name)}</p>
                  ) : null}
                </div>
              ))}
              <div className="flex items-center gap-2 sm:col-span-4">
                <Button type="submit" disabled={pending}>
                  Save
                </Button>
                <Button type="button" variant="outline" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </div>
              <div className="sm:col-span-4">
                <FormError state={state} />
              </div>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}

function AddAllocation({
  reservationId,
  term,
  now,
  workloads,
  create,
}: {
  reservationId: string;
  term: { start: string; end: string };
  now: { free: number };
  workloads: { id: string; label: string }[];
  create: FormAction;
}) {
  const [formKey, setFormKey] = useState(0);
  const { state, pending, onSubmit } = useSavingForm(create, () => setFormKey((k) => k + 1));
  if (workloads.length === 0) {
    return (
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
        No active workload to allocate to.{" "}
        <Link href="/allocation/workloads/new" className="text-brand-700 underline dark:text-brand-300">
          Add a workload
        </Link>
        .
      </p>
    );
  }
  return (
    <form
      key={formKey}
      onSubmit={onSubmit}
      aria-labelledby="allocate-heading"
      className="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h3 id="allocate-heading" className="text-sm font-semibold">
        Allocate accelerators
      </h3>
      <input type="hidden" name="reservationId" value={reservationId} />
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="workloadId"
          label="Workload"
          options={workloads.map((w) => ({ value: w.id, label: w.label }))}
          empty="Choose a workload"
          required
          error={fieldError(state, "workloadId")}
        />
        <TextField
          name="quantity"
          label="Accelerators"
          type="number"
          inputMode="numeric"
          required
          hint={`${now.free.toLocaleString("en-US")} free now`}
          error={fieldError(state, "quantity")}
        />
        <TextField name="startAt" label="From" type="date" required defaultValue={term.start} error={fieldError(state, "startAt")} />
        <TextField name="endAt" label="To" type="date" hint={`Blank: to the block's end, ${term.end}`} error={fieldError(state, "endAt")} />
      </div>
      <div className="mt-3">
        <TextField name="notes" label="Notes" error={fieldError(state, "notes")} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          Allocate
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
