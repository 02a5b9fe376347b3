import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// A child writes 300 KB to stdout (a pipe to this process) and exits: every byte must arrive.
const child = `(async () => {
const { exitAfterFlush } = await import(${JSON.stringify(path.resolve("scripts/lib/exit-after-flush.ts"))});
process.stdout.write("x".repeat(300_000) + "\\n");
exitAfterFlush(3);
})();`;

describe("exitAfterFlush", () => {
  it("exits with the code only after a long answer has gone through the pipe", async () => {
    const result = await promisify(execFile)("npx", ["tsx", "--eval", child], { maxBuffer: 10_000_000 }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect("code" in result ? result.code : 0).toBe(3);
    expect(result.stdout.trim()).toHaveLength(300_000);
  }, 60_000);
});
