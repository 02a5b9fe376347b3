"use client";

import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { formatDayTimeUtc } from "@/lib/format/date";
import { SeverityBadge } from "./severity-badge";

type InboxAlert = {
  id: string;
  ruleName: string;
  severity: string;
  title: string;
  summary: string;
  href: string | null;
  firstFiredAt: string;
  owned: boolean;
};
type Inbox = { count: number; alerts: InboxAlert[] };

export const INBOX_KEY = ["alerts-inbox"] as const;

async function fetchInbox(signal: AbortSignal): Promise<Inbox> {
  const res = await fetch("/api/inbox", { signal, cache: "no-store" });
  if (!res.ok) throw new Error(`Inbox: ${res.status}`);
  return (await res.json()) as Inbox;
}

/** The bell in the app shell: a count of unacknowledged firing alerts, refreshed every 45 s, and their list on click. */
export function InboxBell({ align = "left" }: { align?: "left" | "right" }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { data } = useQuery({
    queryKey: INBOX_KEY,
    queryFn: ({ signal }) => fetchInbox(signal),
    refetchInterval: 45_000,
    staleTime: 30_000,
  });
  const count = data?.count ?? 0;

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const label = count === 0 ? "No alerts firing" : `${count} alert${count === 1 ? "" : "s"} firing, unacknowledged`;
  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative inline-flex size-7 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <Bell aria-hidden className="size-4" />
        {count > 0 ? (
          <span
            aria-hidden
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-700 px-1 text-center text-[10px] leading-4 font-semibold text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label="Firing alerts"
          tabIndex={-1}
          className={`absolute top-full z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg outline-none dark:border-slate-700 dark:bg-slate-900 ${align === "right" ? "right-0" : "left-0"}`}
        >
          <p className="mb-2 font-medium">{count === 0 ? "Nothing firing that needs you." : `${count} firing, unacknowledged`}</p>
          <ul className="max-h-80 space-y-2 overflow-y-auto">
            {(data?.alerts ?? []).map((a) => (
              <li key={a.id} className="rounded border border-slate-100 p-2 dark:border-slate-800">
                <div className="flex items-center gap-2">
                  <SeverityBadge severity={a.severity} />
                  {a.owned ? <span className="text-xs text-slate-600 dark:text-slate-400">Your rule</span> : null}
                </div>
                {a.href ? (
                  <Link
                    href={a.href}
                    onClick={() => setOpen(false)}
                    className="mt-1 block font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    {a.title}
                  </Link>
                ) : (
                  <p className="mt-1 font-medium">{a.title}</p>
                )}
                <p className="text-xs text-slate-600 dark:text-slate-400">Since {formatDayTimeUtc(a.firstFiredAt)}</p>
              </li>
            ))}
          </ul>
          <Link
            href="/alerts"
            onClick={() => setOpen(false)}
            className="mt-3 inline-block font-medium text-brand-700 underline dark:text-brand-300"
          >
            All alerts
          </Link>
        </div>
      ) : null}
    </div>
  );
}
