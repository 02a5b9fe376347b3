import { asc, desc, eq, isNull } from "drizzle-orm";
import { connectorObjects, connectors, providers } from "@/lib/db/schema";
import { requirePermission, type Ctx } from "@/lib/auth/context";
import { secretKey } from "@/lib/env";

const visible = {
  id: connectors.id,
  name: connectors.name,
  kind: connectors.kind,
  providerId: connectors.providerId,
  providerName: providers.name,
  location: connectors.location,
  prefix: connectors.prefix,
  schedule: connectors.schedule,
  enabled: connectors.enabled,
  nextRunAt: connectors.nextRunAt,
  lastRunStartedAt: connectors.lastRunStartedAt,
  lastRunFinishedAt: connectors.lastRunFinishedAt,
  lastResult: connectors.lastResult,
  lastError: connectors.lastError,
  lastSummary: connectors.lastSummary,
  archivedAt: connectors.archivedAt,
  version: connectors.version,
};

export type ConnectorLocation = {
  endpoint?: string;
  region?: string;
  bucket?: string;
  forcePathStyle?: boolean;
  accountUrl?: string;
  container?: string;
  auth?: "connection_string" | "sas" | "account_key";
};

export type ConnectorRow = Omit<Awaited<ReturnType<typeof selectConnectors>>[number], "location" | "lastSummary"> & {
  location: ConnectorLocation;
  lastSummary: { counts: Record<string, number>; seen: number } | null;
};

function selectConnectors(ctx: Ctx) {
  return ctx.db.select(visible).from(connectors).innerJoin(providers, eq(providers.id, connectors.providerId));
}

/** Every connector without its credentials, active first, by name. Admin only (connectors.manage). */
export async function listConnectors(ctx: Ctx): Promise<ConnectorRow[]> {
  requirePermission(ctx, "connectors.manage");
  const rows = await selectConnectors(ctx).orderBy(asc(connectors.archivedAt), asc(connectors.name));
  return rows as ConnectorRow[];
}

export async function getConnector(ctx: Ctx, id: string): Promise<ConnectorRow | null> {
  requirePermission(ctx, "connectors.manage");
  const [row] = await selectConnectors(ctx).where(eq(connectors.id, id));
  return (row as ConnectorRow | undefined) ?? null;
}

export type ConnectorObjectRow = {
  id: number;
  key: string;
  etag: string;
  size: number;
  outcome: string;
  files: string[] | null;
  importId: number | null;
  errors: { line: number; column?: string; message: string }[] | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** The objects the connector met, newest first. */
export async function recentConnectorObjects(ctx: Ctx, id: string, limit = 50): Promise<ConnectorObjectRow[]> {
  requirePermission(ctx, "connectors.manage");
  const rows = await ctx.db
    .select()
    .from(connectorObjects)
    .where(eq(connectorObjects.connectorId, id))
    .orderBy(desc(connectorObjects.startedAt), asc(connectorObjects.key))
    .limit(limit);
  return rows as ConnectorObjectRow[];
}

/** Active providers for the connector form. */
export async function connectorProviderOptions(ctx: Ctx): Promise<{ value: string; label: string }[]> {
  requirePermission(ctx, "connectors.manage");
  const rows = await ctx.db
    .select({ value: providers.id, label: providers.name })
    .from(providers)
    .where(isNull(providers.archivedAt))
    .orderBy(asc(providers.name));
  return rows;
}

/** Whether HEADROOM_SECRET_KEY is set: without it no connector can be created or run. */
export function hasSecretKey(): boolean {
  try {
    return secretKey() !== undefined;
  } catch {
    return false;
  }
}
