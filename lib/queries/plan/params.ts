import type { RawSearchParams } from "@/lib/queries/lists/params";
import type { PlanInputs } from "@/lib/validation/plan";

// The planner's inputs in the URL (/plan, its CSV export, a report's plan section), so a plan can be bookmarked and
// shared. Caps are percentages in the URL and the form ("35" = 35 %), shares (0.35) in PlanInputs; "allowed" options
// are on unless the URL says `0`. A submitted form carries `set=1`, so an unticked box (absent) means "off".

const CAPS = [
  ["cap_provider", "capProvider"],
  ["cap_vendor", "capVendor"],
  ["cap_site", "capSite"],
] as const;
const ALLOWED = [
  ["on_demand", "noOnDemand"],
  ["spot", "noSpot"],
  ["build", "noBuild"],
] as const;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);

/** The share a percentage in the URL stands for ("35" → 0.35); anything not a number is passed on for PlanInputs to refuse. */
function percentToShare(value: string): number | string {
  const n = Number(value.replace(/%$/, "").trim());
  return Number.isFinite(n) && value !== "" ? n / 100 : value;
}

/** URL parameters → the raw input PlanInputs parses (unknown values are passed on so the page can say what is wrong). */
export function planInputFromParams(raw: RawSearchParams | URLSearchParams): Record<string, unknown> {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : one(raw[k]));
  const getAll = (k: string) => (raw instanceof URLSearchParams ? raw.getAll(k).filter(Boolean) : all(raw[k]));
  const submitted = get("set") === "1";
  const input: Record<string, unknown> = {};
  const horizon = get("horizon");
  if (horizon) input.horizon = horizon;
  const demand = get("demand");
  if (demand) input.demand = demand;
  const scenario = get("scenario");
  if (scenario) input.scenario = scenario;
  const families = getAll("family");
  if (families.length) input.families = families;
  const budget = get("budget")?.replace(/[,_\s$]/g, "");
  if (budget) input.budgetUsd = budget;
  for (const [param, key] of CAPS) {
    const v = get(param);
    if (v) input[key] = percentToShare(v);
  }
  for (const [param, key] of ALLOWED) {
    const v = get(param);
    input[key] = submitted ? v !== "1" : v === "0";
  }
  input.lateDelivery = get("late") === "1";
  return input;
}

const CAP_WORDS: Record<(typeof CAPS)[number][0], string> = {
  cap_provider: "largest provider share",
  cap_vendor: "largest chip vendor share",
  cap_site: "largest site share",
};

/** What is wrong with the URL's caps as the page asks for them (percentages), before PlanInputs sees them as shares. */
export function planParamsProblem(raw: RawSearchParams | URLSearchParams): string | null {
  for (const [param] of CAPS) {
    const v = raw instanceof URLSearchParams ? (raw.get(param) ?? undefined) : one(raw[param]);
    if (v === undefined) continue;
    const share = percentToShare(v);
    if (typeof share !== "number" || share < 0 || share > 1) return `The ${CAP_WORDS[param]} must be a percentage from 0 to 100, like 35.`;
  }
  return null;
}

const DEFAULT_HORIZON = 24;

/** PlanInputs → the URL's query string (without "?"): only what differs from the defaults, so links stay short. */
export function planQuery(inputs: PlanInputs): string {
  const q = new URLSearchParams();
  if (inputs.horizon !== DEFAULT_HORIZON) q.set("horizon", String(inputs.horizon));
  if (inputs.demand !== "median") q.set("demand", inputs.demand);
  if (inputs.scenario) q.set("scenario", inputs.scenario);
  for (const f of inputs.families ?? []) q.append("family", f);
  if (inputs.budgetUsd) q.set("budget", inputs.budgetUsd);
  for (const [param, key] of CAPS) {
    const share = inputs[key];
    if (share !== null) q.set(param, String(Math.round(share * 10_000) / 100));
  }
  for (const [param, key] of ALLOWED) if (inputs[key]) q.set(param, "0");
  if (inputs.lateDelivery) q.set("late", "1");
  return q.toString();
}

const BAND_WORDS: Record<PlanInputs["demand"], string> = {
  median: "the median demand forecast",
  p80: "the upper 80 % band of the demand forecast",
  p95: "the upper 95 % band of the demand forecast",
};

/** The inputs in words, for a report's plan section: "Covers the upper 80 % band … over 24 months; provider share at most 35 %; …". */
export function planInputsSentence(inputs: PlanInputs): string {
  const parts = [`Covers ${BAND_WORDS[inputs.demand]} plus demand plans over ${inputs.horizon} months`];
  parts.push(inputs.families?.length ? `families ${inputs.families.join(", ")}` : "every family");
  if (inputs.scenario) parts.push("under the report's scenario");
  const caps = (
    [
      ["provider", inputs.capProvider],
      ["chip vendor", inputs.capVendor],
      ["site", inputs.capSite],
    ] as const
  ).filter(([, v]) => v !== null);
  for (const [label, v] of caps) parts.push(`${label} share at most ${Math.round((v ?? 0) * 10_000) / 100} %`);
  if (inputs.budgetUsd) parts.push(`budget ${inputs.budgetUsd} USD`);
  const barred = [inputs.noOnDemand && "on-demand", inputs.noSpot && "spot", inputs.noBuild && "builds"].filter(Boolean);
  if (barred.length) parts.push(`no ${barred.join(", ")}`);
  if (inputs.lateDelivery) parts.push("lead times stretched by each provider's delivery slip");
  return `${parts.join("; ")}.`;
}
