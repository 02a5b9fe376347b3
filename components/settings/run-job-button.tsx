"use client";

import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type Outcome = { status: "succeeded" | "failed"; result: string | null; error: string | null };

/** Runs one job now and says how it went; the page's history then shows the run. */
export function RunJobButton({ name, action }: { name: string; action: (input: { name: string }) => Promise<ActionResult<Outcome>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = () =>
    startTransition(async () => {
      const result = await action({ name });
      if (!result.ok) setMessage({ ok: false, text: result.error });
      else if (result.data.status === "failed") setMessage({ ok: false, text: `Failed: ${result.data.error ?? "no message"}` });
      else setMessage({ ok: true, text: result.data.result ?? "Done." });
      router.refresh();
    });
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button type="button" size="sm" variant="outline" onClick={run} disabled={pending} aria-label={`Run now: ${name}`}>
        <Play aria-hidden className="size-3.5" /> {pending ? "Running…" : "Run now"}
      </Button>
      <p
        role="status"
        className={
          message?.ok === false ? "text-xs font-medium text-red-700 dark:text-red-400" : "text-xs text-slate-600 dark:text-slate-400"
        }
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
