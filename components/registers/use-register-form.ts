"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;

/**
 * Runs a register form's server action without React's automatic form reset (a refused save keeps what the
 * user typed) and opens `href(id)` after a successful save.
 */
export function useRegisterForm(action: Action, href: (id: string) => string) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (state?.ok) {
      router.push(href(state.data.id));
      router.refresh();
    }
  }, [state, router, href]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return { state: state && !state.ok ? state : null, pending: pending || Boolean(state?.ok), onSubmit };
}
