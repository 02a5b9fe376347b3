import type { Metadata } from "next";
import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { channelScopeOptions, listChannels, scopeLabel } from "@/lib/queries/alerts/channels";

export const metadata: Metadata = { title: "Channels" };
export const dynamic = "force-dynamic";

const KIND_LABELS: Record<string, string> = { email: "Email", webhook: "Webhook", slack: "Slack", teams: "Teams" };
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const TH = "py-2 pr-4 text-left font-medium";
const TD = "py-2 pr-4 align-top";

export default async function ChannelsPage() {
  const ctx = await requireCtx();
  const mayManage = can(ctx.actor.role, "channels.manage");
  const [rows, scopes] = await Promise.all([listChannels(ctx), channelScopeOptions(ctx)]);
  return (
    <div className="mx-auto max-w-7xl space-y-4 pb-10">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Channels</h1>
        {mayManage ? (
          <Link
            href="/alerts/channels/new"
            className="inline-flex h-9 items-center gap-2 rounded-md bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
          >
            New channel
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Where alerts are sent: email, a signed webhook, Slack or Teams. A channel takes the alerts of the rules that name it — or of every
        rule when it routes all — at its lowest severity or above, within its scope.
      </p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No channels yet.</p>
      ) : (
        <ScrollRegion label="Channels">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b text-slate-600 dark:text-slate-400">
                <th className={TH}>Name</th>
                <th className={TH}>Kind</th>
                <th className={TH}>Target</th>
                <th className={TH}>Lowest severity</th>
                <th className={TH}>Scope</th>
                <th className={TH}>Routes all</th>
                <th className={TH}>Last delivery</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b">
                  <td className={TD}>
                    {mayManage ? (
                      <Link href={`/alerts/channels/${r.id}`} className="font-medium text-brand-700 underline dark:text-brand-300">
                        {r.name}
                      </Link>
                    ) : (
                      <span className="font-medium">{r.name}</span>
                    )}
                    {r.enabled ? null : <span className="ml-2 text-xs text-slate-500">disabled</span>}
                  </td>
                  <td className={TD}>{KIND_LABELS[r.kind] ?? r.kind}</td>
                  <td className={`${TD} break-all`}>{r.target}</td>
                  <td className={TD}>{r.minSeverity}</td>
                  <td className={TD}>{scopeLabel(r.scopeKind, r.scopeValue, scopes)}</td>
                  <td className={TD}>{r.routeAll ? "Yes" : "No"}</td>
                  <td className={TD}>
                    {r.lastAt ? (
                      <>
                        <span className={r.lastOk ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                          {r.lastOk ? "Delivered" : "Failed"}
                        </span>{" "}
                        {when.format(r.lastAt)} UTC
                        {!r.lastOk && r.lastError ? (
                          <span className="block text-xs text-slate-600 dark:text-slate-400">{r.lastError}</span>
                        ) : null}
                      </>
                    ) : (
                      "never"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
