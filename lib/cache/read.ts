import { PgTransaction } from "drizzle-orm/pg-core";
import { cache } from "react";
import type { Executor } from "@/lib/db/client";
import { localBumpCount, readDataVersion } from "@/lib/db/data-version";
import { deepFreeze } from "./freeze";
import { stableKey } from "./key";
import { Lru } from "./lru";

/** Answers kept per process: a page's figures (or a planning model) for one set of parameters each. */
export const CACHE_ENTRIES = 200;

type PageCache = {
  store: Lru<string, Promise<unknown>>;
  ids: WeakMap<object, number>;
  latest: Map<number, number>;
  nextId: number;
};

// On globalThis: Next.js may load this module once per server layer (pages, route handlers); they share one cache.
const shared = ((globalThis as { headroomPageCache?: PageCache }).headroomPageCache ??= {
  store: new Lru(CACHE_ENTRIES),
  ids: new WeakMap(),
  latest: new Map(),
  nextId: 1,
});
const { store, latest } = shared;

function idOf(db: Executor): number {
  let id = shared.ids.get(db);
  if (id === undefined) shared.ids.set(db, (id = shared.nextId++));
  return id;
}

type Remembered = { bumps: number; version: Promise<number> };

/** Within one server request, the data version is read once per database (React's cache; outside a request, every time). */
const requestVersions = cache(() => new Map<Executor, Remembered>());

/** The data version, read before the data it keys, so a cached answer is never older than its version. */
export function dataVersion(db: Executor): Promise<number> {
  const remembered = requestVersions();
  const bumps = localBumpCount();
  const known = remembered.get(db);
  if (known && known.bumps === bumps) return known.version;
  const version = readDataVersion(db);
  remembered.set(db, { bumps, version });
  version.catch(() => remembered.delete(db));
  return version;
}

/**
 * The answer of `compute` for `params` at the current data version: computed once per version and shared by every
 * request (concurrent requests wait for the same computation), frozen. Nothing is cached inside a transaction, nor
 * for an `asOf` off the minute.
 * `params` must name everything the answer depends on besides the data (filters, asOf, rates).
 */
export async function cachedRead<T>(name: string, db: Executor, params: unknown, compute: () => Promise<T>): Promise<T> {
  if (db instanceof PgTransaction || !onPageClock(params)) return compute();
  const version = await dataVersion(db);
  const id = idOf(db);
  if (version > (latest.get(id) ?? -1)) forgetBefore(id, version);
  const key = `${id}|${version}|${name}|${stableKey(params)}`;
  const hit = store.get(key);
  if (hit) return hit as Promise<T>;
  const computed = compute().then(deepFreeze);
  store.set(key, computed);
  computed.catch(() => store.deleteIf(key, computed));
  return computed;
}

/** A newer version makes every answer of an older one on the same database dead weight. */
function forgetBefore(id: number, version: number): void {
  latest.set(id, version);
  for (const key of store.keys()) {
    const [keyId, keyVersion] = key.split("|", 2).map(Number);
    if (keyId === id && keyVersion! < version) store.delete(key);
  }
}

/** An answer at an instant off the minute (`asOf` not from pageClock) is asked for once: not worth a place. */
function onPageClock(params: unknown): boolean {
  const asOf = (params as { asOf?: unknown } | null)?.asOf;
  return !(asOf instanceof Date) || asOf.getTime() % 60_000 === 0;
}

/** The clock of cached pages: now, to the minute (pages show asOf to the minute), so one answer serves a minute. */
export function pageClock(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}
