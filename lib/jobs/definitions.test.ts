import { describe, expect, it } from "vitest";
import type { RunSummary } from "@/lib/services/connectors/run";
import { connectorRunsText, JOBS } from "./definitions";
import { cronProblem } from "./schedule";

const run = (
  counts: Partial<RunSummary["counts"]>,
  result: RunSummary["result"] = "succeeded",
  error: string | null = null,
): RunSummary => ({
  connectorId: "c",
  startedAt: "2027-01-01T06:00:00.000Z",
  finishedAt: "2027-01-01T06:00:05.000Z",
  result,
  error,
  seen: 0,
  objects: [],
  counts: { imported: 0, replaced: 0, duplicate: 0, rejected: 0, failed: 0, ...counts },
});

describe("job definitions", () => {
  it("each has a valid schedule or none, and a unique name", () => {
    for (const job of JOBS) if (job.schedule) expect(cronProblem(job.schedule), job.name).toBeNull();
    expect(new Set(JOBS.map((j) => j.name)).size).toBe(JOBS.length);
  });

  it("connectors.sync sums what the due connectors did and says why one could not run", () => {
    expect(connectorRunsText([])).toBe("No connector was due.");
    expect(connectorRunsText([run({})])).toBe("1 connector ran: nothing new.");
    // 2 + 1 imported, 1 rejected; the second connector could not list its bucket.
    expect(
      connectorRunsText([run({ imported: 2, rejected: 1 }, "partial"), run({ imported: 1 }), run({}, "failed", "Access Denied")]),
    ).toBe("3 connectors ran: 3 objects imported, 1 rejected; 1 connector could not run: Access Denied.");
  });
});
