"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { INBOX_KEY } from "./inbox-bell";

type Act = (id: string) => Promise<ActionResult<{ id: string }>>;

/** Acknowledge and resolve of one firing alert, each shown to the roles allowed it. */
export function AlertButtons({
  id,
  title,
  acknowledge,
  resolve,
}: {
  id: string;
  title: string;
  acknowledge: Act | null;
  resolve: Act | null;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (act: Act) =>
    start(async () => {
      const result = await act(id);
      if (!result.ok) setError(result.error);
      else {
        setError(null);
        await queryClient.invalidateQueries({ queryKey: INBOX_KEY });
        router.refresh();
      }
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {acknowledge ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run(acknowledge)} aria-label={`Acknowledge ${title}`}>
          Acknowledge
        </Button>
      ) : null}
      {resolve ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run(resolve)} aria-label={`Resolve ${title}`}>
          Resolve
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
