import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProviderForm } from "@/components/settings/provider-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { createProviderAction } from "../actions";

export const metadata: Metadata = { title: "New provider" };
export const dynamic = "force-dynamic";

export default async function NewProviderPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "catalog.write")) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New provider</h1>
      <ProviderForm action={createProviderAction} values={{ name: "", kind: "" }} />
    </div>
  );
}
