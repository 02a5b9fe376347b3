import Link from "next/link";
import { Upload } from "lucide-react";

/** "Import CSV" beside a register's "New …" button; render it only for users who may write that kind. */
export function ImportCsvLink({ kind }: { kind: string }) {
  return (
    <Link
      href={`/imports/registers?kind=${kind}`}
      className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
    >
      <Upload aria-hidden className="size-4" /> Import CSV
    </Link>
  );
}
