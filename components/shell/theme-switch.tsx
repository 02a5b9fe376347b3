"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const THEMES = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

const noSubscription = () => () => {};

/** System, light or dark; next-themes remembers the choice in this browser (localStorage), at every width. */
export function ThemeSwitch() {
  const { theme, setTheme } = useTheme();
  // The stored choice is known only in the browser: the server and the first render show "system".
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <select
      aria-label="Theme"
      value={hydrated ? (theme ?? "system") : "system"}
      onChange={(e) => setTheme(e.target.value)}
      className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {THEMES.map((t) => (
        <option key={t.value} value={t.value}>
          {t.label}
        </option>
      ))}
    </select>
  );
}
