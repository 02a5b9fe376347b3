import type { BlockKind } from "@/lib/queries/reservations/timeline";

// The look and name of each kind of block, shared by the legend (a server component) and the bars (a client one).

export const KIND_STYLE: Record<BlockKind, string> = {
  planned: "border border-dashed border-sky-600 bg-sky-100 dark:bg-sky-900/60",
  active: "bg-emerald-600",
  expiring: "bg-amber-500",
  expired: "bg-slate-300 dark:bg-slate-600",
};

export const KIND_LABEL: Record<BlockKind, string> = {
  planned: "Planned",
  active: "Active",
  expiring: "Expiring within 90 days",
  expired: "Expired",
};
