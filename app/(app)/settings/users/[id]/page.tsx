import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { StatusBadge } from "@/components/registers/status-badge";
import { DisableUserButton, EditUserForm } from "@/components/settings/user-forms";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import { entityHistory } from "@/lib/queries/lists/history";
import { isUuid } from "@/lib/db/uuid";
import { getUser } from "@/lib/queries/settings/users";
import { setUserDisabledAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "User" };
export const dynamic = "force-dynamic";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "users.manage")) notFound();
  const { id } = await params;
  const user = isUuid(id) ? await getUser(ctx, id) : null;
  if (!user) notFound();
  const history = await entityHistory(ctx, "user", id);
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings/users" className="underline">
          Users
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {user.email} <StatusBadge status={user.disabled ? "disabled" : "active"} />
          </h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            <span className="capitalize">{user.role}</span> · created {formatDay(user.createdAt)} · last sign-in{" "}
            {user.lastLoginAt ? formatDay(user.lastLoginAt) : "never"}
          </p>
        </div>
        <DisableUserButton key={user.version} user={user} lastActiveAdmin={user.lastActiveAdmin} action={setUserDisabledAction} />
      </div>
      {user.lastActiveAdmin ? (
        <p
          role="note"
          className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="last-admin"
        >
          This is the last active admin: it cannot be disabled or given another role until someone else is an active admin.
        </p>
      ) : null}
      <section
        aria-labelledby="edit-heading"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="edit-heading" className="text-lg font-semibold">
          Name and role
        </h2>
        <EditUserForm key={user.version} action={updateUserAction} user={user} />
      </section>
      <EntityHistory entries={history} />
    </div>
  );
}
