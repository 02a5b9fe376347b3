import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectorForm } from "@/components/settings/connector-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { connectorProviderOptions, hasSecretKey } from "@/lib/queries/settings/connectors";
import { createConnectorAction } from "../actions";
import { SecretKeyNotice } from "../secret-key-notice";

export const metadata: Metadata = { title: "New billing connector" };
export const dynamic = "force-dynamic";

const EMPTY = {
  name: "",
  kind: "s3",
  providerId: "",
  prefix: "",
  schedule: "0 6 * * *",
  enabled: true,
  endpoint: "",
  region: "us-east-1",
  bucket: "",
  forcePathStyle: false,
  accountUrl: "",
  container: "",
  auth: "connection_string",
};

export default async function NewConnectorPage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "connectors.manage")) notFound();
  const providers = await connectorProviderOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings/connectors" className="underline">
          Billing connectors
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">New billing connector</h1>
      <div className="mt-4">{hasSecretKey() ? null : <SecretKeyNotice />}</div>
      <ConnectorForm action={createConnectorAction} values={EMPTY} providers={providers} />
    </div>
  );
}
