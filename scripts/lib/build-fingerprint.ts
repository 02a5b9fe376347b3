import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
const STAMP = path.join(".next", "headroom-build-fingerprint");

export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    const full = path.join(root, input);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, encoding: "utf8" })
          .map((f) => path.join(full, f))
          .sort()
      : [full];
    for (const file of files) {
      const st = statSync(file);
      if (st.isFile()) hash.update(`${path.relative(root, file)}:${st.size}:${st.mtimeMs}\n`);
    }
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === sourceFingerprint(root);
}

export const fingerprintFile = STAMP;
