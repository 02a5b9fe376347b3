import Link from "next/link";
import { ErrorTable, type ImportErrorRow } from "./error-table";
import { SummaryTables, type ImportSummaryLike } from "./summary-tables";

export type ImportResultLike = {
  importId: number | null;
  status: "succeeded" | "duplicate" | "failed";
  rows: number;
  errors?: ImportErrorRow[];
  summary?: ImportSummaryLike | null;
  replaced?: { provider: string; billingPeriodStart: string; rows: number }[];
  duplicateOf?: { importId: number; fileName: string } | null;
};

/** What an import did, as the uploader sees it right after the upload. */
export function ImportOutcome({ result }: { result: ImportResultLike }) {
  const detail = result.importId ? (
    <Link href={`/imports/${result.importId}`} className="font-medium text-brand-700 underline dark:text-brand-300">
      import #{result.importId}
    </Link>
  ) : null;
  if (result.status === "failed") {
    return (
      <div className="mt-4" role="alert">
        <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          The file was rejected and nothing was loaded ({detail}). Fix the lines below and upload it again.
        </p>
        <ErrorTable errors={result.errors ?? []} />
      </div>
    );
  }
  if (result.status === "duplicate") {
    return (
      <p role="status" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        This exact file was already imported
        {result.duplicateOf ? ` as ${result.duplicateOf.fileName} (import #${result.duplicateOf.importId})` : ""}; nothing changed.
      </p>
    );
  }
  return (
    <div className="mt-4" role="status">
      <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
        Loaded {result.rows.toLocaleString("en-US")} rows ({detail}).
        {result.replaced?.length
          ? ` Replaced the earlier export of ${result.replaced.map((r) => `${r.provider} ${r.billingPeriodStart.slice(0, 7)} (${r.rows.toLocaleString("en-US")} rows)`).join(", ")}.`
          : ""}
      </p>
      {result.summary ? <SummaryTables summary={result.summary} /> : null}
    </div>
  );
}
