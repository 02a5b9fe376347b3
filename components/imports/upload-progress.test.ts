import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UploadProgress } from "./upload-card";

describe("UploadProgress", () => {
  it("is a progressbar with its value: 250 of 1,000 bytes sent is 25 %", () => {
    const html = renderToStaticMarkup(createElement(UploadProgress, { sent: 250, total: 1000, rows: 3, received: 0 }));
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Sending the file"');
    expect(html).toContain('aria-valuemin="0"');
    expect(html).toContain('aria-valuemax="100"');
    expect(html).toContain('aria-valuenow="25"');
  });

  it("once sent, tracks the bytes the server has read: 600 of 1,000 is 60 %", () => {
    const html = renderToStaticMarkup(createElement(UploadProgress, { sent: 1000, total: 1000, rows: 9, received: 600 }));
    expect(html).toContain('aria-label="Checking the file"');
    expect(html).toContain('aria-valuenow="60"');
  });
});
