import type { Burndown } from "./burndown";
import type { Dec } from "./decimal";
import type { ContractStatus } from "./spend";

export type ComputedStatusKind = "on_track" | "true_up_risk" | "overrun" | "exhausted";
/** What the burn-down says of a contract; `amount` is the shortfall (true-up risk) or the overrun. */
export type ComputedStatus = { kind: ComputedStatusKind; amount: Dec | null };

type Position = Pick<Burndown, "committed" | "consumed" | "shortfall" | "overrun">;

/**
 * The status the numbers give (PRODUCT.md §3 burn-down): "exhausted" once consumed ≥ committed (> 0); else
 * "true-up risk" when the projection (the final position, once ended) falls short; "overrun" when it goes past the
 * commitment; "on track" when it lands on it.
 */
export function computedStatus(b: Position): ComputedStatus {
  if (b.committed.gt(0) && b.consumed.gte(b.committed)) return { kind: "exhausted", amount: null };
  if (b.shortfall.gt(0)) return { kind: "true_up_risk", amount: b.shortfall };
  if (b.overrun.gt(0)) return { kind: "overrun", amount: b.overrun };
  return { kind: "on_track", amount: null };
}

export type StatusContradiction =
  "recorded_exhausted_not_consumed" | "consumed_not_recorded_exhausted" | "ended_still_open" | "expired_not_ended" | "pending_started";

/**
 * Where the recorded lifecycle status contradicts the burn-down and the term at asOf (null when they agree). Proposed
 * and cancelled contracts bind nothing and are not checked.
 */
export function statusContradiction(
  recorded: ContractStatus,
  b: Position & Pick<Burndown, "started" | "ended">,
): StatusContradiction | null {
  const exhausted = computedStatus(b).kind === "exhausted";
  if (recorded === "exhausted" && !exhausted) return "recorded_exhausted_not_consumed";
  if ((recorded === "active" || recorded === "pending") && b.ended) return "ended_still_open";
  if ((recorded === "active" || recorded === "pending") && exhausted) return "consumed_not_recorded_exhausted";
  if (recorded === "expired" && !b.ended) return "expired_not_ended";
  if (recorded === "pending" && b.started) return "pending_started";
  return null;
}
