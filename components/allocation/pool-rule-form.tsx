"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import type { PoolRuleKind } from "@/lib/enums";

const KIND_LABELS: Record<PoolRuleKind, string> = {
  proportional: "Proportional to allocation",
  even: "Even across the teams holding it",
  team: "Kept on one team",
};

const SELECT = "h-9 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

/** One pool's rule: how its free capacity's cost is shared (proportional, even, or kept on a team). */
export function PoolRuleForm({
  family,
  kind,
  teamId,
  teams,
  action,
}: {
  family: string;
  kind: PoolRuleKind;
  teamId: string | null;
  teams: { value: string; label: string }[];
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ family: string }>>;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const [chosen, setChosen] = useState<PoolRuleKind>(kind);
  const id = `pool-${family.replace(/[^A-Za-z0-9]/g, "-")}`;
  const error = state && !state.ok ? (state.fieldErrors?.teamId?.[0] ?? state.error) : null;
  return (
    <form action={submit} aria-label={`Pool rule for ${family}`} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="family" value={family} />
      <div className="flex w-64 flex-col gap-1">
        <label htmlFor={`${id}-kind`} className="text-sm font-medium">
          Rule
        </label>
        <select id={`${id}-kind`} name="kind" value={chosen} onChange={(e) => setChosen(e.target.value as PoolRuleKind)} className={SELECT}>
          {(Object.keys(KIND_LABELS) as PoolRuleKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {chosen === "team" ? (
        <div className="flex w-64 flex-col gap-1">
          <label htmlFor={`${id}-team`} className="text-sm font-medium">
            Team
          </label>
          <select id={`${id}-team`} name="teamId" defaultValue={teamId ?? ""} className={SELECT} aria-invalid={error ? true : undefined}>
            <option value="">Choose a team</option>
            {teams.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <p role="status" aria-live="polite" className="min-h-5 text-sm">
        {error ? <span className="text-red-700 dark:text-red-400">{error}</span> : state?.ok ? "Saved." : null}
      </p>
    </form>
  );
}
