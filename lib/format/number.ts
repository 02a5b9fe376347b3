type Num = number | string | null | undefined;

const DASH = "—";

function toNumber(value: Num): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

// Building an Intl.NumberFormat costs tens of microseconds, formatting with one well under one: each
// format is built once per set of options, not once per cell of a table.
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", options);
    formats.set(key, f);
  }
  return f;
}

/** $4.2M, $312K, $950: three significant digits at most. */
export function formatMoney(value: Num, currency = "USD"): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return numberFormat({ style: "currency", currency, notation: "compact", maximumSignificantDigits: 3 }).format(n);
}

/** $1,234,567.89 — for tables, to the cent. */
export function formatMoneyExact(value: Num, currency = "USD"): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return numberFormat({ style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** 12.3K, 4.2M, 950. */
export function formatCompact(value: Num): string {
  const n = toNumber(value);
  return n === null ? DASH : compact.format(n);
}

/** 312 MW, 42.5 MW, 0.25 MW, 1.2 GW. */
export function formatMw(value: Num): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const abs = Math.abs(n);
  if (abs >= 1000) return `${formatDecimal(n / 1000, 2)} GW`;
  return `${formatDecimal(n, abs < 10 ? 2 : abs < 100 ? 1 : 0)} MW`;
}

/** 0.71 → "71 %" (a ratio in, a percentage out). */
export function formatPercent(ratio: Num, fractionDigits = 0): string {
  const n = toNumber(ratio);
  if (n === null) return DASH;
  return `${formatDecimal(n * 100, fractionDigits)} %`;
}

/** 1,234 GPUs; 1 GPU. */
export function formatCount(value: Num, singular: string, plural = `${singular}s`): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return `${formatDecimal(n, 0)} ${Math.round(n) === 1 ? singular : plural}`;
}

/** 12.3K H100e. */
export function formatH100e(value: Num): string {
  const n = toNumber(value);
  return n === null ? DASH : `${compact.format(n)} H100e`;
}

/** 1,234.5 with at most `fractionDigits` decimals. */
/** A unit price such as a rate per accelerator-hour: 6.00 USD, 2.4567 USD (2 to 4 decimals, never rounded to whole units). */
export function formatRate(value: Num, currency: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return `${numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n)} ${currency}`;
}

export function formatDecimal(value: Num, fractionDigits = 2): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const s = numberFormat({ maximumFractionDigits: fractionDigits }).format(n);
  return s === "-0" ? "0" : s;
}

/** An exact decimal string with grouping, never through a float: "260000000000.500000" → "260,000,000,000.5". */
export function formatDecimalExact(value: string | null | undefined, fractionDigits = 6): string {
  if (value === null || value === undefined || value === "") return DASH;
  return (numberFormat({ maximumFractionDigits: fractionDigits, roundingMode: "halfExpand" }).format as (v: string) => string)(value);
}

/** An exact decimal string to the cent without passing through a float: "12345678901234.565" → "$12,345,678,901,234.57". */
export function formatMoneyDecimal(value: string | null | undefined, currency = "USD"): string {
  if (value === null || value === undefined || value === "") return DASH;
  const f = numberFormat({
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    roundingMode: "halfExpand",
  });
  return (f.format as (v: string) => string)(value);
}
