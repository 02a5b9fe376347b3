"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

/** Moves one allocation rule a place up or down at the version the page showed; every past charge is allocated again. */
export function MoveRuleButtons({
  id,
  version,
  position,
  first,
  last,
  action,
}: {
  id: string;
  version: number;
  position: number;
  first: boolean;
  last: boolean;
  action: (input: { id: string; version: number; direction: "up" | "down" }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const move = (direction: "up" | "down") =>
    startTransition(async () => {
      const result = await action({ id, version, direction });
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(result.error);
    });
  return (
    <div className="flex items-center justify-end gap-1">
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={() => move("up")}
        disabled={pending || first}
        aria-label={`Move rule ${position} up`}
      >
        <ArrowUp aria-hidden className="size-4" />
      </Button>
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={() => move("down")}
        disabled={pending || last}
        aria-label={`Move rule ${position} down`}
      >
        <ArrowDown aria-hidden className="size-4" />
      </Button>
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
