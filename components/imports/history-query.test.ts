import { describe, expect, it } from "vitest";
import { HISTORY_POLL_MS, historyPollInterval } from "./history-query";

describe("historyPollInterval", () => {
  it("polls while a shown import is running", () => {
    expect(historyPollInterval([{ status: "succeeded" }, { status: "running" }], false)).toBe(HISTORY_POLL_MS);
  });

  it("polls while an upload from this page is under way, before its import shows", () => {
    expect(historyPollInterval([{ status: "succeeded" }], true)).toBe(HISTORY_POLL_MS);
    expect(historyPollInterval([], true)).toBe(HISTORY_POLL_MS);
  });

  it("stops once no import is running and nothing is uploading", () => {
    expect(historyPollInterval([{ status: "succeeded" }, { status: "failed" }], false)).toBe(false);
    expect(historyPollInterval([], false)).toBe(false);
  });
});
