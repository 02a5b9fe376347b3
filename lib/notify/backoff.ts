/** Attempts at one message before it is given up as failed. */
export const MAX_ATTEMPTS = 5;

/** A claim left `sending` this long (the process stopped mid-send) is taken again by the next run. */
export const STALE_CLAIM_MS = 5 * 60_000;

/** Network calls give up after this long. */
export const SEND_TIMEOUT_MS = 10_000;

/** The wait after failed attempt n (1-based): 1, 2, 4, 8 minutes. */
export function retryDelayMs(attempt: number): number {
  return 60_000 * 2 ** (Math.max(1, attempt) - 1);
}

/** What a failed attempt leads to: another try at `nextAttemptAt`, or failed for good. */
export function afterFailure(attempt: number, now: Date): { status: "pending"; nextAttemptAt: Date } | { status: "failed" } {
  return attempt >= MAX_ATTEMPTS
    ? { status: "failed" }
    : { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)) };
}
