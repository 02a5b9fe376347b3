/** "2027-01": a calendar month (UTC). Month index i of a world is `months[i]`. */
export type MonthKey = string;

export type PlanPricingModel = "reserved" | "on_demand" | "spot" | "owned";

/**
 * What a plan carries of an offer beyond what the solver weighs (the registers' ids and names, for saving a plan as a
 * scenario and for the procurement request). Optional: hand-built test worlds leave it out.
 */
export type PlanOfferInfo = {
  acceleratorTypeId?: string;
  typeName?: string;
  /** The offer's site, or the provider's site in its cloud region; null when no site of ours is in that region. */
  siteName?: string | null;
  region?: string | null;
  source?: "quote" | "list" | "renewal";
};

/** One thing that can be bought (a row of the offers register, lead time and slip already turned into a month). */
export type PlanOffer = PlanOfferInfo & {
  id: string;
  label: string;
  providerId: string;
  providerName: string;
  /** Chip vendor ("nvidia", "amd" …): the vendor concentration cap groups by it. */
  vendor: string;
  /** null: a cloud region, no power limit of ours and no site cap. */
  siteId: string | null;
  family: string;
  pricingModel: PlanPricingModel;
  /** Reserved and owned blocks last this many months; on-demand and spot run from their start to the horizon end. */
  termMonths: number;
  /** Exact decimal, USD per accelerator-hour (owned: the lease-vs-build rate, computed by the caller). */
  ratePerHour: string;
  h100ePerUnit: number;
  /** System W × PUE per accelerator. */
  facilityWattsPerUnit: number;
  /** Smallest total quantity of this offer in a plan that uses it (0: none). */
  minQuantity: number;
  /** Largest total quantity of this offer over all its blocks (null: no limit). */
  maxQuantity: number | null;
  /** Block size: every block's quantity is a multiple of it. */
  step: number;
  /** First month index a block may start (lead time, stretched by the delivery slip when asked, already applied). */
  earliestStartMonth: number;
  /** For sentences only ("CoreWeave's 120-day lead time …"). */
  leadTimeDays: number;
};

export type PlanSite = {
  id: string;
  name: string;
  /** Contracted facility MW per month index; null (or a missing array) where the site has no budget. */
  budgetMw?: (number | null)[];
  /** Facility MW of the blocks the site already holds, per month index. */
  existingMw: number[];
};

/** Concentration caps: largest share (0–1) of H100e one provider / chip vendor / site may hold, every month. */
export type PlanCaps = { provider?: number; vendor?: number; site?: number };

export type PlanWorld = {
  months: MonthKey[];
  families: string[];
  /** Demand H100e per family per month index (median, p80 or p95 as the caller chose). */
  demand: Record<string, number[]>;
  /** H100e already held per family per month index. */
  existingCapacity: Record<string, number[]>;
  sites: PlanSite[];
  /** H100e already held per provider / vendor / site id per month index; each should partition Σ existingCapacity. */
  existingByProvider: Record<string, number[]>;
  existingByVendor: Record<string, number[]>;
  existingBySite: Record<string, number[]>;
  /** Display names of providers and sites holding existing capacity but no offer (ids are shown otherwise). */
  names?: Record<string, string>;
  offers: PlanOffer[];
  caps: PlanCaps;
  /** Upper limit on the committed cost of all added blocks, USD (exact decimal string). */
  budgetUsd?: string | null;
  /** USD per unmet H100e-month; default: above any offer's cost of covering one H100e-month. */
  penaltyPerH100eMonth?: number;
};

export type PlanStatus = "optimal" | "time_limit_feasible" | "time_limit_no_solution" | "infeasible" | "error";

export type PlanBlock = PlanOfferInfo & {
  offerId: string;
  label: string;
  providerId: string;
  providerName: string;
  vendor: string;
  siteId: string | null;
  family: string;
  pricingModel: PlanPricingModel;
  quantity: number;
  h100e: number;
  startMonth: MonthKey;
  /** Last month the block is held (may lie past the horizon for a reserved or owned term). */
  endMonth: MonthKey;
  termMonths: number;
  ratePerHour: string;
  /** Exact decimals, USD: the whole term (on-demand/spot: start to horizon end), and the part inside the horizon. */
  committedCost: string;
  costInHorizon: string;
  leadTimeDays: number;
};

export type FamilyMonth = {
  family: string;
  month: MonthKey;
  demand: number;
  capacityBefore: number;
  capacityAfter: number;
  unmet: number;
  /** USD the plan would spend for one more H100e of demand this month (dual of the coverage row; 0 when not binding). */
  marginalUsdPerH100e: number;
};

export type SiteMonth = { siteId: string; month: MonthKey; budgetMw: number | null; mwBefore: number; mwAfter: number };

export type ShareSummary = { largestId: string; largestName: string; largestShare: number; hhi: number };

export type MonthShares = { month: MonthKey; provider: ShareSummary; vendor: ShareSummary; site: ShareSummary };

export type UnmetCause = "lead_time" | "power" | "cap" | "budget" | "max_quantity" | "no_offer" | "other";

export type Binding =
  | {
      kind: "power";
      siteId: string;
      siteName: string;
      fromMonth: MonthKey;
      toMonth: MonthKey;
      /** Largest single month's dual, USD per MW-month. */
      usdPerMwMonth: number;
      /** What 1 MW more in every month of the run would save, USD (at the unmet-demand penalty while demand stays unmet). */
      savingPerMw: number;
      /** H100e-months of demand left unmet that 1 MW more in every month of the run would cover (0: none is unmet). */
      unmetH100eMonths: number;
      sentence: string;
    }
  | {
      kind: "cap";
      dimension: "provider" | "vendor" | "site";
      id: string;
      name: string;
      cap: number;
      fromMonth: MonthKey;
      toMonth: MonthKey;
      /** Σ of the cap rows' duals: USD saved per H100e of extra room for this holder in every binding month. */
      usdPerH100e: number;
      /** Cost of the cap: the objective without this holder's cap rows, on the plan's chosen offers (LP). */
      costUsd: number;
      sentence: string;
    }
  | { kind: "budget"; budgetUsd: string; unmetH100eMonths: number; sentence: string }
  | { kind: "offer_max"; offerId: string; label: string; maxQuantity: number; usdPerUnit: number; sentence: string }
  | {
      kind: "unmet";
      family: string;
      fromMonth: MonthKey;
      toMonth: MonthKey;
      /** Largest unmet H100e of a month in the run. */
      maxUnmet: number;
      cause: UnmetCause;
      /** The offer whose lead time blocks it (cause lead_time). */
      offerId?: string;
      sentence: string;
    };

export type ProcurementPlan = {
  status: PlanStatus;
  /** Solver objective (blocks' cost + penalty × unmet), float: for display; money comes from the exact fields. */
  objective: number;
  committedCost: string;
  costInHorizon: string;
  penaltyPerH100eMonth: number;
  blocks: PlanBlock[];
  families: FamilyMonth[];
  sites: SiteMonth[];
  shares: MonthShares[];
  bindings: Binding[];
  solveMs: number;
  /** Relative MIP gap (0 when proved optimal). */
  mipGap: number;
  model: {
    rows: number;
    columns: number;
    integers: number;
    nonzeros: number;
    /** Block columns the MIP left open after reduced-cost fixing against the LP relaxation. */
    openColumns: number;
  };
  /** Wall ms: building the model, its LP relaxation, the MIP passes, the support LPs for what binds. */
  /** Wall ms: model build, LP relaxation, rounding and local search, MIP (worker thread), support LPs for duals. */
  timing: { buildMs: number; lpMs: number; heuristicMs: number; mipMs: number; dualsMs: number };
  message: string;
};
