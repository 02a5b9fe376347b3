import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// PGlite is single-process: one Headroom (server or CLI) owns an embedded data folder at a time.
export function lockFile(dataDir: string): string {
  return path.join(dataDir, "headroom.pid");
}

export function runningPid(dataDir: string): number | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export function takeLock(dataDir: string): void {
  writeFileSync(lockFile(dataDir), String(process.pid));
}

export function releaseLock(dataDir: string): void {
  const file = lockFile(dataDir);
  if (existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
}
