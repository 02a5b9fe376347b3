/**
 * Exits once stdout and stderr have flushed. Into a pipe (`npm run headroom -- plan --json | jq`) Node writes them
 * asynchronously, and `process.exit` at once cut a long answer at 64 KB.
 */
export function exitAfterFlush(code: number): void {
  process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}
