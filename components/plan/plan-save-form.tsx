"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { savePlanAction } from "@/app/(app)/plan/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { PlanInputs } from "@/lib/validation/plan";

const DEMAND: Record<PlanInputs["demand"], string> = { median: "median", p80: "p80", p95: "p95" };

/** A name that says what was planned: "Plan 5 Dec 2026 · p80 · 35 % provider cap". */
function defaultName(inputs: PlanInputs): string {
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date());
  const parts = [`Plan ${day}`, DEMAND[inputs.demand]];
  if (inputs.capProvider !== null) parts.push(`${Math.round(inputs.capProvider * 100)} % provider cap`);
  if (inputs.budgetUsd) parts.push(`budget ${inputs.budgetUsd}`);
  return parts.join(" · ");
}

/** "Save as scenario": the plan's blocks become a scenario's added reservations (solved again on the server). */
export function PlanSaveForm({ inputs }: { inputs: PlanInputs }) {
  const [name, setName] = useState(() => defaultName(inputs));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    start(async () => {
      const result = await savePlanAction({ name, inputs });
      if (result.ok) setSaved(result.data);
      else setError(result.fieldErrors?.name?.[0] ?? result.error);
    });
  };
  if (saved)
    return (
      <p role="status" className="text-sm">
        Saved as scenario <strong>{saved.name}</strong>.{" "}
        <Link href={`/scenarios/${saved.id}`} className="underline">
          Open it
        </Link>{" "}
        or{" "}
        <Link href={`/scenarios/compare?b=${saved.id}`} className="underline">
          compare it with the baseline
        </Link>
        .
      </p>
    );
  return (
    <form onSubmit={submit} aria-label="Save as scenario" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-0 flex-col gap-1">
        <Label htmlFor="plan-scenario-name">Scenario name</Label>
        <Input
          id="plan-scenario-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="w-72 max-w-full"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "plan-save-error" : undefined}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save as scenario"}
      </Button>
      {error ? (
        <p id="plan-save-error" role="alert" className="w-full text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
