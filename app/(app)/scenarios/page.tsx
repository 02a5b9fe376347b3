import type { Metadata } from "next";
import Link from "next/link";
import { GitCompareArrows, Plus } from "lucide-react";
import { StatusBadge } from "@/components/registers/status-badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/date";
import type { RawSearchParams } from "@/lib/queries/filters/params";
import type { ScenarioOverrides } from "@/lib/planning/overrides";
import { listScenarios } from "@/lib/queries/scenarios";

export const metadata: Metadata = { title: "Scenarios" };
export const dynamic = "force-dynamic";

function counts(o: ScenarioOverrides): string {
  const parts = [
    o.demandGrowthPct ? `demand ${o.demandGrowthPct.startsWith("-") ? "" : "+"}${o.demandGrowthPct} %` : null,
    o.addReservations?.length ? `${o.addReservations.length} added` : null,
    o.removeReservationIds?.length ? `${o.removeReservationIds.length} removed` : null,
    o.delaySlips?.length ? `${o.delaySlips.length} slipped` : null,
    o.pueBySite && Object.keys(o.pueBySite).length ? `${Object.keys(o.pueBySite).length} PUE` : null,
    o.priceChangePct?.length ? `${o.priceChangePct.length} price change${o.priceChangePct.length === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "no overrides";
}

const SELECT = "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function ScenariosPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await requireCtx();
  const sp = await searchParams;
  const archived = sp.archived === "only" || sp.archived === "all" ? sp.archived : "none";
  const [rows, active] = await Promise.all([listScenarios(ctx, archived), archived === "none" ? null : listScenarios(ctx, "none")]);
  const choices = active ?? rows;
  const canWrite = can(ctx.actor.role, "scenarios.write");
  return (
    <div className="mx-auto max-w-6xl">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Scenarios</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            Named what-ifs on the baseline registers: demand growth, added or removed reservations, a delivery slipping, a site&apos;s PUE,
            prices. A scenario never changes the registers; switch any planning page to it with the Scenario filter, or compare two side by
            side.
          </p>
        </div>
        {canWrite ? (
          <Link
            href="/scenarios/new"
            className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          >
            <Plus aria-hidden className="size-4" /> New scenario
          </Link>
        ) : null}
      </div>

      <form
        method="get"
        action="/scenarios/compare"
        aria-label="Compare scenarios"
        className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="compare-a">Compare</Label>
          <select id="compare-a" name="a" defaultValue="baseline" className={SELECT}>
            <option value="baseline">Baseline</option>
            {choices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="compare-b">with</Label>
          <select id="compare-b" name="b" defaultValue={choices[0]?.id ?? "baseline"} className={SELECT}>
            <option value="baseline">Baseline</option>
            {choices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="outline">
          <GitCompareArrows aria-hidden className="size-4" /> Compare
        </Button>
      </form>

      <nav aria-label="Archived scenarios" className="mt-6 flex gap-3 text-sm">
        {(["none", "only", "all"] as const).map((a) =>
          a === archived ? (
            <span key={a} aria-current="true" className="font-medium">
              {a === "none" ? "Current" : a === "only" ? "Archived" : "All"}
            </span>
          ) : (
            <Link
              key={a}
              href={a === "none" ? "/scenarios" : `/scenarios?archived=${a}`}
              className="text-brand-700 underline dark:text-brand-300"
            >
              {a === "none" ? "Current" : a === "only" ? "Archived" : "All"}
            </Link>
          ),
        )}
      </nav>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Scenarios</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                Scenario
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Overrides
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Own demand plans
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last changed
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Compare
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                  {archived === "only" ? "No archived scenarios." : "No scenarios yet."}
                </td>
              </tr>
            ) : null}
            {rows.map((s) => (
              <tr key={s.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                <td className="px-3 py-2">
                  <Link href={`/scenarios/${s.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    {s.name}
                  </Link>
                  {s.archivedAt ? <StatusBadge status="archived" /> : null}
                  {s.description ? <p className="text-xs text-slate-600 dark:text-slate-400">{s.description}</p> : null}
                </td>
                <td className="px-3 py-2">
                  {s.overridesWarning ? (
                    <span className="text-amber-700 dark:text-amber-300">unreadable overrides</span>
                  ) : (
                    counts(s.overrides)
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{s.demandPlans}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatDay(s.updatedAt)}
                  {s.updatedBy ? <span className="text-slate-600 dark:text-slate-400"> · {s.updatedBy}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/scenarios/compare?a=baseline&b=${s.id}`} className="text-brand-700 underline dark:text-brand-300">
                    vs baseline
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
