import { describe, expect, it } from "vitest";
import { channelTakes, notificationSubject, repeatDue, routeItems, type RoutableChannel } from "./routing";
import type { NotificationItem } from "./types";

const item = (over: Partial<NotificationItem>): NotificationItem => ({
  alertId: "a",
  ruleId: "r1",
  ruleName: "Rule",
  ruleKind: "runway",
  severity: "warning",
  event: "fired",
  title: "t",
  summary: "s",
  href: null,
  firstFiredAt: "2026-12-06T09:00:00.000Z",
  scope: {},
  detail: {},
  ...over,
});
const channel = (over: Partial<RoutableChannel>): RoutableChannel => ({
  id: "c1",
  minSeverity: "info",
  scopeKind: null,
  scopeValue: null,
  routeAll: false,
  enabled: true,
  archivedAt: null,
  ...over,
});
const d = (s: string) => new Date(s);

describe("channelTakes", () => {
  it("takes the items of rules that name it, and every rule's when it routes all", () => {
    expect(channelTakes(channel({}), item({}), new Set(["c1"]))).toBe(true);
    expect(channelTakes(channel({}), item({}), new Set(["c2"]))).toBe(false);
    expect(channelTakes(channel({}), item({}), undefined)).toBe(false);
    expect(channelTakes(channel({ routeAll: true }), item({}), undefined)).toBe(true);
  });

  it("takes its minimum severity and above", () => {
    const c = channel({ routeAll: true, minSeverity: "warning" });
    expect(
      [item({ severity: "info" }), item({ severity: "warning" }), item({ severity: "critical" })].map((i) => channelTakes(c, i, undefined)),
    ).toEqual([false, true, true]);
  });

  it("takes only items within its scope", () => {
    const c = channel({ routeAll: true, scopeKind: "provider", scopeValue: "p1" });
    expect(channelTakes(c, item({ scope: { provider: "p1", site: "s" } }), undefined)).toBe(true);
    expect(channelTakes(c, item({ scope: { provider: "p2" } }), undefined)).toBe(false);
    expect(channelTakes(c, item({ scope: {} }), undefined)).toBe(false);
  });

  it("takes nothing when disabled or archived", () => {
    expect(channelTakes(channel({ routeAll: true, enabled: false }), item({}), undefined)).toBe(false);
    expect(channelTakes(channel({ routeAll: true, archivedAt: d("2026-01-01") }), item({}), undefined)).toBe(false);
  });
});

describe("routeItems", () => {
  it("groups the items per channel and leaves out channels with none", () => {
    const items = [item({ alertId: "a1", ruleId: "r1", severity: "critical" }), item({ alertId: "a2", ruleId: "r2", severity: "info" })];
    const routed = routeItems(
      [channel({ id: "pager", routeAll: true, minSeverity: "critical" }), channel({ id: "team" }), channel({ id: "idle" })],
      items,
      new Map([
        ["r1", new Set(["team"])],
        ["r2", new Set(["team"])],
      ]),
    );
    expect([...routed].map(([id, mine]) => [id, mine.map((i) => i.alertId)])).toEqual([
      ["pager", ["a1"]],
      ["team", ["a1", "a2"]],
    ]);
  });
});

describe("notificationSubject", () => {
  it("counts fired and repeated as firing, and the resolved", () => {
    expect(
      notificationSubject([
        { event: "fired", severity: "warning" },
        { event: "repeated", severity: "info" },
        { event: "resolved", severity: "warning" },
      ]),
    ).toBe("Headroom: 2 alerts firing, 1 resolved");
    expect(notificationSubject([{ event: "fired", severity: "warning" }])).toBe("Headroom: 1 alert firing");
    expect(
      notificationSubject([
        { event: "resolved", severity: "critical" },
        { event: "resolved", severity: "info" },
      ]),
    ).toBe("Headroom: 2 alerts resolved");
    expect(notificationSubject([{ event: "fired", severity: "critical" }])).toBe("Headroom: [critical] 1 alert firing");
  });
});

describe("repeatDue", () => {
  const asOf = d("2026-12-06T10:00:00Z");
  it("is due once the repeat interval has passed since the last send", () => {
    expect(repeatDue({ lastNotifiedAt: d("2026-12-06T09:00:00Z") }, { repeatMinutes: 60, mutedUntil: null }, asOf)).toBe(true);
    expect(repeatDue({ lastNotifiedAt: d("2026-12-06T09:00:01Z") }, { repeatMinutes: 60, mutedUntil: null }, asOf)).toBe(false);
  });
  it("never repeats without an interval, and sends an alert never sent once its mute is over", () => {
    expect(repeatDue({ lastNotifiedAt: d("2026-01-01T00:00:00Z") }, { repeatMinutes: null, mutedUntil: null }, asOf)).toBe(false);
    expect(repeatDue({ lastNotifiedAt: null }, { repeatMinutes: null, mutedUntil: d("2026-12-06T09:59:00Z") }, asOf)).toBe(true);
  });
  it("is never due while muted", () => {
    expect(repeatDue({ lastNotifiedAt: null }, { repeatMinutes: 5, mutedUntil: d("2026-12-06T10:00:01Z") }, asOf)).toBe(false);
  });
});
