import { randomBytes } from "node:crypto";
import type { Executor } from "@/lib/db/client";
import { channels } from "@/lib/db/schema";
import { encryptSecret } from "@/lib/connectors/secrets";
import { ValidationError } from "@/lib/errors";
import { requireChannelKey, type ChannelConfig } from "@/lib/notify/targets";
import { and, isNull, ne, sql } from "drizzle-orm";
import type { ChannelInput } from "./schemas";

export type Channel = typeof channels.$inferSelect;
export type VisibleChannel = Omit<Channel, "secret"> & { hasSecret: boolean };

/** A channel as pages and audit rows see it: the secret replaced by whether there is one. */
export function withoutSecret(row: Channel): VisibleChannel {
  const { secret, ...rest } = row;
  return { ...rest, hasSecret: secret !== null };
}

/** The config a kind keeps (no secret in it): recipients, a webhook's URL, an incoming webhook's host. */
export function configOf(data: ChannelInput): ChannelConfig {
  switch (data.kind) {
    case "email":
      return { recipients: data.recipients };
    case "webhook":
      return { url: data.url! };
    default:
      return { host: new URL(data.url!).host };
  }
}

/**
 * The secret to store, encrypted, or undefined to keep the stored one: a webhook's signing secret (typed, or generated
 * when `generate`), a Slack or Teams URL. `generated` is the clear secret to show once.
 */
export function sealedSecret(data: ChannelInput, { generate }: { generate: boolean }): { sealed?: string | null; generated?: string } {
  if (data.kind === "email") return { sealed: null };
  if (data.kind === "webhook") {
    if (!data.url) throw new ValidationError("Enter the webhook's URL.", { url: ["Enter the webhook's URL."] });
    const plain = data.secret ?? (generate ? `whsec_${randomBytes(24).toString("base64url")}` : undefined);
    if (!plain) return {};
    return { sealed: encryptSecret(plain, requireChannelKey()), generated: data.secret ? undefined : plain };
  }
  if (!data.url) {
    if (generate) throw new ValidationError("Enter the incoming-webhook URL.", { url: ["Enter the incoming-webhook URL."] });
    return {};
  }
  return { sealed: encryptSecret(data.url, requireChannelKey()) };
}

export async function checkNameFree(tx: Executor, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(sql`lower(${channels.name}) = lower(${name})`, isNull(channels.archivedAt), exceptId ? ne(channels.id, exceptId) : undefined),
    );
  if (clash) throw new ValidationError(`A channel named ${name} already exists.`, { name: ["This name is taken."] });
}
