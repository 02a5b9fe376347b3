import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A container that scrolls sideways when its content (a wide table) is wider than the screen, so the page itself
 * never does (relative: an sr-only label inside is clipped with it, not placed past the page's edge). Focusable
 * and named, so a keyboard user can reach and scroll it (axe: scrollable-region-focusable); a named group rather
 * than a region landmark, so a page of tables does not fill the landmark list.
 */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="group"
      aria-label={label}
      // A scrolling region must be focusable to be scrolled by keyboard (WCAG 2.1.1); it is named and has a role.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className={cn(
        "relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
        className,
      )}
    >
      {children}
    </div>
  );
}
