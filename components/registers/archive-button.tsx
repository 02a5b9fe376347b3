"use client";

import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { Button } from "@/components/ui/button";
import type { ActionError, ActionResult } from "@/lib/errors";

/** Archive / unarchive one record at the version the page showed; a stale version is refused and explained. */
export function ArchiveButton({
  id,
  version,
  archived,
  what,
  action,
}: {
  id: string;
  version: number;
  archived: boolean;
  what: string;
  action: (input: { id: string; version: number; archived: boolean }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const run = () =>
    startTransition(async () => {
      if (!archived && !window.confirm(`Archive this ${what}? It leaves the lists but keeps its history; you can unarchive it.`)) return;
      const result = await action({ id, version, archived: !archived });
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(result);
    });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button type="button" variant="outline" onClick={run} disabled={pending}>
        {archived ? <ArchiveRestore aria-hidden className="size-4" /> : <Archive aria-hidden className="size-4" />}
        {archived ? "Unarchive" : "Archive"}
      </Button>
      {error?.conflict ? <ConflictNotice conflict={error.conflict} message={error.error} /> : null}
      {error && !error.conflict ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.error}
        </p>
      ) : null}
    </div>
  );
}
