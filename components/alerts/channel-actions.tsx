"use client";

import { Archive, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { Button } from "@/components/ui/button";
import type { ActionError, ActionResult } from "@/lib/errors";

type Tested = { ok: boolean; statusCode: number | null; error: string | null };

/** Send test (through the deliverer, logged like any attempt) and Archive. */
export function ChannelActions({
  id,
  version,
  test,
  archive,
}: {
  id: string;
  version: number;
  test: (input: { id: string }) => Promise<ActionResult<Tested>>;
  archive: (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<ActionError | null>(null);
  const [tested, setTested] = useState<Tested | null>(null);
  const onTest = () =>
    startTransition(async () => {
      const result = await test({ id });
      if (result.ok) {
        setProblem(null);
        setTested(result.data);
        router.refresh();
      } else setProblem(result);
    });
  const onArchive = () =>
    startTransition(async () => {
      if (!window.confirm("Archive this channel? It takes no more alerts.")) return;
      const result = await archive({ id, version });
      if (result.ok) router.push("/alerts/channels");
      else setProblem(result);
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={onTest} disabled={pending}>
          <Send aria-hidden className="size-4" />
          {pending ? "Sending…" : "Send test"}
        </Button>
        <Button type="button" variant="ghost" onClick={onArchive} disabled={pending}>
          <Archive aria-hidden className="size-4" />
          Archive
        </Button>
      </div>
      {problem ? (
        problem.conflict ? (
          <ConflictNotice conflict={problem.conflict} message={problem.error} />
        ) : (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {problem.error}
          </p>
        )
      ) : null}
      {tested ? (
        <p
          role="status"
          className={`text-sm font-medium ${tested.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
        >
          {tested.ok
            ? `Test message sent${tested.statusCode ? ` (HTTP ${tested.statusCode})` : ""}.`
            : `The test message failed: ${tested.error ?? "unknown error"}. It will be retried; see the delivery log.`}
        </p>
      ) : null}
    </div>
  );
}
