import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistory } from "@/components/history/entity-history";
import { ArchiveButton } from "@/components/registers/archive-button";
import { StatusBadge } from "@/components/registers/status-badge";
import { AcceleratorForm } from "@/components/settings/accelerator-form";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDecimal } from "@/lib/format/number";
import { dec } from "@/lib/metrics/decimal";
import { entityHistory } from "@/lib/queries/lists/history";
import { getAcceleratorType } from "@/lib/queries/settings/accelerator-types";
import { isUuid } from "@/lib/db/uuid";
import { setAcceleratorTypeArchivedAction, updateAcceleratorTypeAction } from "../actions";

export const metadata: Metadata = { title: "Accelerator type" };
export const dynamic = "force-dynamic";

export default async function AcceleratorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  const { id } = await params;
  const t = isUuid(id) ? await getAcceleratorType(ctx, id) : null;
  if (!t) notFound();
  const history = await entityHistory(ctx, "accelerator_type", id);
  const canEdit = can(ctx.actor.role, "catalog.write");
  const specs: [string, string][] = [
    ["Vendor", t.vendor],
    ["Family", t.family],
    ["Memory", `${formatDecimal(t.memoryGb, 1)} GB`],
    ["Peak dense BF16", `${formatDecimal(t.bf16Tflops, 1)} TFLOPS`],
    ["Peak dense FP8", t.fp8Tflops ? `${formatDecimal(t.fp8Tflops, 1)} TFLOPS` : "—"],
    ["TDP", t.tdpW ? `${formatDecimal(t.tdpW, 0)} W` : "—"],
    ["System W per accelerator", `${formatDecimal(t.systemW, 0)} W`],
    ["H100-equivalent", formatDecimal(t.h100Equivalent, 4)],
    ["Nameplate default", formatDecimal(t.nameplateH100e, 4)],
    ["Reservations", String(t.reservationCount)],
  ];
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/settings/accelerators" className="underline">
          Accelerator catalog
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          {t.name} {t.archivedAt ? <StatusBadge status="archived" /> : null}
        </h1>
        {canEdit ? (
          <ArchiveButton
            id={t.id}
            version={t.version}
            archived={t.archivedAt !== null}
            what="accelerator type"
            action={setAcceleratorTypeArchivedAction}
          />
        ) : null}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-5 dark:border-slate-800 dark:bg-slate-900">
        {specs.map(([k, v]) => (
          <div key={k}>
            <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="mt-0.5 font-medium">{v}</dd>
          </div>
        ))}
      </dl>
      {canEdit ? (
        <section
          aria-labelledby="edit-heading"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit
          </h2>
          <AcceleratorForm
            key={t.version}
            action={updateAcceleratorTypeAction}
            edit={{ id: t.id, version: t.version }}
            values={{
              name: t.name,
              vendor: t.vendor,
              family: t.family,
              memoryGb: dec(t.memoryGb).toFixed(),
              bf16Tflops: dec(t.bf16Tflops).toFixed(),
              fp8Tflops: t.fp8Tflops === null ? "" : dec(t.fp8Tflops).toFixed(),
              tdpW: t.tdpW === null ? "" : String(t.tdpW),
              systemW: String(t.systemW),
              h100Equivalent: dec(t.h100Equivalent).toFixed(),
            }}
          />
        </section>
      ) : null}
      <EntityHistory entries={history} />
    </div>
  );
}
