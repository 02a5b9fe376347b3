// Plain, serializable chart inputs: built on the server by pure mappers, drawn by client chart components.
export type ValueUnit = "usd" | "percent" | "mw" | "h100e" | "accelerators" | "count";

export type BarPoint = { key: string; label: string; value: number; color: string };
export type StackedPoint = { label: string; title: string; values: Record<string, number> };
export type StackSeries = { key: string; name: string; color: string };
export type LinePoint = { label: string; title: string; values: Record<string, number | null> };
export type LineSeries = { key: string; name: string; color: string; dashed?: boolean; area?: boolean };
