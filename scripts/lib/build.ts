import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { buildIsCurrent, fingerprintFile, sourceFingerprint } from "./build-fingerprint";

// Builds the production bundle unless the sources are unchanged since the last build.
export async function buildIfNeeded(): Promise<void> {
  if (buildIsCurrent()) return;
  console.log("Building Headroom (first start or changed sources)…");
  const fingerprint = sourceFingerprint();
  const code = await new Promise<number>((resolve) =>
    spawn("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }).on("exit", (c) =>
      resolve(c ?? 1),
    ),
  );
  if (code !== 0) throw new Error("The production build failed; see the output above.");
  writeFileSync(fingerprintFile, fingerprint);
}
