import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserPlus } from "lucide-react";
import { ListView, type Column } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/enums";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import type { RawSearchParams } from "@/lib/queries/lists/params";
import { listUsers, parseUserListParams, type UserListRow } from "@/lib/queries/settings/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

const COLUMNS: Column<UserListRow>[] = [
  { key: "email", label: "Email", sort: "email", render: (u) => u.email },
  { key: "name", label: "Name", sort: "name", render: (u) => u.name },
  { key: "role", label: "Role", sort: "role", render: (u) => <span className="capitalize">{u.role}</span> },
  { key: "status", label: "Status", sort: "status", render: (u) => <StatusBadge status={u.disabled ? "disabled" : "active"} /> },
  { key: "lastLogin", label: "Last sign-in", sort: "lastLogin", render: (u) => (u.lastLoginAt ? formatDay(u.lastLoginAt) : "Never") },
  { key: "created", label: "Created", sort: "created", render: (u) => formatDay(u.createdAt) },
];

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "users.manage")) notFound();
  const params = parseUserListParams(await searchParams);
  const result = await listUsers(ctx, params);
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">
        Who can sign in and with which role. A changed role or a disabled user takes effect at their next request; Headroom always keeps at
        least one active admin.
      </p>
      <ListView
        title="Users"
        params={params}
        result={result}
        columns={COLUMNS}
        rowHref={(u) => `/settings/users/${u.id}`}
        searchLabel="Email or name"
        exportHref={can(ctx.actor.role, "export.csv") ? "/settings/users/export.csv" : undefined}
        filterSelects={[
          { name: "role", label: "Role", options: ROLES.map((r) => ({ value: r, label: r })) },
          {
            name: "status",
            label: "Status",
            options: [
              { value: "active", label: "Active" },
              { value: "disabled", label: "Disabled" },
            ],
          },
        ]}
        actions={
          <Link
            href="/settings/users/new"
            className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            <UserPlus aria-hidden className="size-4" /> New user
          </Link>
        }
      />
    </div>
  );
}
