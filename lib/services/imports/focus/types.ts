import type { Ctx } from "@/lib/auth/context";
import type { Replaced } from "@/lib/ingest/focus/replace";
import type { FocusError } from "@/lib/ingest/focus/rows";
import type { FocusSummary } from "@/lib/ingest/focus/summary";

export type { FocusError } from "@/lib/ingest/focus/rows";
export type { FocusSummary } from "@/lib/ingest/focus/summary";

export type FocusImportResult = {
  /** null only when refused before an imports row exists (forbidden). For a duplicate: the earlier import. */
  importId: number | null;
  status: "succeeded" | "duplicate" | "failed";
  rows: number;
  bytes: number;
  sha256: string;
  /** First 100, failed only. */
  errors: FocusError[];
  replaced?: Replaced[];
  summary: FocusSummary | null;
  /** For a duplicate: the earlier succeeded import of the same bytes. */
  duplicateOf?: { importId: number; fileName: string; createdAt: string };
};

export type FocusImportArgs = {
  ctx: Ctx;
  source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream;
  fileName: string;
  onProgress?: (p: { bytes: number; rows: number }) => void;
  signal?: AbortSignal;
};

export type FocusImportOptions = { fxRates: Readonly<Record<string, string>>; onPhase?: (phase: string, ms: number) => void };

/** How far the file was read: records and bytes so far, the SHA-256 once every byte is read (else ""). */
export type FileRead = { rows: number; bytes: number; sha256: string };

/** The file was refused for the errors listed (by line and column); nothing is loaded. */
export class Rejected extends Error {
  constructor(readonly errors: FocusError[]) {
    super("rejected");
  }
}

/** The same bytes were imported before: nothing is loaded, the earlier import is named. */
export class Duplicate extends Error {
  constructor(readonly earlier: { id: number; fileName: string; createdAt: Date }) {
    super("duplicate");
  }
}
