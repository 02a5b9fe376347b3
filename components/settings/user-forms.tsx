"use client";

import { UserCheck, UserX } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConflictNotice } from "@/components/history/conflict-notice";
import { fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionError, ActionResult } from "@/lib/errors";
import { ROLE_OPTIONS } from "./options";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
const toDetail = (id: string) => `/settings/users/${id}`;

function Problem({ state }: { state: ActionError | null }) {
  if (!state) return null;
  if (state.conflict) return <ConflictNotice conflict={state.conflict} message={state.error} />;
  return (
    <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
      {state.error}
    </p>
  );
}

export function NewUserForm({ action }: { action: FormAction }) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-5" aria-label="New user">
      <Problem state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="email" label="Email" type="email" error={fieldError(state, "email")} required />
        <TextField name="name" label="Name" error={fieldError(state, "name")} required />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue="viewer" error={fieldError(state, "role")} required />
        <TextField
          name="password"
          label="Password"
          type="password"
          hint="At least 12 characters; hand it over securely. Leave blank for single sign-on only."
          error={fieldError(state, "password")}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}

export function EditUserForm({ action, user }: { action: FormAction; user: { id: string; version: number; name: string; role: string } }) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4" aria-label="Edit user">
      <Problem state={state} />
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={user.name} initial={user.name} error={fieldError(state, "name")} required />
        <SelectField
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          defaultValue={user.role}
          initial={user.role}
          error={fieldError(state, "role")}
          required
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}

/** Disable or enable sign-in; the last active admin cannot be disabled (the button says why). */
export function DisableUserButton({
  user,
  lastActiveAdmin,
  action,
}: {
  user: { id: string; version: number; email: string; disabled: boolean };
  lastActiveAdmin: boolean;
  action: (input: { id: string; version: number; disabled: boolean }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<ActionError | null>(null);
  const run = () =>
    startTransition(async () => {
      if (!user.disabled && !window.confirm(`Disable ${user.email}? They are signed out at their next request.`)) return;
      const result = await action({ id: user.id, version: user.version, disabled: !user.disabled });
      if (result.ok) {
        setState(null);
        router.refresh();
      } else setState(result);
    });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        type="button"
        variant="outline"
        onClick={run}
        disabled={pending || (lastActiveAdmin && !user.disabled)}
        title={lastActiveAdmin ? "The last active admin cannot be disabled." : undefined}
        className="disabled:opacity-40"
      >
        {user.disabled ? <UserCheck aria-hidden className="size-4" /> : <UserX aria-hidden className="size-4" />}
        {user.disabled ? "Enable" : "Disable"}
      </Button>
      <Problem state={state} />
    </div>
  );
}
