import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { BudgetRampEditor } from "@/components/sites/budget-ramp-editor";
import { SitePowerSection } from "@/components/sites/site-power-section";
import { SiteReservations } from "@/components/sites/site-reservations";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { parseShowAll, type RawSearchParams } from "@/lib/queries/filters/params";
import { formatDay } from "@/lib/format/date";
import { formatDecimal, formatMw } from "@/lib/format/number";
import { isoDay } from "@/lib/metrics/calendar";
import { dec } from "@/lib/metrics/decimal";
import { entityHistory } from "@/lib/queries/lists/history";
import { getSiteDetail, powerBudgetHistory, SITE_RESERVATIONS_LIMIT } from "@/lib/queries/sites/detail";
import { createPowerBudgetAction, deletePowerBudgetAction, setSiteArchivedAction, updatePowerBudgetAction } from "../actions";

export const metadata: Metadata = { title: "Site" };
export const dynamic = "force-dynamic";

export default async function SitePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const ctx = await requireCtx();
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const site = await getSiteDetail(ctx, id, new Date(), typeof raw.month === "string" ? raw.month : null);
  if (!site) notFound();
  const [history, budgetHistory] = await Promise.all([entityHistory(ctx, "site", id), powerBudgetHistory(ctx, id)]);
  const canEditSite = can(ctx.actor.role, "sites.write");
  const canEditBudgets = can(ctx.actor.role, "power_budgets.write");
  return (
    <div className="mx-auto max-w-6xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link href="/sites" className="underline">
              Sites
            </Link>{" "}
            / {site.providerName}
          </p>
          <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {site.name} {site.archivedAt ? <StatusBadge status="archived" /> : null}
          </h1>
        </div>
        {canEditSite ? (
          <div className="flex items-start gap-2">
            <Link
              href={`/sites/${site.id}/edit`}
              className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
            >
              <Pencil aria-hidden className="size-4" /> Edit
            </Link>
            <ArchiveButton
              id={site.id}
              version={site.version}
              archived={site.archivedAt !== null}
              what="site"
              action={setSiteArchivedAction}
            />
          </div>
        ) : null}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-5 dark:border-slate-800 dark:bg-slate-900">
        {[
          ["Provider", site.providerName],
          ["Region", site.regionCode],
          ["Country", site.country],
          ["PUE", formatDecimal(site.pue, 2)],
          ["Budget steps", String(site.budgets.length)],
        ].map(([k, v]) => (
          <div key={k}>
            <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="mt-0.5 font-medium">{v}</dd>
          </div>
        ))}
      </dl>

      <SitePowerSection
        siteId={site.id}
        siteName={site.name}
        archived={site.archivedAt !== null}
        power={site.power}
        allCauses={parseShowAll(raw.causes)}
      />

      <section aria-labelledby="ramp-heading" className="mt-8">
        <h2 id="ramp-heading" className="text-lg font-semibold">
          Power budget ramp
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600 dark:text-slate-400">
          Contracted MW over time; steps must not overlap. A step not yet in force can be removed; one in force is ended by setting its end
          date.
        </p>
        {canEditBudgets ? (
          <BudgetRampEditor
            siteId={site.id}
            today={isoDay(new Date())}
            steps={site.budgets.map((b) => ({
              id: b.id,
              version: b.version,
              effectiveFrom: b.effectiveFrom,
              effectiveTo: b.effectiveTo,
              contractedMw: dec(b.contractedMw).toFixed(),
            }))}
            actions={{ create: createPowerBudgetAction, update: updatePowerBudgetAction, remove: deletePowerBudgetAction }}
          />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Power budget steps</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    From
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Until
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Contracted
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {site.budgets.length === 0 ? (
                  <tr>
                    <td colSpan={3} className="px-3 py-6 text-center text-slate-600 dark:text-slate-400">
                      No power budget recorded.
                    </td>
                  </tr>
                ) : null}
                {site.budgets.map((b) => (
                  <tr key={b.id} data-testid="budget-step">
                    <td className="px-3 py-2">{formatDay(b.effectiveFrom)}</td>
                    <td className="px-3 py-2">{b.effectiveTo ? formatDay(b.effectiveTo) : "Open-ended"}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatMw(b.contractedMw)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <SiteReservations siteId={site.id} rows={site.reservations} pue={site.pue} limit={SITE_RESERVATIONS_LIMIT} />

      <EntityHistory entries={[...history, ...budgetHistory].sort((a, b) => b.id - a.id)} title="History (site and power budget)" />
    </div>
  );
}
