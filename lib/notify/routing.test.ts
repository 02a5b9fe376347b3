import { describe, expect, it } from "vitest";
import { channelTakes, type ChannelRouting } from "./routing";

const channel = (over: Partial<ChannelRouting> = {}): ChannelRouting => ({
  id: "c1",
  minSeverity: "warning",
  scopeKind: null,
  scopeValue: null,
  routeAll: true,
  enabled: true,
  ...over,
});

describe("channelTakes", () => {
  it("takes warning and critical at minSeverity warning, not info", () => {
    expect(channelTakes(channel(), { severity: "critical", scope: {} }, [])).toBe(true);
    expect(channelTakes(channel(), { severity: "warning", scope: {} }, [])).toBe(true);
    expect(channelTakes(channel(), { severity: "info", scope: {} }, [])).toBe(false);
  });

  it("takes only the rules that name it unless it routes all", () => {
    expect(channelTakes(channel({ routeAll: false }), { severity: "critical", scope: {} }, [])).toBe(false);
    expect(channelTakes(channel({ routeAll: false }), { severity: "critical", scope: {} }, ["c1"])).toBe(true);
  });

  it("keeps to its scope and takes nothing when disabled", () => {
    const h100 = channel({ scopeKind: "family", scopeValue: "H100" });
    expect(channelTakes(h100, { severity: "critical", scope: { family: "H100" } }, [])).toBe(true);
    expect(channelTakes(h100, { severity: "critical", scope: { family: "B200" } }, [])).toBe(false);
    expect(channelTakes(h100, { severity: "critical", scope: { site: "s1" } }, [])).toBe(false);
    expect(channelTakes(channel({ enabled: false }), { severity: "critical", scope: {} }, [])).toBe(false);
  });
});
