import type { ReactNode } from "react";

/** One "How this is computed" entry: an anchor target, the definition in a sentence, and the rows behind the number. */
export function MethodSection({
  id,
  title,
  definition,
  children,
}: {
  id: string;
  title: string;
  definition: ReactNode;
  children: ReactNode;
}) {
  return (
    <div id={id} className="scroll-mt-20 border-t border-slate-200 pt-5 dark:border-slate-800">
      <h3 className="text-base font-semibold">{title}</h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">{definition}</p>
      {children}
    </div>
  );
}
