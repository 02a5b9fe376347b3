import { eq } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { connectorObjects } from "@/lib/db/schema";
import { isManifestKey, manifestDataKeys, readSmall } from "@/lib/connectors/manifest";
import type { ObjectStore, StoredObject } from "@/lib/connectors/storage";

/**
 * One unit a run imports: an object, or a manifest export (its key and ETag, its data files in `files`).
 * new: never met; changed: its key was met with another ETag; seen: met with this ETag. `problem`: why it cannot load.
 */
export type PlannedObject = StoredObject & {
  status: "new" | "changed" | "seen";
  files: string[] | null;
  problem: string | null;
};

/** Lists the objects under the prefix and tells which a run would import; data files a manifest lists go with it. */
export async function planObjects(db: Executor, connectorId: string, store: ObjectStore, prefix: string): Promise<PlannedObject[]> {
  const listed: StoredObject[] = [];
  for await (const o of store.list(prefix)) if (isExportKey(o.key)) listed.push(o);
  const byKey = new Map(listed.map((o) => [o.key, o]));
  const known = await db
    .select({ key: connectorObjects.key, etag: connectorObjects.etag })
    .from(connectorObjects)
    .where(eq(connectorObjects.connectorId, connectorId));
  const seenEtags = new Map<string, Set<string>>();
  for (const k of known) (seenEtags.get(k.key) ?? seenEtags.set(k.key, new Set()).get(k.key)!).add(k.etag);
  const status = (o: StoredObject): PlannedObject["status"] =>
    seenEtags.get(o.key)?.has(o.etag) ? "seen" : seenEtags.has(o.key) ? "changed" : "new";

  const units: PlannedObject[] = [];
  const inManifest = new Set<string>();
  for (const o of listed.filter((l) => isManifestKey(l.key))) {
    const unit: PlannedObject = { ...o, status: status(o), files: null, problem: null };
    try {
      const files = manifestDataKeys(await readSmall(await store.open(o.key)));
      files.forEach((f) => inManifest.add(f));
      unit.files = files;
      const absent = files.filter((f) => !byKey.has(f));
      if (absent.length)
        unit.problem = `The manifest lists ${absent.length === 1 ? "a file" : "files"} not in the bucket: ${absent.slice(0, 3).join(", ")}.`;
      else unit.size = files.reduce((sum, f) => sum + byKey.get(f)!.size, 0);
    } catch (error) {
      unit.problem = `The manifest cannot be read: ${(error as Error).message}`;
    }
    units.push(unit);
  }
  for (const o of listed) {
    if (isManifestKey(o.key) || inManifest.has(o.key)) continue;
    units.push({ ...o, status: status(o), files: null, problem: null });
  }
  return units.sort((a, b) => a.key.localeCompare(b.key));
}

/** The objects a connector reads: FOCUS CSV, plain or gzip, and export manifests; anything else in the bucket is left alone. */
export function isExportKey(key: string): boolean {
  return isManifestKey(key) || /\.(csv|csv\.gz|gz)$/i.test(key);
}
