"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/errors";

/** The minutes between scheduled evaluations (imports and register changes are evaluated within a minute anyway). */
export function IntervalForm({
  minutes,
  action,
}: {
  minutes: number;
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ minutes: number }>>;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const error = state && !state.ok ? (state.fieldErrors?.minutes?.[0] ?? state.error) : null;
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-3" aria-label="Evaluation interval">
      <div className="flex flex-col gap-1">
        <Label htmlFor="alerts-interval">Evaluate every (minutes)</Label>
        <Input
          id="alerts-interval"
          name="minutes"
          inputMode="numeric"
          defaultValue={String(state?.ok ? state.data.minutes : minutes)}
          className="w-32"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "alerts-interval-error" : undefined}
        />
      </div>
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save interval"}
      </Button>
      <p aria-live="polite" className="text-sm">
        {error ? (
          <span id="alerts-interval-error" className="text-red-700 dark:text-red-400">
            {error}
          </span>
        ) : state?.ok ? (
          `Saved: every ${state.data.minutes} min.`
        ) : null}
      </p>
    </form>
  );
}
