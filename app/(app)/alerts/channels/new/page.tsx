import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelForm } from "@/components/alerts/channel-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { channelScopeOptions } from "@/lib/queries/alerts/channels";
import { createChannelAction } from "../actions";

export const metadata: Metadata = { title: "New channel" };
export const dynamic = "force-dynamic";

const EMPTY = {
  name: "",
  kind: "email",
  recipients: "",
  url: "",
  minSeverity: "warning",
  scope: "",
  routeAll: true,
  enabled: true,
  hasSecret: false,
};

export default async function NewChannelPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "channels.manage")) notFound();
  const scopes = await channelScopeOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/alerts/channels" className="underline">
          Channels
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">New channel</h1>
      <ChannelForm action={createChannelAction} values={EMPTY} scopes={scopes} />
    </div>
  );
}
