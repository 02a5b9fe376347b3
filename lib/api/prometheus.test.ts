import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { escapeLabelValue, exposition } from "./prometheus";

describe("exposition", () => {
  it("writes HELP and TYPE lines and escapes label values as the format wants", () => {
    const text = exposition([
      {
        name: "headroom_test",
        help: "A gauge with a back\\slash\nand a new line.",
        samples: [
          { labels: { site: 'Quote " back\\slash\nnew line' }, value: "1.5" },
          { labels: {}, value: "+Inf" },
        ],
      },
    ]);
    expect(text).toBe(
      [
        "# HELP headroom_test A gauge with a back\\\\slash\\nand a new line.",
        "# TYPE headroom_test gauge",
        'headroom_test{site="Quote \\" back\\\\slash\\nnew line"} 1.5',
        "headroom_test +Inf",
        "",
      ].join("\n"),
    );
    const [family] = parsePrometheusTextFormat(text);
    expect(family).toMatchObject({ name: "headroom_test", type: "GAUGE" });
    expect(family!.metrics[0]).toEqual({ labels: { site: 'Quote " back\\slash\nnew line' }, value: "1.5" });
    expect(family!.metrics[1]!.value).toBe("+Inf");
  });

  it("leaves plain label values alone", () => {
    expect(escapeLabelValue("Azure · East US")).toBe("Azure · East US");
  });
});
