import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { markSharedRender } from "@/components/links/app-link";
import { ReportContents, ReportSections } from "@/components/reports/report-view";
import { getDb } from "@/lib/db/client";
import type { Ctx } from "@/lib/auth/context";
import { resolveShareToken } from "@/lib/services/shares/resolve";
import "./shared-report.css";

// The shared view: outside the (app) group, so no app shell, no session and no navigation. It imports no
// server action. The token alone decides what is shown; the URL's query string is never read, so the filters
// are the ones stored with the link. Unknown, expired and revoked tokens all end in the same 404 page.

export const dynamic = "force-dynamic";

// One resolution (and one counted view) per request, shared by the metadata and the page.
const resolve = cache(async (token: string) => resolveShareToken(await getDb(), token));

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const shared = await resolve((await params).token);
  return {
    title: shared ? shared.name : "This link is not valid",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function SharedReportPage({ params }: { params: Promise<{ token: string }> }) {
  markSharedRender();
  const { token } = await params;
  const shared = await resolve(token);
  if (!shared) notFound();
  const db = await getDb();
  const ctx: Ctx = { db, actor: { id: null, email: `share-link:${shared.id}`, role: "viewer", kind: "system" } };
  const asOf = new Date();
  return (
    <main className="shared-report mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <header className="report-header mb-8 border-b border-slate-200 pb-4 dark:border-slate-800">
        <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">Headroom report</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{shared.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Data as of {dateFormat.format(asOf)} · read-only link, valid until {dateFormat.format(shared.expiresAt)}
        </p>
        {shared.note ? <p className="mt-3 max-w-3xl whitespace-pre-line text-sm">{shared.note}</p> : null}
      </header>
      <ReportContents sections={shared.scope.sections} />
      <ReportSections
        ctx={ctx}
        scope={shared.scope}
        asOf={asOf}
        csvHref={shared.allowCsv ? (section) => `/r/${encodeURIComponent(token)}/csv/${section}` : undefined}
      />
    </main>
  );
}
