"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { INBOX_KEY } from "./inbox-bell";
import type { EvaluateNowResult as Result } from "@/lib/alerts/types";
import { SeverityBadge } from "./severity-badge";

/** "Evaluate now": runs every rule and says what fired. */
export function EvaluateNow({ action }: { action: () => Promise<ActionResult<Result>> }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<Result> | null>(null);
  const onClick = () =>
    start(async () => {
      const r = await action();
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      router.refresh();
    });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button onClick={onClick} disabled={pending}>
        {pending ? "Evaluating…" : "Evaluate now"}
      </Button>
      <div aria-live="polite" className="max-w-xl text-sm">
        {result && !result.ok ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {result.error}
          </p>
        ) : null}
        {result?.ok ? (
          <div className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <p className="font-medium">
              Evaluation #{result.data.evaluationId}: {result.data.fired.length} fired, {result.data.resolved} resolved,{" "}
              {result.data.firing} firing; {result.data.delivered ?? `${result.data.notifications} notifications.`}
            </p>
            {result.data.fired.length > 0 ? (
              <ul className="mt-2 space-y-1">
                {result.data.fired.map((f, i) => (
                  <li key={i} className="flex gap-2">
                    <SeverityBadge severity={f.severity} /> <span>{f.summary || f.title}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {result.data.errors.map((e) => (
              <p key={e} className="mt-1 text-red-700 dark:text-red-400">
                Rule failed: {e}
              </p>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
