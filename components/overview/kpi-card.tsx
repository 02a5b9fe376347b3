import Link from "next/link";
import type { ReactNode } from "react";
import { InAppOnly } from "@/components/links/app-link";
import { cn } from "@/lib/utils";

const LINK =
  "text-sm font-medium text-brand-700 underline decoration-brand-500/40 underline-offset-4 hover:decoration-current dark:text-sky-300 dark:decoration-sky-300/40";

export function KpiCard({
  id,
  title,
  value,
  unit,
  context,
  caption,
  tone = "default",
  className,
  link,
  children,
}: {
  id: string;
  title: string;
  value: string;
  unit?: string;
  context: ReactNode;
  caption?: string;
  tone?: "default" | "alert";
  className?: string;
  /** The page the number comes from, e.g. { href: "/costs", label: "Costs" }. */
  link?: { href: string; label: string };
  children?: ReactNode;
}) {
  const headingId = `kpi-${id}`;
  return (
    <section
      aria-labelledby={headingId}
      className={cn(
        "flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900",
        className,
      )}
    >
      <h2 id={headingId} className="text-sm font-medium text-slate-600 dark:text-slate-300">
        {title}
      </h2>
      <p
        data-testid="kpi-value"
        className={cn(
          "mt-1 text-3xl font-semibold tracking-tight tabular-nums",
          tone === "alert" ? "text-red-700 dark:text-red-400" : "text-slate-900 dark:text-white",
        )}
      >
        {value}
        {unit ? <span className="ml-1.5 text-base font-medium text-slate-600 dark:text-slate-400">{unit}</span> : null}
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{context}</p>
      {children ? (
        <div className="mt-3 flex-1">
          {caption ? <p className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">{caption}</p> : null}
          {children}
        </div>
      ) : null}
      <div className="mt-3 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        {link ? (
          <InAppOnly>
            <Link href={link.href} className={LINK} data-testid="kpi-link">
              Open {link.label}
              <span className="sr-only">: {title.toLowerCase()}</span>
            </Link>
          </InAppOnly>
        ) : null}
        <a href={`#${id}`} className={LINK}>
          How this is computed<span className="sr-only">: {title.toLowerCase()}</span>
        </a>
      </div>
    </section>
  );
}

export function NoChartData({ children }: { children: ReactNode }) {
  return (
    <p className="flex h-24 items-center justify-center rounded-md border border-dashed border-slate-300 px-3 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
      {children}
    </p>
  );
}
