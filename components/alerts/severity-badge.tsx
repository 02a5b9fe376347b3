const STYLE: Record<string, string> = {
  critical: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100",
  warning: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  info: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium capitalize ${STYLE[severity] ?? STYLE.info}`}>{severity}</span>
  );
}
