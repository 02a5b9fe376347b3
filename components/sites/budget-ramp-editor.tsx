"use client";

import { Plus, Save, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionError, ActionResult } from "@/lib/errors";
import { formText } from "@/lib/validation/form-data";

export type BudgetStep = { id: string; version: number; effectiveFrom: string; effectiveTo: string | null; contractedMw: string };

type Result = Promise<ActionResult<{ id: string }>>;
export type BudgetActions = {
  create: (siteId: string, values: Record<string, string>) => Result;
  update: (input: { id: string; version: number; changes: Record<string, string> }) => Result;
  remove: (input: { id: string; version: number }) => Result;
};

const FIELDS = ["effectiveFrom", "effectiveTo", "contractedMw"] as const;
type Field = (typeof FIELDS)[number];

function errorOf(state: ActionError | null, field: Field): string | undefined {
  return (state?.fieldErrors?.[field] ?? state?.fieldErrors?.[`changes.${field}`])?.[0];
}

function valuesOf(form: HTMLFormElement): Record<Field, string> {
  const data = new FormData(form);
  return Object.fromEntries(FIELDS.map((f) => [f, formText(data, f).trim()])) as Record<Field, string>;
}

function StepInputs({ prefix, formId, step, state }: { prefix: string; formId: string; step?: BudgetStep; state: ActionError | null }) {
  const cell = (field: Field, input: ReactNode) => {
    const error = errorOf(state, field);
    return (
      <td className="px-2 py-2 align-top">
        {input}
        {error ? (
          <p id={`${prefix}-${field}-error`} className="mt-1 max-w-64 text-xs font-medium text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </td>
    );
  };
  const common = (field: Field) => ({
    name: field,
    form: formId,
    "aria-invalid": errorOf(state, field) ? true : undefined,
    "aria-describedby": errorOf(state, field) ? `${prefix}-${field}-error` : undefined,
  });
  return (
    <>
      {cell(
        "effectiveFrom",
        <Input type="date" aria-label={`${prefix} from`} defaultValue={step?.effectiveFrom ?? ""} required {...common("effectiveFrom")} />,
      )}
      {cell(
        "effectiveTo",
        <Input type="date" aria-label={`${prefix} until`} defaultValue={step?.effectiveTo ?? ""} {...common("effectiveTo")} />,
      )}
      {cell(
        "contractedMw",
        <Input
          inputMode="decimal"
          aria-label={`${prefix} MW`}
          defaultValue={step?.contractedMw ?? ""}
          className="w-28 text-right"
          required
          {...common("contractedMw")}
        />,
      )}
    </>
  );
}

function Problem({ state }: { state: ActionError | null }) {
  if (!state) return null;
  if (state.conflict) return <ConflictNotice conflict={state.conflict} message={state.error} />;
  return (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {state.error}
    </p>
  );
}

/** Says what was saved (or null after a refusal) in the editor's status line: rows remount on save, so it lives above them. */
type Notify = (message: string | null) => void;

function StepRow({
  step,
  index,
  today,
  actions,
  notify,
}: {
  step: BudgetStep;
  index: number;
  today: string;
  actions: BudgetActions;
  notify: Notify;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const formId = `budget-step-${step.id}`;
  const inForce = step.effectiveFrom <= today;
  const finish = (result: ActionResult<{ id: string }>, saved: string) => {
    if (result.ok) {
      setState(null);
      notify(saved);
      router.refresh();
    } else {
      notify(null);
      setState(result);
    }
  };
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = valuesOf(event.currentTarget);
    const initial: Record<Field, string> = {
      effectiveFrom: step.effectiveFrom,
      effectiveTo: step.effectiveTo ?? "",
      contractedMw: step.contractedMw,
    };
    const changes = Object.fromEntries(FIELDS.filter((f) => values[f] !== initial[f]).map((f) => [f, values[f]]));
    if (Object.keys(changes).length === 0) return setState({ ok: false, error: "Nothing to change." });
    const saved = `Saved step ${index + 1}: ${values.contractedMw} MW from ${values.effectiveFrom}${values.effectiveTo ? ` until ${values.effectiveTo}` : " onwards"}.`;
    startTransition(async () => finish(await actions.update({ id: step.id, version: step.version, changes }), saved));
  };
  const remove = () =>
    startTransition(async () => {
      if (!window.confirm(`Remove the step from ${step.effectiveFrom}?`)) return;
      finish(await actions.remove({ id: step.id, version: step.version }), `Removed the step from ${step.effectiveFrom}.`);
    });
  return (
    <>
      <tr data-testid="budget-step">
        <StepInputs prefix={`Step ${index + 1}`} formId={formId} step={step} state={state} />
        <td className="px-2 py-2 align-top whitespace-nowrap">
          <form id={formId} onSubmit={save} className="contents" />
          <Button type="submit" form={formId} size="sm" variant="outline" disabled={pending} aria-label={`Save step ${index + 1}`}>
            <Save aria-hidden className="size-4" /> Save
          </Button>{" "}
          <Button
            type="button"
            size="sm"
            variant="ghost"
            onClick={remove}
            disabled={pending || inForce}
            className="disabled:opacity-40"
            aria-label={`Remove step ${index + 1}`}
            title={inForce ? "In force: set an end date instead of removing it." : undefined}
          >
            <Trash2 aria-hidden className="size-4" /> Remove
          </Button>
        </td>
      </tr>
      {state ? (
        <tr>
          <td colSpan={4} className="px-2 pb-2">
            <Problem state={state} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function NewStepRow({ siteId, actions, notify }: { siteId: string; actions: BudgetActions; notify: Notify }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const [key, setKey] = useState(0);
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = valuesOf(event.currentTarget);
    startTransition(async () => {
      const result = await actions.create(siteId, values);
      if (result.ok) {
        setState(null);
        setKey((k) => k + 1);
        notify(
          `Added a step: ${values.contractedMw} MW from ${values.effectiveFrom}${values.effectiveTo ? ` until ${values.effectiveTo}` : " onwards"}.`,
        );
        router.refresh();
      } else {
        notify(null);
        setState(result);
      }
    });
  };
  return (
    <>
      <tr key={key} className="bg-slate-50 dark:bg-slate-800/40">
        <StepInputs prefix="New step" formId="budget-step-new" state={state} />
        <td className="px-2 py-2 align-top">
          <form id="budget-step-new" onSubmit={add} className="contents" />
          <Button type="submit" form="budget-step-new" size="sm" disabled={pending}>
            <Plus aria-hidden className="size-4" /> Add step
          </Button>
        </td>
      </tr>
      {state ? (
        <tr>
          <td colSpan={4} className="px-2 pb-2">
            <Problem state={state} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** The site's power ramp as an editable table: each step saves on its own, at the version shown. */
export function BudgetRampEditor({
  siteId,
  steps,
  today,
  actions,
}: {
  siteId: string;
  steps: BudgetStep[];
  today: string;
  actions: BudgetActions;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Power budget steps (editable)</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-2 py-2 font-medium">
                From
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                Until (blank = open-ended)
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                Contracted MW
              </th>
              <th scope="col" className="px-2 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {steps.map((s, i) => (
              <StepRow key={`${s.id}:${s.version}`} step={s} index={i} today={today} actions={actions} notify={setNotice} />
            ))}
            <NewStepRow siteId={siteId} actions={actions} notify={setNotice} />
          </tbody>
        </table>
      </div>
      {/* Always rendered, so screen readers announce each new message. */}
      <p
        role="status"
        aria-live="polite"
        data-testid="budget-saved"
        className="mt-2 min-h-5 text-sm font-medium text-emerald-700 dark:text-emerald-300"
      >
        {notice}
      </p>
    </div>
  );
}
