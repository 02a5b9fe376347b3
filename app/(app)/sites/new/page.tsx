import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteForm } from "@/components/sites/site-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { registerOptions } from "@/lib/queries/lists/options";
import { createSiteAction } from "../actions";

export const metadata: Metadata = { title: "New site" };
export const dynamic = "force-dynamic";

export default async function NewSitePage() {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "sites.write")) notFound();
  const options = await registerOptions(ctx);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">New site</h1>
      <SiteForm
        action={createSiteAction}
        providers={options.providers}
        values={{ name: "", providerId: "", regionCode: "", country: "", pue: "" }}
      />
    </div>
  );
}
