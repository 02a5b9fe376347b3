"use client";

import { useIsMutating, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ListView, type Column, type FilterSelect } from "@/components/lists/list-view";
import { StatusBadge } from "@/components/registers/status-badge";
import { formatDay } from "@/lib/format/date";
import { formatMoneyDecimal } from "@/lib/format/number";
import { listQuery } from "@/lib/queries/lists/params";
import type { ImportHistory as History, ImportHistoryRow } from "@/lib/queries/imports/history";
import type { ImportListParams } from "@/lib/queries/imports";
import { fetchImportHistory, historyPollInterval, IMPORT_HISTORY_KEY, IMPORT_UPLOAD_KEY } from "./history-query";
import { IMPORT_KIND_LABEL } from "./labels";

const COLUMNS: Column<ImportHistoryRow>[] = [
  { key: "created", label: "Started", sort: "created", render: (i) => `${formatDay(i.createdAt)} ${i.createdAt.slice(11, 16)} UTC` },
  { key: "kind", label: "Kind", sort: "kind", render: (i) => IMPORT_KIND_LABEL[i.kind] ?? i.kind },
  { key: "file", label: "File", sort: "file", render: (i) => <span className="break-all">{i.fileName}</span> },
  { key: "rows", label: "Rows", sort: "rows", align: "right", render: (i) => i.rows.toLocaleString("en-US") },
  {
    key: "cost",
    label: "Effective cost",
    align: "right",
    render: (i) => (i.effectiveCost ? formatMoneyDecimal(i.effectiveCost, i.currency ?? "USD") : "—"),
  },
  { key: "status", label: "Status", sort: "status", render: (i) => <StatusBadge status={i.status} /> },
  { key: "errors", label: "Errors", align: "right", render: (i) => (i.errorCount ? i.errorCount : "—") },
  { key: "by", label: "By", render: (i) => i.createdBy ?? "system" },
];

/**
 * The import history, server-rendered first and then kept current in the browser: refetched every few seconds while
 * an import shown is running or an upload from this page is under way, and at once when an upload ends.
 */
export function ImportHistory({
  params,
  initial,
  exportHref,
  filterSelects,
}: {
  params: ImportListParams;
  initial: History;
  exportHref?: string;
  filterSelects: FilterSelect[];
}) {
  const search = listQuery(params);
  const queryClient = useQueryClient();
  const uploading = useIsMutating({ mutationKey: IMPORT_UPLOAD_KEY }) > 0;
  const { data, error } = useQuery({
    queryKey: [...IMPORT_HISTORY_KEY, search],
    queryFn: ({ signal }) => fetchImportHistory(search, signal),
    initialData: initial,
    initialDataUpdatedAt: initial.readAt,
    refetchInterval: (query) => historyPollInterval(query.state.data?.rows ?? [], uploading),
  });

  // initialData only seeds an empty cache: a later server render (navigating back here) replaces older cached rows.
  useEffect(() => {
    const key = [...IMPORT_HISTORY_KEY, search];
    const cached = queryClient.getQueryData<History>(key);
    if (cached && cached.readAt < initial.readAt) queryClient.setQueryData(key, initial, { updatedAt: initial.readAt });
  }, [queryClient, search, initial]);

  return (
    <>
      <ListView
        title="Imports"
        params={params}
        result={data}
        columns={COLUMNS}
        rowHref={(i) => `/imports/${i.id}`}
        searchLabel="File name"
        exportHref={exportHref}
        filterSelects={filterSelects}
      />
      {error ? <p className="mt-2 text-sm text-rose-700 dark:text-rose-300">{error.message}</p> : null}
    </>
  );
}
