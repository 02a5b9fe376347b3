"use client";

import type { ReactNode } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { PRICING_MODELS } from "@/lib/enums";

// The scenario form's building blocks: a labelled field, a select, a section of override rows, a row's remove button.

export const SELECT = "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

const PRICING_LABELS: Record<(typeof PRICING_MODELS)[number], string> = { reserved: "Reserved", on_demand: "On-demand", spot: "Spot" };
export const PRICING_OPTIONS = PRICING_MODELS.map((value) => ({ value, label: PRICING_LABELS[value] }));

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-600 dark:text-slate-400">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Choice({
  id,
  value,
  onChange,
  options,
  empty,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  empty?: string;
  invalid?: boolean;
}) {
  const known = value === "" || options.some((o) => o.value === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={SELECT} aria-invalid={invalid || undefined}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {known ? null : <option value={value}>No longer available ({value.slice(0, 8)}…)</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function Section({
  title,
  description,
  onAdd,
  addLabel,
  children,
}: {
  title: string;
  description: string;
  onAdd?: () => void;
  addLabel?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-base font-semibold">{title}</legend>
      <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>
      <div className="mt-3 space-y-3">{children}</div>
      {onAdd ? (
        <Button type="button" variant="outline" size="sm" className="mt-3" onClick={onAdd}>
          <Plus aria-hidden className="size-4" /> {addLabel}
        </Button>
      ) : null}
    </fieldset>
  );
}

export function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="button" variant="ghost" size="icon" aria-label={label} title={label} onClick={onClick}>
      <Trash2 aria-hidden className="size-4" />
    </Button>
  );
}
