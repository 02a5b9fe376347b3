import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SiteForm } from "@/components/sites/site-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { registerOptions } from "@/lib/queries/lists/options";
import { getSiteRecord } from "@/lib/queries/sites/detail";
import { updateSiteAction } from "../../actions";

export const metadata: Metadata = { title: "Edit site" };
export const dynamic = "force-dynamic";

export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "sites.write")) notFound();
  const { id } = await params;
  const [site, options] = await Promise.all([getSiteRecord(ctx, id), registerOptions(ctx)]);
  if (!site) notFound();
  const providers = options.providers.some((p) => p.value === site.providerId)
    ? options.providers
    : [...options.providers, { value: site.providerId, label: `${site.providerName} (archived)` }];
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {site.name}</h1>
      <SiteForm
        action={updateSiteAction}
        providers={providers}
        values={{ name: site.name, providerId: site.providerId, regionCode: site.regionCode, country: site.country, pue: site.pue }}
        edit={{ id: site.id, version: site.version }}
      />
    </div>
  );
}
