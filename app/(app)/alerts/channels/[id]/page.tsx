import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelActions } from "@/components/alerts/channel-actions";
import { ChannelForm } from "@/components/alerts/channel-form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { can } from "@/lib/auth/permissions";
import { requireCtx } from "@/lib/auth/session";
import { isUuid } from "@/lib/db/uuid";
import { NotFoundError } from "@/lib/errors";
import { MAX_ATTEMPTS } from "@/lib/notify/backoff";
import { channelScopeOptions, getChannel } from "@/lib/queries/alerts/channels";
import { archiveChannelAction, testChannelAction, updateChannelAction } from "../actions";

export const metadata: Metadata = { title: "Channel" };
export const dynamic = "force-dynamic";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const TH = "py-2 pr-4 text-left font-medium";
const TD = "py-2 pr-4 align-top";

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireCtx();
  if (!can(ctx.actor.role, "channels.manage")) notFound();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const [{ channel, log }, scopes] = await Promise.all([
    getChannel(ctx, id).catch((e) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    channelScopeOptions(ctx),
  ]);
  return (
    <div className="mx-auto max-w-5xl space-y-8 pb-10">
      <div>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/alerts/channels" className="underline">
            Channels
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{channel.name}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {channel.kind} · {channel.target}
          {channel.archivedAt ? " · archived" : ""}
        </p>
      </div>
      {channel.archivedAt ? null : (
        <>
          <ChannelActions id={channel.id} version={channel.version} test={testChannelAction} archive={archiveChannelAction} />
          <section aria-label="Edit channel" className="max-w-3xl">
            <ChannelForm
              action={updateChannelAction}
              scopes={scopes}
              edit={{ id: channel.id, version: channel.version }}
              values={{
                name: channel.name,
                kind: channel.kind,
                recipients: channel.recipients.join("\n"),
                url: channel.url,
                minSeverity: channel.minSeverity,
                scope: channel.scopeKind && channel.scopeValue ? `${channel.scopeKind}:${channel.scopeValue}` : "",
                routeAll: channel.routeAll,
                enabled: channel.enabled,
                hasSecret: channel.hasSecret,
              }}
            />
          </section>
        </>
      )}
      <section aria-labelledby="log-heading" className="space-y-2">
        <h2 id="log-heading" className="text-lg font-semibold">
          Delivery log
        </h2>
        {log.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing sent yet.</p>
        ) : (
          <ScrollRegion label="Delivery log">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b text-slate-600 dark:text-slate-400">
                  <th className={TH}>Time (UTC)</th>
                  <th className={TH}>Message</th>
                  <th className={TH}>Attempt</th>
                  <th className={TH}>Result</th>
                  <th className={TH}>HTTP status</th>
                  <th className={TH}>Error</th>
                  <th className={TH}>Duration</th>
                </tr>
              </thead>
              <tbody>
                {log.map((l) => (
                  <tr key={l.id} className="border-b">
                    <td className={`${TD} whitespace-nowrap`}>{when.format(l.at)}</td>
                    <td className={TD}>
                      {l.subject}
                      {l.kind === "test" ? <span className="ml-1 text-xs text-slate-500">(test)</span> : null}
                    </td>
                    <td className={`${TD} tabular-nums`}>{l.attempt}</td>
                    <td className={TD}>
                      <span className={l.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                        {l.ok ? "ok" : "failed"}
                      </span>
                      {!l.ok && l.status === "failed" && l.attempt >= MAX_ATTEMPTS ? <span className="block text-xs">gave up</span> : null}
                    </td>
                    <td className={`${TD} tabular-nums`}>{l.statusCode ?? "—"}</td>
                    <td className={`${TD} break-all`}>{l.error ?? ""}</td>
                    <td className={`${TD} tabular-nums whitespace-nowrap`}>{l.durationMs === null ? "—" : `${l.durationMs} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
