"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const THEMES = [
  { value: "system", label: "System theme" },
  { value: "light", label: "Light theme" },
  { value: "dark", label: "Dark theme" },
] as const;

const noSubscription = () => () => {};

/** System, light or dark; next-themes remembers the choice in this browser. */
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
      className="hidden h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-800 sm:block dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {THEMES.map((t) => (
        <option key={t.value} value={t.value}>
          {t.label}
        </option>
      ))}
    </select>
  );
}
