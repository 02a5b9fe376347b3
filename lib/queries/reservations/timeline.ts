import { isoDay } from "@/lib/metrics/calendar";
import { EXPIRING_DAYS, isExpiringWithin } from "@/lib/metrics/expiring";
import type { Period } from "@/lib/metrics/period";

export const TIMELINE_GROUPS = ["provider", "site", "family"] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export type BlockKind = "planned" | "active" | "expiring" | "expired";

export type TimelineBlock = {
  id: string;
  name: string;
  providerName: string;
  siteName: string;
  family: string;
  quantity: number;
  startAt: Date;
  endAt: Date;
  status: "planned" | "active" | "expired";
  deliveryDate: string | null;
};

export type TimelineBar = { block: TimelineBlock; kind: BlockKind; late: boolean; lane: number; left: number; width: number };
export type TimelineLane = { key: string; label: string; lanes: number; bars: TimelineBar[] };

/** Where a block stands at asOf: ended, ending within 90 days, running, or not started. */
export function blockKind(b: Pick<TimelineBlock, "startAt" | "endAt" | "status">, asOf: Date): BlockKind {
  if (b.status === "expired" || b.endAt <= asOf) return "expired";
  if (b.startAt > asOf) return "planned";
  return isExpiringWithin(b.endAt, asOf, EXPIRING_DAYS) ? "expiring" : "active";
}

/** Late delivery: capacity arrived (or will arrive) after the block's start, or the block is still planned after its start. */
export function isLate(b: Pick<TimelineBlock, "startAt" | "deliveryDate" | "status">, asOf: Date): boolean {
  if (b.deliveryDate !== null && b.deliveryDate > isoDay(b.startAt)) return true;
  return b.status === "planned" && b.startAt <= asOf;
}

function groupOf(b: TimelineBlock, by: TimelineGroup): string {
  return by === "provider" ? b.providerName : by === "site" ? b.siteName : b.family;
}

const pct = (t: number, w: Period) => ((t - w.from.getTime()) / (w.to.getTime() - w.from.getTime())) * 100;

/**
 * Lays blocks out as bars on a time axis: one swim lane per group, blocks packed into as few rows as overlap
 * allows (earliest start first). Positions are percentages of the window; bars are clipped to it.
 */
export function timelineLayout(blocks: readonly TimelineBlock[], by: TimelineGroup, window: Period, asOf: Date): TimelineLane[] {
  const groups = new Map<string, TimelineBlock[]>();
  for (const b of blocks) {
    if (b.endAt <= window.from || b.startAt >= window.to) continue;
    const key = groupOf(b, by);
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => {
      const rowEnds: number[] = [];
      const bars = [...members]
        .sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.name.localeCompare(b.name))
        .map((block) => {
          const start = Math.max(block.startAt.getTime(), window.from.getTime());
          const end = Math.min(block.endAt.getTime(), window.to.getTime());
          let lane = rowEnds.findIndex((e) => e <= block.startAt.getTime());
          if (lane === -1) lane = rowEnds.push(0) - 1;
          rowEnds[lane] = block.endAt.getTime();
          const left = pct(start, window);
          return { block, kind: blockKind(block, asOf), late: isLate(block, asOf), lane, left, width: pct(end, window) - left };
        });
      return { key, label: key, lanes: rowEnds.length, bars };
    });
}
