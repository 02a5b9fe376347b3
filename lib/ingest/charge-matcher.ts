import type { Executor } from "@/lib/db/client";
import { loadChargeRegisters, type ChargeRegisters } from "./charge-registers";
import { CONTRACT_TAG, PROVIDER_ALIASES, RESERVATION_TAG } from "./matching";
import { btrim, compareBytes, jsonValueText, ownValue, pgLower, trimmedOrNull } from "./pg-text";

/** One charge's fields as the matching rules read them (a FocusRowMapper row, or a cost_line_items row). */
export type ChargeKeys = {
  /** The ProviderName cell (or the ServiceProviderName fallback) as mapped, untrimmed. */
  providerName: string | null;
  /** The Tags cell: JSON text (of an object, or it is ignored); parsed only when it could hold a key that matters. */
  tags: string | null;
  /** Extension columns, values JSON-parsed where JSON, else strings. */
  extra: Record<string, unknown> | null;
  /** After FX (USD when converted). */
  billingCurrency: string;
  chargePeriodStartMs: number;
  commitmentDiscountId: string | null;
  capacityReservationId: string | null;
  skuId: string | null;
  regionId: string | null;
  serviceName: string | null;
  subAccountId: string | null;
  /** ResourceId (allocation rules match it by prefix); absent reads as null. */
  resourceId?: string | null;
  /** A provider already set on the row, kept when no name resolves (as a rematch does); omit for new rows. */
  providerId?: string | null;
};

export type ChargeTies = {
  providerId: string | null;
  reservationId: string | null;
  contractId: string | null;
  acceleratorTypeId: string | null;
  workloadId: string | null;
};

type Contract = { id: string; providerId: string; currency: string; startMs: number; endMs: number; live: boolean; rank: number };
type Reservation = { id: string; providerId: string; contractId: string | null; acceleratorTypeId: string };
type SkuEntry = { byRegion: Map<string, string>; regionless: string | null };
type Mapping = {
  service: string | null;
  sku: string | null;
  region: string | null;
  subAccount: string | null;
  tagKey: string | null;
  userTagKey: string;
  tagValue: string | null;
  contract: Contract | undefined;
};
type MappingSet = { rules: Mapping[]; memo: Map<string, Mapping[]> };
type AllocationRule = {
  providerId: string | null;
  service: string | null;
  sku: string | null;
  region: string | null;
  subAccount: string | null;
  tagKey: string | null;
  userTagKey: string;
  tagValue: string | null;
  resourcePrefix: string | null;
  workloadId: string;
};

const SERVICE_PROVIDER_KEYS = ["ServiceProviderName", "serviceprovidername", "serviceProviderName", "SERVICEPROVIDERNAME"];
const CONTRACT_APPLIED_KEYS = ["ContractApplied", "contractapplied", "contractApplied", "CONTRACTAPPLIED"];
// The SQL rule's pattern (matching.ts CONTRACT_ID_PATTERN) over the same JSON text; JSON whitespace only.
const CONTRACT_ID = /\\?"ContractId\\?"[ \t\n\r\f\v]*:[ \t\n\r\f\v]*\\?"([^"\\]+)/g;
const USER_RESERVATION_TAG = `user:${RESERVATION_TAG}`;
const USER_CONTRACT_TAG = `user:${CONTRACT_TAG}`;
const BLANK = "";
const UNPARSED = Symbol("unparsed");
const MEMO_LIMIT = 50_000;
const TAGS_MEMO_LIMIT = 10_000;

/** Reads the registers the rules consult (providers, contracts, reservations, SKU and contract mappings), once. */
export async function loadChargeMatcher(db: Executor): Promise<ChargeMatcher> {
  return new ChargeMatcher(await loadChargeRegisters(db));
}

/** The matching rules of README "Matching charges", exactly as `withChargeTies` applies them, over maps of the registers. */
export class ChargeMatcher {
  private readonly names = new Map<string, string>();
  private readonly byRawName = new Map<string, string | null>();
  private readonly contractById = new Map<string, Contract>();
  private readonly liveByReference = new Map<string, Contract[]>();
  private readonly reservationByCri = new Map<string, Reservation[]>();
  private readonly reservationByName = new Map<string, Reservation>();
  private readonly skus = new Map<string, Map<string, SkuEntry>>();
  private readonly mappings = new Map<string, MappingSet>();
  private readonly allocationRules: AllocationRule[];
  // Exports repeat the same few Tags texts (one per resource): parse each once.
  private readonly parsedTags = new Map<string, Record<string, unknown> | null>();
  private tagsRaw: string | null = null;
  private tagsObject: Record<string, unknown> | null | typeof UNPARSED = UNPARSED;

  constructor(registers: ChargeRegisters) {
    this.indexProviders(registers.providers);
    registers.contracts.forEach((c, rank) => {
      const contract: Contract = { ...c, rank };
      this.contractById.set(c.id, contract);
      if (c.live && c.reference !== null) push(this.liveByReference, c.reference, contract);
    });
    for (const r of registers.reservations) {
      if (!r.live) continue;
      const reservation: Reservation = {
        id: r.id,
        providerId: r.providerId,
        contractId: r.contractId,
        acceleratorTypeId: r.acceleratorTypeId,
      };
      if (r.capacityReservationId !== null) push(this.reservationByCri, r.capacityReservationId, reservation);
      if (!this.reservationByName.has(r.name)) this.reservationByName.set(r.name, reservation);
    }
    for (const m of registers.skuMappings) {
      if (!m.live) continue;
      let bySku = this.skus.get(m.providerId);
      if (!bySku) this.skus.set(m.providerId, (bySku = new Map<string, SkuEntry>()));
      let entry = bySku.get(m.skuId);
      if (!entry) bySku.set(m.skuId, (entry = { byRegion: new Map(), regionless: null }));
      if (m.regionId === null) entry.regionless ??= m.acceleratorTypeId;
      else if (!entry.byRegion.has(pgLower(m.regionId))) entry.byRegion.set(pgLower(m.regionId), m.acceleratorTypeId);
    }
    for (const m of registers.contractMappings) {
      if (!m.live) continue;
      let set = this.mappings.get(m.providerId);
      if (!set) this.mappings.set(m.providerId, (set = { rules: [], memo: new Map() }));
      set.rules.push({
        service: m.serviceName === null ? null : pgLower(m.serviceName),
        sku: m.skuId,
        region: m.regionId === null ? null : pgLower(m.regionId),
        subAccount: m.subAccountId,
        tagKey: m.tagKey,
        userTagKey: `user:${m.tagKey ?? ""}`,
        tagValue: m.tagValue,
        contract: this.contractById.get(m.contractId),
      });
    }
    this.allocationRules = registers.allocationRules.map((r) => ({
      providerId: r.providerId,
      service: r.serviceName === null ? null : pgLower(r.serviceName),
      sku: r.skuId,
      region: r.regionId === null ? null : pgLower(r.regionId),
      subAccount: r.subAccountId,
      tagKey: r.tagKey,
      userTagKey: `user:${r.tagKey ?? ""}`,
      tagValue: r.tagValue,
      resourcePrefix: r.resourceIdPrefix,
      workloadId: r.workloadId,
    }));
  }

  match(keys: ChargeKeys): ChargeTies {
    this.tagsRaw = keys.tags;
    this.tagsObject = UNPARSED;
    const providerId = this.provider(keys);
    const reservation = this.reservation(keys, providerId);
    return {
      providerId,
      reservationId: reservation === null ? null : reservation.id,
      contractId: this.contract(keys, providerId, reservation),
      acceleratorTypeId: this.accelerator(keys, providerId, reservation),
      workloadId: this.allocationRules.length === 0 ? null : this.workload(keys, providerId),
    };
  }

  // Own name (case-insensitive) before an alias, live before archived, then name in byte order, then id.
  private indexProviders(providers: ChargeRegisters["providers"]): void {
    const best = new Map<string, { id: string; pri: number; live: boolean; label: string }>();
    const before = (a: { id: string; pri: number; live: boolean; label: string }, b: typeof a) =>
      a.pri - b.pri || Number(b.live) - Number(a.live) || compareBytes(a.label, b.label) || compareBytes(a.id, b.id);
    const offer = (name: string, c: { id: string; pri: number; live: boolean; label: string }) => {
      const b = best.get(name);
      if (!b || before(c, b) < 0) best.set(name, c);
    };
    for (const p of providers) {
      const own = pgLower(btrim(p.name));
      offer(own, { id: p.id, pri: 0, live: p.live, label: p.name });
      for (const group of PROVIDER_ALIASES) {
        if (group.includes(own)) for (const alias of group) offer(alias, { id: p.id, pri: 1, live: p.live, label: p.name });
      }
    }
    for (const [name, b] of best) this.names.set(name, b.id);
  }

  private provider(keys: ChargeKeys): string | null {
    let id: string | null | undefined = null;
    const raw = keys.providerName;
    if (raw !== null) {
      id = this.byRawName.get(raw);
      if (id === undefined) {
        const name = btrim(raw);
        id = name === "" ? BLANK : (this.names.get(pgLower(name)) ?? null);
        if (this.byRawName.size >= MEMO_LIMIT) this.byRawName.clear();
        this.byRawName.set(flat(raw), id);
      }
    }
    if (raw === null || id === BLANK) id = this.providerFromExtra(keys.extra);
    return id ?? keys.providerId ?? null;
  }

  private providerFromExtra(extra: Record<string, unknown> | null): string | null {
    const text = jsonValueText(extraValue(extra, SERVICE_PROVIDER_KEYS));
    return text === null ? null : (this.names.get(pgLower(btrim(text))) ?? null);
  }

  private reservation(keys: ChargeKeys, providerId: string | null): Reservation | null {
    const cri = trimmedOrNull(keys.capacityReservationId);
    if (cri !== null) {
      const list = this.reservationByCri.get(cri);
      if (list) for (const r of list) if (providerId === null || r.providerId === providerId) return r;
    }
    const name = this.tag(RESERVATION_TAG, USER_RESERVATION_TAG);
    if (name === null) return null;
    const r = this.reservationByName.get(name);
    return r && (providerId === null || r.providerId === providerId) ? r : null;
  }

  private contract(keys: ChargeKeys, providerId: string | null, reservation: Reservation | null): string | null {
    const cdi = trimmedOrNull(keys.commitmentDiscountId);
    if (cdi !== null) {
      const c = this.newestFit(this.liveByReference.get(cdi), keys, providerId, null);
      if (c) return c.id;
    }
    const applied = extraValue(keys.extra, CONTRACT_APPLIED_KEYS);
    if (applied !== undefined) {
      const text = JSON.stringify(applied);
      let best: Contract | null = null;
      if (text.includes("ContractId")) {
        for (const m of text.matchAll(CONTRACT_ID)) best = this.newestFit(this.liveByReference.get(btrim(m[1]!)), keys, providerId, best);
      }
      if (best) return best.id;
    }
    const tagged = this.tag(CONTRACT_TAG, USER_CONTRACT_TAG);
    if (tagged !== null) {
      const c = this.newestFit(this.liveByReference.get(tagged), keys, providerId, null);
      if (c) return c.id;
    }
    if (reservation !== null && reservation.contractId !== null) {
      const c = this.contractById.get(reservation.contractId);
      if (c && fits(c, keys, providerId)) return c.id;
    }
    return providerId === null ? null : this.mappedContract(keys, providerId);
  }

  private newestFit(list: Contract[] | undefined, keys: ChargeKeys, providerId: string | null, best: Contract | null): Contract | null {
    if (list) {
      for (const c of list) {
        if (best !== null && c.rank >= best.rank) break;
        if (fits(c, keys, providerId)) return c;
      }
    }
    return best;
  }

  private mappedContract(keys: ChargeKeys, providerId: string): string | null {
    const set = this.mappings.get(providerId);
    if (!set) return null;
    const service = keys.serviceName === null ? null : pgLower(btrim(keys.serviceName));
    const sku = trimmedOrNull(keys.skuId);
    const region = keys.regionId === null ? null : pgLower(btrim(keys.regionId));
    const subAccount = keys.subAccountId === null ? null : btrim(keys.subAccountId);
    const memoKey = `${part(service)}${part(sku)}${part(region)}${part(subAccount)}`;
    let candidates = set.memo.get(memoKey);
    if (!candidates) {
      candidates = set.rules.filter(
        (m) =>
          (m.service === null || m.service === service) &&
          (m.sku === null || m.sku === sku) &&
          (m.region === null || m.region === region) &&
          (m.subAccount === null || m.subAccount === subAccount),
      );
      if (set.memo.size >= MEMO_LIMIT) set.memo.clear();
      set.memo.set(memoKey, candidates);
    }
    for (const m of candidates) {
      if (m.tagKey !== null) {
        const value = this.tagText(m.tagKey, m.userTagKey);
        if (value === null || m.tagValue === null || btrim(value) !== m.tagValue) continue;
      }
      if (m.contract && fits(m.contract, keys, providerId)) return m.contract.id;
    }
    return null;
  }

  private accelerator(keys: ChargeKeys, providerId: string | null, reservation: Reservation | null): string | null {
    const sku = providerId === null ? null : trimmedOrNull(keys.skuId);
    if (sku !== null) {
      const entry = this.skus.get(providerId!)?.get(sku);
      if (entry) {
        if (entry.byRegion.size > 0 && keys.regionId !== null) {
          const type = entry.byRegion.get(pgLower(btrim(keys.regionId)));
          if (type !== undefined) return type;
        }
        if (entry.regionless !== null) return entry.regionless;
      }
    }
    return reservation === null ? null : reservation.acceleratorTypeId;
  }

  /** The first allocation rule (by position) whose named fields all equal the charge's. */
  private workload(keys: ChargeKeys, providerId: string | null): string | null {
    let service: string | null | undefined;
    let region: string | null | undefined;
    let resource: string | null | undefined;
    for (const r of this.allocationRules) {
      if (r.providerId !== null && r.providerId !== providerId) continue;
      if (r.service !== null && r.service !== (service ??= keys.serviceName === null ? null : pgLower(btrim(keys.serviceName)))) continue;
      if (r.sku !== null && r.sku !== trimmedOrNull(keys.skuId)) continue;
      if (r.region !== null && r.region !== (region ??= keys.regionId === null ? null : pgLower(btrim(keys.regionId)))) continue;
      if (r.subAccount !== null && (keys.subAccountId === null || r.subAccount !== btrim(keys.subAccountId))) continue;
      if (r.resourcePrefix !== null) {
        resource ??= keys.resourceId === null || keys.resourceId === undefined ? null : btrim(keys.resourceId);
        if (resource === null || !resource.startsWith(r.resourcePrefix)) continue;
      }
      if (r.tagKey !== null) {
        const value = this.tagText(r.tagKey, r.userTagKey);
        if (value === null || r.tagValue === null || btrim(value) !== r.tagValue) continue;
      }
      return r.workloadId;
    }
    return null;
  }

  /** nullif(btrim(coalesce(tags ->> key, tags ->> 'user:' || key)), ''). */
  private tag(key: string, userKey: string): string | null {
    const text = this.tagText(key, userKey);
    return text === null ? null : trimmedOrNull(text);
  }

  /** coalesce(tags ->> key, tags ->> userKey) when Tags is an object; parses Tags only if the key could be there. */
  private tagText(key: string, userKey: string): string | null {
    const raw = this.tagsRaw;
    if (raw === null) return null;
    if (this.tagsObject === UNPARSED) {
      // Without a backslash the key can only appear verbatim in the text.
      if (!raw.includes(key) && !raw.includes("\\")) return null;
      let parsed = this.parsedTags.get(raw);
      if (parsed === undefined) {
        parsed = parseObject(raw);
        if (this.parsedTags.size >= TAGS_MEMO_LIMIT) this.parsedTags.clear();
        this.parsedTags.set(flat(raw), parsed);
      }
      this.tagsObject = parsed;
    }
    const tags = this.tagsObject;
    if (tags === null) return null;
    return jsonValueText(ownValue(tags, key)) ?? jsonValueText(ownValue(tags, userKey));
  }
}

function fits(c: Contract, keys: ChargeKeys, providerId: string | null): boolean {
  const t = keys.chargePeriodStartMs;
  return (
    c.live && c.currency === keys.billingCurrency && t >= c.startMs && t < c.endMs && (providerId === null || c.providerId === providerId)
  );
}

/** coalesce(extra -> k1, extra -> k2, …) when extra is an object: JSON null stops the search, as in SQL. */
function extraValue(extra: Record<string, unknown> | null, keys: readonly string[]): unknown {
  if (extra === null || typeof extra !== "object" || Array.isArray(extra)) return undefined;
  for (const k of keys) {
    const v = ownValue(extra, k);
    if (v !== undefined) return v;
  }
  return undefined;
}

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// A memo key must not be a slice of a parser's read chunk, which it would keep alive.
function flat(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}

function part(v: string | null): string {
  return v === null ? "-" : `${v.length}:${v}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
