import type { Metadata } from "next";
import { LeaseVsBuildCalculator } from "@/components/lease-vs-build/calculator";
import { requireCtx } from "@/lib/auth/session";
import { parseLeaseParams } from "@/lib/queries/lease-vs-build/params";
import { getLeaseCatalog } from "@/lib/queries/lease-vs-build";

export const metadata: Metadata = { title: "Lease vs build" };
export const dynamic = "force-dynamic";

export default async function LeaseVsBuildPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireCtx();
  const [catalog, raw] = await Promise.all([getLeaseCatalog(ctx), searchParams]);
  return (
    <div className="mx-auto max-w-7xl pb-10">
      <h1 className="text-2xl font-semibold tracking-tight">Lease vs build</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Is leasing the next block cheaper than building it? Cost per useful accelerator-hour of owning (capex over the depreciation term,
        power at the site&apos;s PUE, opex) against a leased rate, and the utilization at which they break even. Defaults come from the
        catalog, the site and the median rate of current reservations; every input is kept in the URL, so a result can be shared as a link.
        Nothing here is saved.
      </p>
      {catalog.types.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-sm dark:border-slate-700">
          The accelerator catalog is empty: add a type first.
        </p>
      ) : (
        <LeaseVsBuildCalculator catalog={catalog} initial={parseLeaseParams(raw)} />
      )}
    </div>
  );
}
