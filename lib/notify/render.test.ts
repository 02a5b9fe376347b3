import { describe, expect, it } from "vitest";
import { deliveryText } from "./deliver";
import { absoluteHref, renderAlertEmail, testPayload, webhookBody } from "./render";

describe("alert messages", () => {
  it("makes a path absolute with the public URL, and leaves it as a path without one", () => {
    expect(absoluteHref("/capacity?family=H100", "https://headroom.example.com")).toBe("https://headroom.example.com/capacity?family=H100");
    expect(absoluteHref("/capacity", undefined)).toBe("/capacity");
    expect(absoluteHref(null, "https://h.example.com")).toBeNull();
  });

  it("escapes HTML in titles and summaries", () => {
    const payload = testPayload("<b>ops</b>", new Date("2026-12-07T08:00:00Z"));
    const mail = renderAlertEmail("Test", payload, undefined);
    expect(mail.html).toContain("Test message for channel &lt;b&gt;ops&lt;/b&gt;");
    expect(mail.text).toContain("Test message for channel <b>ops</b>");
  });

  it("writes the webhook body with its type, evaluation and items", () => {
    const payload = testPayload("ops", new Date("2026-12-07T08:00:00Z"));
    expect(JSON.parse(webhookBody("test", payload, "https://h.example.com"))).toMatchObject({
      type: "headroom.test",
      evaluationId: 0,
      asOf: "2026-12-07T08:00:00.000Z",
      items: [{ href: "https://h.example.com/alerts/channels", severity: "info" }],
    });
  });

  it("sums a delivery run in one line", () => {
    expect(deliveryText({ sent: 0, retrying: 0, failed: 0 })).toBe("No notification was due.");
    expect(deliveryText({ sent: 2, retrying: 1, failed: 0 }, "report delivery", "report deliveries")).toBe(
      "3 report deliveries: 2 sent, 1 to retry, 0 failed.",
    );
    expect(deliveryText({ sent: 1, retrying: 0, failed: 0 })).toBe("1 notification: 1 sent, 0 to retry, 0 failed.");
  });
});
