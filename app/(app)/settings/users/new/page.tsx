import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewUserForm } from "@/components/settings/user-forms";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { createUserAction } from "../actions";

export const metadata: Metadata = { title: "New user" };
export const dynamic = "force-dynamic";

export default async function NewUserPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "users.manage")) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New user</h1>
      <NewUserForm action={createUserAction} />
    </div>
  );
}
