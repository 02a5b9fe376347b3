import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Pencil } from "lucide-react";
import { BusinessMetricsSection } from "@/components/allocation/business-metrics";
import { WorkloadShowbackSection } from "@/components/allocation/showback-sections";
import { WorkloadUnitEconomics } from "@/components/allocation/workload-unit-economics";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { DetailList } from "@/components/registers/detail-list";
import { StatusBadge } from "@/components/registers/status-badge";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { pageClock } from "@/lib/cache/read";
import { isUuid } from "@/lib/db/uuid";
import { WORKLOAD_KIND_LABELS } from "@/lib/enums";
import { formatDay } from "@/lib/format/date";
import { formatRate } from "@/lib/format/number";
import { getWorkloadUnitEconomics } from "@/lib/queries/allocation/unit-economics";
import { getWorkloadMetrics } from "@/lib/queries/business-metrics";
import { entityHistory } from "@/lib/queries/lists/history";
import { getWorkloadDetail } from "@/lib/queries/workloads";
import { getShowbackView, parseShowbackRange, workloadAllocations } from "@/lib/queries/allocation/showback-view";
import { setWorkloadArchivedAction } from "../actions";

export const metadata: Metadata = { title: "Workload" };
export const dynamic = "force-dynamic";

const LINK = "text-brand-700 underline dark:text-brand-300";

export default async function WorkloadPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const asOf = pageClock();
  const [w, history, metrics, showback, blocks] = await Promise.all([
    getWorkloadDetail(ctx, id),
    entityHistory(ctx, "workload", id),
    getWorkloadMetrics(ctx, id),
    getShowbackView(ctx, parseShowbackRange({}, asOf), asOf),
    workloadAllocations(ctx, id),
  ]);
  if (!w) notFound();
  const unit = await getWorkloadUnitEconomics(ctx, w, asOf);
  const canWrite = can(ctx.actor.role, "allocation.write");
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href="/allocation/workloads" className={LINK}>
          Workloads
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {w.name} {w.archivedAt ? <StatusBadge status="archived" /> : null}
          </h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {WORKLOAD_KIND_LABELS[w.kind]} ·{" "}
            <Link href={`/allocation/teams/${w.teamId}`} className="underline">
              {w.teamName}
            </Link>
          </p>
        </div>
        {canWrite ? (
          <div className="flex flex-wrap items-start gap-2">
            {!w.archivedAt ? (
              <Link
                href={`/allocation/workloads/${id}/edit`}
                className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              >
                <Pencil aria-hidden className="size-4" /> Edit
              </Link>
            ) : null}
            <ArchiveButton
              id={id}
              version={w.version}
              archived={w.archivedAt !== null}
              what="workload"
              action={setWorkloadArchivedAction}
            />
          </div>
        ) : null}
      </div>
      <DetailList
        items={[
          ["Active", `${formatDay(w.activeFrom)} → ${w.activeTo ? formatDay(w.activeTo) : "open-ended"}`],
          ["Sale price per accelerator-hour", w.salePrice && w.currency ? formatRate(w.salePrice, w.currency) : "— (not resold)"],
          ["Notes", w.notes ?? "—"],
          ["Last changed", `${formatDay(w.updatedAt)}${w.updatedBy ? ` by ${w.updatedBy}` : ""} (version ${w.version})`],
        ]}
      />
      <section aria-labelledby="plans-heading" className="mt-8">
        <h2 id="plans-heading" className="text-lg font-semibold">
          Demand plans
        </h2>
        {w.demandPlans.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None yet: choose this workload on a demand plan.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {w.demandPlans.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                <Link href={`/demand-plans/${p.id}`} className={LINK}>
                  {p.name}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {p.family} · {formatDay(p.startDate)} → {formatDay(p.endDate)}
                </span>
                {p.archivedAt ? <StatusBadge status="archived" /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <WorkloadShowbackSection view={showback} workloadId={id} blocks={blocks} />
      <BusinessMetricsSection
        metrics={metrics}
        csvHref={can(ctx.actor.role, "export.csv") ? `/allocation/workloads/${id}/metrics.csv` : undefined}
      />
      <WorkloadUnitEconomics workload={unit} />
      <EntityHistory entries={history} />
    </div>
  );
}
