import { decryptSecret } from "@/lib/connectors/secrets";
import { ValidationError } from "@/lib/errors";
import { secretKey } from "@/lib/env";

export const CHANNEL_KINDS = ["email", "webhook", "slack", "teams"] as const;

/** What a channel stores in `config` (never a secret): email recipients, a webhook's URL, an incoming webhook's host. */
export type ChannelConfig = { recipients?: string[]; url?: string; host?: string };

/** Where a message goes, with its secret in clear: only the deliverer holds one, for the time of a send. */
export type ChannelTarget =
  { kind: "email"; recipients: string[] } | { kind: "webhook"; url: string; secret: string } | { kind: "slack" | "teams"; url: string };

type ChannelRow = { kind: string; config: unknown; secret: string | null };

export function requireChannelKey(): Buffer {
  const key = secretKey();
  if (!key) {
    throw new ValidationError(
      "HEADROOM_SECRET_KEY is not set: Headroom needs it to store and read the channel's secret (generate one with: openssl rand -base64 32).",
    );
  }
  return key;
}

export function targetOf(row: ChannelRow): ChannelTarget {
  const config = (row.config ?? {}) as ChannelConfig;
  switch (row.kind) {
    case "email":
      return { kind: "email", recipients: config.recipients ?? [] };
    case "webhook":
      if (!row.secret || !config.url) throw new ValidationError("This webhook channel has no URL or secret; edit it and save again.");
      return { kind: "webhook", url: config.url, secret: decryptSecret(row.secret, requireChannelKey()) };
    case "slack":
    case "teams":
      if (!row.secret) throw new ValidationError("This channel has no incoming-webhook URL; edit it and enter one.");
      return { kind: row.kind, url: decryptSecret(row.secret, requireChannelKey()) };
    default:
      throw new ValidationError(`Unknown channel kind ${row.kind}.`);
  }
}

/** What a page may show of a channel's target: the recipients, or the URL's host only. */
export function targetLabel(row: { kind: string; config: unknown }): string {
  const config = (row.config ?? {}) as ChannelConfig;
  if (row.kind === "email") return (config.recipients ?? []).join(", ");
  if (config.host) return config.host;
  return config.url && URL.canParse(config.url) ? new URL(config.url).host : "—";
}
